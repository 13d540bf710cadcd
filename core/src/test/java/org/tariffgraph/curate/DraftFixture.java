package org.tariffgraph.curate;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.draft.Draft;
import org.tariffgraph.draft.Drafter;
import org.tariffgraph.draft.ReportMetadata;
import org.tariffgraph.load.GraphLoader;
import org.tariffgraph.text.SourceText;
import org.tariffgraph.validate.Report;
import org.tariffgraph.vocab.TG;

/**
 * A real draft, made by the drafter from one of the test reports, laid out as a curator
 * gets it: its TriG file in a data folder beside a copy of the repository's entities, and
 * the report's text, under the draft's {@code tg:fileName}, in a sources folder with the
 * verified identifiers' README. The report is the Coinwire Daily one, whose draft passes
 * the gates as drafted.
 */
final class DraftFixture {

    static final String REPORT = "coinwire-daily-2025-rig-makers-tariffs";
    static final String ARTICLE = TG.ID + "article/" + REPORT;
    static final Node ARTICLE_NODE = Terms.uri(ARTICLE);

    private static String draftedTrig;
    private static byte[] reportText;

    /** The data folder: {@code entities.trig} and {@code articles/REPORT.trig}. */
    final Path data;
    /** The draft's TriG file. */
    final Path file;
    /** The sources folder: {@code README.md} and {@code REPORT.txt}. */
    final Path sources;

    private DraftFixture(Path data, Path file, Path sources) {
        this.data = data;
        this.file = file;
        this.sources = sources;
    }

    /** A fresh copy of the draft and its text under a folder. */
    static DraftFixture in(Path dir) {
        Path readme = TestHomes.requiredSources().resolve("README.md");
        try {
            draft();
            Path data = Files.createDirectories(dir.resolve("data/articles")).getParent();
            Files.copy(TestHomes.repo().resolve(TestHomes.ENTITIES), data.resolve("entities.trig"));
            Path file = data.resolve("articles/" + REPORT + ".trig");
            Files.writeString(file, draftedTrig, StandardCharsets.UTF_8);
            Path sources = Files.createDirectories(dir.resolve("sources"));
            Files.copy(readme, sources.resolve("README.md"));
            Files.write(sources.resolve(REPORT + ".txt"), reportText);
            return new DraftFixture(data, file, sources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drafts the report once, matching names to the repository's entities. */
    private static synchronized void draft() throws IOException {
        if (draftedTrig != null) {
            return;
        }
        String folder = "/reports/" + REPORT + "/";
        Properties meta = new Properties();
        try (InputStream in = resource(folder + "meta.properties"); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            meta.load(reader);
        }
        try (InputStream in = resource(folder + "report.txt")) {
            reportText = in.readAllBytes();
        }
        DatasetGraph entities = GraphLoader.parseTrig(TestHomes.repo().resolve(TestHomes.ENTITIES));
        Draft draft = Drafter.over(entities).draft(SourceText.of(REPORT + ".txt", reportText), new ReportMetadata(
                meta.getProperty("url"), meta.getProperty("publisher"), LocalDate.parse(meta.getProperty("published")), meta.getProperty("title")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        draft.writeTrig(out);
        draftedTrig = out.toString(StandardCharsets.UTF_8);
    }

    private static InputStream resource(String name) {
        InputStream in = DraftFixture.class.getResourceAsStream(name);
        assertNotNull(in, "test resource " + name);
        return in;
    }

    /** The report's text as the evidence measures it. */
    SourceText text() {
        return SourceText.read(sources.resolve(REPORT + ".txt"));
    }

    TrigFile read() {
        return TrigFile.read(file);
    }

    void write(TrigFile trig) {
        try (OutputStream out = Files.newOutputStream(file)) {
            trig.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes the draft file as a curator editing it would. */
    void edit(Consumer<DatasetGraph> change) {
        TrigFile trig = read();
        change.accept(trig.dataset());
        write(trig);
    }

    /** The draft's graph beside the repository's ontology and entities, and nothing else. */
    TariffGraph graph() {
        return TariffGraph.builder().home(TestHomes.repo()).data(data).build();
    }

    /** The shapes and violation queries, then the evidence against the text, of the draft as it is on disk. */
    Report gates() {
        TariffGraph graph = graph();
        return graph.validate().and(graph.checkEvidence(sources));
    }

    void assertPassesTheGates() {
        Report report = gates();
        assertTrue(report.passed(), report.format());
    }

    /** The graph node of the draft's named graph, where an edit adds its triples. */
    static Node graphName() {
        return Terms.uri(TG.GRAPH + "article/" + REPORT);
    }

    static Node node(String path) {
        return Terms.uri(ARTICLE + "/" + path);
    }

    static Set<Quad> quads(DatasetGraph dataset) {
        Set<Quad> all = new HashSet<>();
        dataset.find().forEachRemaining(all::add);
        return all;
    }

    /** The values of a property in a dataset. */
    static List<Node> values(DatasetGraph dataset, Node subject, Node property) {
        return dataset.stream(Node.ANY, subject, property, Node.ANY).map(Quad::getObject).distinct().toList();
    }
}
