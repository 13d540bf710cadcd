package org.tariffgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.JsonLdKeys;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.server.SparqlServer;

import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

class ExportCommandTest {

    @TempDir
    Path tmp;

    private static final String HOME = TestHomes.repo().toString();
    private static final String ENTITIES = "https://w3id.org/tariffgraph/graph/entities";

    private static DatasetGraph parseDataset(String text, Lang lang) {
        DatasetGraph dsg = DatasetGraphFactory.create();
        RDFParser.source(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).lang(lang).parse(dsg);
        return dsg;
    }

    @Test
    void exportsTheWholeDatasetAsTrigAndNquadsEqualToWhatIsLoaded() {
        DatasetGraph loaded = TariffGraph.builder().home(TestHomes.repo()).build().dataset();
        for (String[] f : new String[][] {{"trig", "TriG"}, {"nquads", "N-Quads"}}) {
            Cli result = Cli.run("export", "--home", HOME, "--format", f[0]);
            assertEquals(0, result.exitCode(), result.err());
            DatasetGraph exported = parseDataset(result.out(), f[0].equals("trig") ? Lang.TRIG : Lang.NQUADS);
            assertTrue(exported.getDefaultGraph().isEmpty(), "nothing outside the named graphs");
            Txn.executeRead(loaded, () -> loaded.listGraphNodes().forEachRemaining(name ->
                    assertTrue(IsoMatcher.isomorphic(loaded.getGraph(name), exported.getGraph(name)), f[1] + " " + name)));
        }
    }

    @Test
    void exportsOneGraphAsTurtleNtriplesAndJsonLd() {
        for (String[] f : new String[][] {{"turtle", "TTL"}, {"ntriples", "NT"}, {"jsonld", "JSONLD"}}) {
            Cli result = Cli.run("export", "--home", HOME, "--format", f[0], "--graph", ENTITIES);
            assertEquals(0, result.exitCode(), result.err());
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(new ByteArrayInputStream(result.out().getBytes(StandardCharsets.UTF_8)))
                    .lang(org.apache.jena.riot.RDFLanguages.shortnameToLang(f[1])).parse(g);
            assertTrue(g.size() > 100 && g.contains(org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/tariffgraph/id/org/canaan"),
                    org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY), f[0]);
        }
    }

    @Test
    void jsonLdOfAGraphUsesTheLinkedDataContextAndItsReadableKeys() throws Exception {
        TariffGraph graph = TariffGraph.builder().home(TestHomes.repo()).build();
        JsonObject published;
        SparqlServer server = SparqlServer.builder(graph).port(0).accessLog(false).build().start();
        try {
            HttpResponse<String> context = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.datasetUrl().replace("/kg", "/ontology/context.jsonld"))).build(), HttpResponse.BodyHandlers.ofString());
            published = JsonLdKeys.context(JsonLdKeys.parse(context.body()));
        } finally {
            server.stop();
        }
        for (String name : graph.exporter().graphNames()) {
            Cli result = Cli.run("export", "--home", HOME, "--format", "jsonld", "--graph", name);
            assertEquals(0, result.exitCode(), result.err());
            JsonStructure json = JsonLdKeys.parse(result.out());
            assertEquals(published, JsonLdKeys.context(json), name);
            assertTrue(JsonLdKeys.nodeCount(json) > 0, name);
            assertEquals(Set.of(), JsonLdKeys.keysThatAreNoTerm(json), name + ": node keys that are not terms of the context");
            Graph parsed = GraphFactory.createDefaultGraph();
            RDFParser.source(new ByteArrayInputStream(result.out().getBytes(StandardCharsets.UTF_8))).lang(Lang.JSONLD).parse(parsed);
            Txn.executeRead(graph.dataset(), () -> assertTrue(IsoMatcher.isomorphic(
                    graph.dataset().getGraph(org.apache.jena.graph.NodeFactory.createURI(name)), parsed), name + " reads back as written"));
        }
    }

    @Test
    void writesAFileCompletely() throws Exception {
        Path out = tmp.resolve("dump.trig");
        Files.writeString(out, "old content");
        Cli result = Cli.run("export", "--home", HOME, "--output", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.readString(out).contains("GRAPH") || Files.readString(out).contains("<https://w3id.org/tariffgraph/graph/"));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aGraphFormatNeedsAGraphAndAnUnknownGraphIsNamed() {
        Cli noGraph = Cli.run("export", "--home", HOME, "--format", "turtle");
        assertEquals(Main.USAGE, noGraph.exitCode());
        assertTrue(noGraph.err().contains("--graph"), noGraph.err());
        Cli unknown = Cli.run("export", "--home", HOME, "--format", "turtle", "--graph", "http://example.org/none");
        assertEquals(Main.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("no graph <http://example.org/none>") && unknown.err().contains(ENTITIES), unknown.err());
        assertEquals(Main.USAGE, Cli.run("export", "--home", HOME, "--format", "rdf-star").exitCode());
    }

    @Test
    void anUnknownGraphLeavesAnEarlierOutputFileAsItWas() throws Exception {
        Path out = tmp.resolve("graph.ttl");
        Files.writeString(out, "earlier");
        Cli unknown = Cli.run("export", "--home", HOME, "--format", "turtle", "--graph", "http://example.org/none", "--output", out.toString());
        assertEquals(Main.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("no graph <http://example.org/none>"), unknown.err());
        assertEquals("earlier", Files.readString(out));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }
}
