package org.tariffgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.export.Exporter;
import org.tariffgraph.load.LoadException;
import org.tariffgraph.query.QueryResult;
import org.tariffgraph.server.SparqlServer;

class TariffGraphTest {

    @TempDir
    Path tmp;

    private static TariffGraph repo() {
        return TariffGraph.builder().home(TestHomes.repo()).build();
    }

    @Test
    void loadsValidatesAndQueriesTheRepositoryGraph() {
        TariffGraph graph = repo();
        assertTrue(graph.validate().passed(), graph.validate().format());
        QueryResult who = graph.query("""
                PREFIX tg: <https://w3id.org/tariffgraph/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT DISTINCT ?name WHERE { ?statement tg:speaker/rdfs:label ?name } ORDER BY ?name""");
        assertEquals(List.of("Guang Yang", "John Deaton", "Kadan Stadlemann", "Leo Wang", "MicroBT", "Sanjay Gupta"),
                who.rowMaps().stream().map(r -> r.get("name").getLiteralLexicalForm()).toList());
    }

    /** The worked example of the README and the javadoc, run. */
    @Test
    void theWorkedExampleRuns() {
        TariffGraph graph = TariffGraph.builder().home(TestHomes.repo()).build();
        org.tariffgraph.validate.Report report = graph.validate();
        assertTrue(report.passed(), report.format());
        QueryResult statements = graph.query("who-said-what");
        List<String> lines = statements.rowMaps().stream().map(row -> row.get("speaker").getLiteralLexicalForm()
                + ": " + row.get("words").getLiteralLexicalForm()).toList();
        assertEquals("Guang Yang: the shift isn’t minor", lines.get(0));
        SparqlServer server = graph.server().port(0).build().start();
        server.stop();
    }

    @Test
    void runsACatalogueQueryByItsId() {
        QueryResult result = repo().query("who-said-what");
        assertEquals(12, result.size());
        assertTrue(result.vars().containsAll(List.of("speaker", "mode", "words")), result.vars().toString());
    }

    @Test
    void refusesFederatedQueriesAndReportsMalformedOnes() {
        TariffGraph graph = repo();
        assertThrows(QueryDeniedException.class, () -> graph.query("SELECT * { SERVICE <http://example.org/s> { ?s ?p ?o } }"));
        assertThrows(QueryParseException.class, () -> graph.query("SELECT * { ?s ?p }"));
    }

    @Test
    void loadsFromOtherFolders() {
        Path data = tmp.resolve("mydata");
        TestHomes.write(data.resolve("notes.trig"),
                "<http://example.org/notes> { <http://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> \"A\" . }\n");
        TariffGraph graph = TariffGraph.builder().home(TestHomes.repo()).data(data).build();
        assertEquals(1, graph.query("SELECT * { GRAPH <http://example.org/notes> { ?s ?p ?o } }").size());
        assertEquals(List.of("http://example.org/notes", "https://w3id.org/tariffgraph/graph/ontology"), graph.exporter().graphNames());
        assertTrue(graph.exporter().graphNames().contains("http://example.org/notes"));
    }

    @Test
    void aMissingHomeIsALoadError() {
        LoadException e = assertThrows(LoadException.class, () -> TariffGraph.builder().home(tmp.resolve("none")).build());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void exportsOneGraphWithPrefixes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        repo().exporter().writeGraph(out, "https://w3id.org/tariffgraph/graph/entities", Exporter.GraphFormat.TURTLE);
        String turtle = out.toString(StandardCharsets.UTF_8);
        assertTrue(turtle.contains("PREFIX tg:") || turtle.contains("@prefix tg:"), turtle.substring(0, 300));
    }

    @Test
    void servesOnAFreePort() {
        SparqlServer server = repo().server().port(0).build().start();
        try {
            assertTrue(server.port() > 0);
        } finally {
            server.stop();
        }
    }

    /** The README and the facade's javadoc carry the same worked example, and it runs. */
    @Test
    void theReadmeExampleIsTheJavadocExample() {
        String readme = TestHomes.read(TestHomes.repo().resolve("README.md"));
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README has a java block");
        String fromReadme = m.group(1).strip();
        String javadoc = TestHomes.read(TestHomes.repo().resolve("src/main/java/org/tariffgraph/TariffGraph.java"));
        Matcher j = Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* \\}</pre>", Pattern.DOTALL).matcher(javadoc);
        assertTrue(j.find(), "facade javadoc has a code example");
        String fromJavadoc = j.group(1).lines().map(l -> l.replaceFirst("^ \\* ?", "")).reduce((a, b) -> a + "\n" + b).orElse("").strip();
        assertEquals(fromJavadoc, fromReadme);
    }
}
