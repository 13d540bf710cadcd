package org.tariffgraph.draft;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.Prefixes;
import org.apache.jena.sparql.graph.GraphFactory;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.curate.Review;
import org.tariffgraph.curate.TrigFile;

/**
 * The curated graphs of the test reports, made as a researcher makes one: draft the report,
 * apply the curator's review file (review.txt), and add by hand what the review cannot
 * (additions.ttl: new facts inside the report's graph, with evidence the draft has). The
 * result is each report's curated.trig, which the alignment tests load beside the first
 * article. Run {@link #main} to write them again after the drafter changes; a test checks
 * that they are up to date.
 */
final class CuratedReports {

    /** The reports the curated graphs are made for. */
    static final List<String> REPORTS = List.of("harbour-ledger-2025-mining-rigs", "coinwire-daily-2025-rig-makers-tariffs",
            "caprock-chronicle-2025-plainview-miner", "lakeshore-courier-2025-solar-duties");

    private CuratedReports() {}

    /** The curated graph of a report, made afresh, as TriG text. */
    static TrigFile curate(Drafter drafter, Path folder) {
        DraftAccuracy.Case report = DraftAccuracy.report(folder);
        Draft draft = drafter.draft(report.text(), report.meta());
        try {
            Path file = Files.createTempFile("draft", ".trig");
            try (OutputStream out = Files.newOutputStream(file)) {
                draft.writeTrig(out);
            }
            TrigFile trig = TrigFile.read(file);
            Files.delete(file);
            Review.read(folder.resolve("review.txt"), trig.prefixes()).applyTo(trig.dataset(), "tariffgraph tests");
            Path additions = folder.resolve("additions.ttl");
            if (Files.exists(additions)) {
                Graph added = GraphFactory.createDefaultGraph();
                added.getPrefixMapping().setNsPrefixes(Prefixes.adapt(trig.prefixes()));
                RDFParser.create().source(additions).lang(Lang.TURTLE).prefixes(trig.prefixes()).parse(added);
                Node name = NodeFactory.createURI(draft.graphIri());
                added.find().forEachRemaining(t -> trig.dataset().add(name, t.getSubject(), t.getPredicate(), t.getObject()));
            }
            return trig;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes each report's curated.trig. */
    public static void main(String[] args) throws IOException {
        Drafter drafter = Drafter.over(TariffGraph.builder().home(TestHomes.repo()).build().dataset());
        for (String report : REPORTS) {
            Path folder = DraftAccuracy.reports().resolve(report);
            try (OutputStream out = Files.newOutputStream(folder.resolve("curated.trig"))) {
                curate(drafter, folder).write(out);
            }
            System.out.println("wrote " + folder.resolve("curated.trig"));
        }
    }
}
