package org.tariffgraph.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.align.Aligner;
import org.tariffgraph.query.OutputFormat;
import org.tariffgraph.validate.Report;

/**
 * Several reports of one story: the first article beside four curated test reports (three of
 * the same story, one of another). Their curated graphs are what the drafter and the review
 * files make today; together they validate, evidence and all; and the catalogue's queries on
 * who reported what, and where reports agree or conflict, give their expected answers.
 */
class ReportsOfAStoryTest {

    @TempDir
    static Path tmp;

    private static TariffGraph graph;
    private static Path sources;

    @BeforeAll
    static void load() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("reports"));
        sources = Files.createDirectories(tmp.resolve("sources"));
        try (var files = Files.list(TestHomes.requiredSources())) {
            for (Path f : files.toList()) {
                Files.copy(f, sources.resolve(f.getFileName()));
            }
        }
        for (String report : CuratedReports.REPORTS) {
            Path folder = DraftAccuracy.reports().resolve(report);
            Files.copy(folder.resolve("curated.trig"), data.resolve(report + ".trig"));
            Files.copy(folder.resolve("report.txt"), sources.resolve(report + ".txt"));
        }
        graph = TariffGraph.builder().home(TestHomes.repo())
                .data(TestHomes.repo().resolve("data")).data(data).build();
    }

    @AfterAll
    static void close() {
        graph.close();
    }

    @TestFactory
    List<DynamicTest> eachCuratedGraphIsWhatTheDrafterAndItsReviewMakeToday() {
        Drafter drafter = Drafter.over(TariffGraph.builder().home(TestHomes.repo()).build().dataset());
        List<DynamicTest> tests = new ArrayList<>();
        for (String report : CuratedReports.REPORTS) {
            tests.add(DynamicTest.dynamicTest(report, () -> {
                Path folder = DraftAccuracy.reports().resolve(report);
                ByteArrayOutputStream made = new ByteArrayOutputStream();
                CuratedReports.curate(drafter, folder).write(made);
                DatasetGraph fresh = DatasetGraphFactory.create();
                RDFParser.fromString(made.toString(StandardCharsets.UTF_8), Lang.TRIG).parse(fresh);
                DatasetGraph stored = DatasetGraphFactory.create();
                RDFParser.source(folder.resolve("curated.trig")).parse(stored);
                assertTrue(IsoMatcher.isomorphic(fresh, stored),
                        report + "/curated.trig is out of date: run CuratedReports to write it again");
            }));
        }
        return tests;
    }

    @Test
    void theReportsTogetherPassEveryShapeCheckAndEvidenceSpan() {
        Report report = graph.validate().and(graph.checkEvidence(sources));
        assertTrue(report.passed(), report.format());
    }

    @Test
    void noDraftedFactIsLeftUnreviewedInACuratedGraph() {
        var rows = graph.select("""
                PREFIX tg: <https://w3id.org/tariffgraph/ontology#>
                SELECT ?fact WHERE { ?fact tg:reviewStatus tg:Unreviewed } ORDER BY ?fact""");
        assertEquals(0, rows.size(), rows.rowMaps().toString());
    }

    @Test
    void theAlignmentGraphLinksEachPairBothWaysAndOnlyAcrossSources() {
        var oneWay = graph.select("""
                PREFIX tg: <https://w3id.org/tariffgraph/ontology#>
                SELECT ?a ?p ?b WHERE { GRAPH <%s> {
                  VALUES ?p { tg:sameStatementAs tg:corroborates tg:conflictsWith }
                  ?a ?p ?b FILTER NOT EXISTS { ?b ?p ?a } } } ORDER BY ?a""".formatted(Aligner.GRAPH));
        assertEquals(0, oneWay.size(), oneWay.rowMaps().toString());
        var sameSource = graph.select("""
                PREFIX tg: <https://w3id.org/tariffgraph/ontology#>
                PREFIX prov: <http://www.w3.org/ns/prov#>
                SELECT ?a ?b WHERE { GRAPH <%s> { ?a ?p ?b }
                  ?a tg:reportedIn ?s . ?b tg:reportedIn ?s } ORDER BY ?a""".formatted(Aligner.GRAPH));
        assertEquals(0, sameSource.size(), sameSource.rowMaps().toString());
        var links = graph.select("""
                PREFIX tg: <https://w3id.org/tariffgraph/ontology#>
                SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH <%s> {
                  VALUES ?p { tg:sameStatementAs tg:corroborates tg:conflictsWith }
                  ?a ?p ?b FILTER(STR(?a) < STR(?b)) } }
                GROUP BY ?p ORDER BY ?p""".formatted(Aligner.GRAPH));
        // Three quotes carried by two outlets each; fourteen pairs that agree and five that do
        // not, each listed, with what each side states, in the expected answers below.
        assertEquals(List.of("conflictsWith 5", "corroborates 14", "sameStatementAs 3"), links.rowMaps().stream()
                .map(r -> r.get("p").getLocalName() + " " + r.get("n").getLiteralLexicalForm()).toList());
    }

    @TestFactory
    List<DynamicTest> theStoryQueriesGiveTheirExpectedAnswersOverAllTheReports() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String id : List.of("who-reported-what", "corroborated-claims", "conflicting-claims")) {
            tests.add(DynamicTest.dynamicTest(id, () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                graph.catalogue().select(id).write(out, OutputFormat.TSV);
                String expected = Files.readString(DraftAccuracy.reports().resolve("expected/" + id + ".tsv"), StandardCharsets.UTF_8);
                assertEquals(expected, out.toString(StandardCharsets.UTF_8), id);
            }));
        }
        return tests;
    }
}
