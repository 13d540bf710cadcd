package org.tariffgraph.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.text.SourceFolders;
import org.tariffgraph.validate.Report;

/**
 * Every report of the tests, the development reports and the held-out ones, drafts into a
 * graph that passes every gate beside the first article: shapes, violation queries, and
 * every evidence span against its text. Whatever a rule finds, the draft it writes is valid.
 */
class EveryReportDraftsTest {

    @TempDir
    Path tmp;

    @Test
    void everyTestReportDraftsIntoAGraphThatPassesEveryGate() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("drafts"));
        Path texts = Files.createDirectories(tmp.resolve("texts"));
        TariffGraph repo = TariffGraph.builder().home(TestHomes.repo()).build();
        Drafter drafter = Drafter.over(repo.dataset());
        List<String> drafted = new ArrayList<>();
        for (String set : List.of("", "held-out", "held-out-2")) {
            Path folder = DraftAccuracy.reports().resolve(set);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            for (DraftAccuracy.Case c : DraftAccuracy.reportsIn(folder)) {
                Draft draft = drafter.draft(c.text(), c.meta());
                try (OutputStream out = Files.newOutputStream(data.resolve(c.name() + ".trig"))) {
                    draft.writeTrig(out);
                }
                Files.copy(folder.resolve(c.name()).resolve("report.txt"), texts.resolve(c.name() + ".txt"));
                drafted.add(c.name());
            }
        }
        assertTrue(drafted.size() >= 7, "the test reports and the held-out ones: " + drafted);
        try (TariffGraph graph = TariffGraph.builder().home(TestHomes.repo()).data(TestHomes.repo().resolve("data")).data(data).build()) {
            Report report = graph.validate().and(graph.checkEvidence(SourceFolders.of(TestHomes.requiredSources(), texts)));
            assertTrue(report.passed(), report.format());
            assertEquals(drafted.size(), graph.select("""
                    PREFIX tg: <https://w3id.org/tariffgraph/ontology#>
                    SELECT DISTINCT ?source WHERE { ?fact tg:reviewStatus tg:Unreviewed ; tg:reportedIn ?source }
                    ORDER BY ?source""").size(), "each draft's facts are there, unreviewed");
        }
    }
}
