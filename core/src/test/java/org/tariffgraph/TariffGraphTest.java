package org.tariffgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.tariffgraph.validate.Report;

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
        QueryResult.Rows who = graph.select("""
                PREFIX tg: <https://w3id.org/tariffgraph/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT DISTINCT ?name WHERE { ?statement tg:speaker/rdfs:label ?name } ORDER BY ?name""");
        assertEquals(List.of("Guang Yang", "John Deaton", "Kadan Stadlemann", "Leo Wang", "MicroBT", "Sanjay Gupta"),
                who.rowMaps().stream().map(r -> r.get("name").getLiteralLexicalForm()).toList());
    }

    /** Without a home folder, the graph that ships in the library is read: the same quads as the repository's. */
    @Test
    void withoutAHomeReadsTheGraphShippedInTheLibrary() {
        try (TariffGraph bundled = TariffGraph.builder().build()) {
            TariffGraph files = repo();
            assertTrue(org.apache.jena.sparql.util.IsoMatcher.isomorphic(files.dataset(), bundled.dataset()),
                    "the bundled graph differs from the repository's files: rebuild the library");
            assertEquals(files.catalogue().ids(), bundled.catalogue().ids());
        }
    }

    /** The worked example of the README and the javadoc, run. */
    @Test
    void theWorkedExampleRuns() {
        try (TariffGraph graph = TariffGraph.builder().build()) {
            Report report = graph.validate();
            assertTrue(report.passed(), report.format());
            QueryResult.Rows statements = graph.catalogue().select("who-said-what");
            List<String> lines = statements.rowMaps().stream().map(row -> row.get("speaker").getLiteralLexicalForm()
                    + ": " + row.get("words").getLiteralLexicalForm()).toList();
            assertEquals("Guang Yang: the shift isn’t minor", lines.get(0));
        }
    }

    @Test
    void runsSparqlTextAndNeverTakesItForACatalogueId() {
        TariffGraph graph = repo();
        assertThrows(QueryParseException.class, () -> graph.query("who-said-what"));
        assertEquals(12, graph.catalogue().select("who-said-what").size());
    }

    @Test
    void answersEachKindOfQueryWithItsOwnType() {
        TariffGraph graph = repo();
        assertInstanceOf(QueryResult.Rows.class, graph.query("SELECT * { ?s ?p ?o } LIMIT 1"));
        assertEquals(new QueryResult.Ask(true), graph.query("ASK { ?s ?p ?o }"));
        assertInstanceOf(QueryResult.Triples.class, graph.query("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1"));
        assertInstanceOf(QueryResult.Quads.class, graph.query("CONSTRUCT { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1"));
        assertInstanceOf(QueryResult.JsonItems.class, graph.query("JSON { \"s\": ?s } WHERE { ?s ?p ?o } LIMIT 1"));
        assertThrows(IllegalArgumentException.class, () -> graph.select("ASK { ?s ?p ?o }"));
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
        assertEquals(1, graph.select("SELECT * { GRAPH <http://example.org/notes> { ?s ?p ?o } }").size());
        assertEquals(List.of("http://example.org/notes", "https://w3id.org/tariffgraph/graph/derived/alignment", "https://w3id.org/tariffgraph/graph/ontology"), graph.exporter().graphNames());
    }

    @Test
    void aMissingHomeIsALoadError() {
        LoadException e = assertThrows(LoadException.class, () -> TariffGraph.builder().home(tmp.resolve("none")).build());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    /**
     * A closed graph releases its store, so that another process may open it; while it is
     * open, the other process is refused.
     */
    @Test
    void closingAStoredGraphReleasesTheStoreToAnotherProcess() throws Exception {
        Path store = tmp.resolve("store");
        TariffGraph graph = TariffGraph.builder().home(TestHomes.repo()).store(store).build();
        long quads = quads(graph);
        Process whileOpen = openInAnotherProcess(store);
        assertTrue(whileOpen.exitValue() != 0, "another process opened a store this one holds");
        graph.close();
        Process afterClose = openInAnotherProcess(store);
        String out = new String(afterClose.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, afterClose.exitValue(), new String(afterClose.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(Long.toString(quads), out);
    }

    private static long quads(TariffGraph graph) {
        return graph.triplesPerGraph().rowMaps().stream().mapToLong(r -> Long.parseLong(r.get("triples").getLiteralLexicalForm())).sum();
    }

    private static Process openInAnotherProcess(Path store) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OpenStore.class.getName(), TestHomes.repo().toString(), store.toString())
                .start();
        p.waitFor();
        return p;
    }

    /** Opens a store in a process of its own and prints its number of quads. */
    static final class OpenStore {
        public static void main(String[] args) {
            try (TariffGraph graph = TariffGraph.builder().home(Path.of(args[0])).store(Path.of(args[1])).build()) {
                System.out.println(quads(graph));
            }
        }
    }

    @Test
    void exportsOneGraphWithPrefixes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        repo().exporter().writeGraph(out, "https://w3id.org/tariffgraph/graph/entities", Exporter.GraphFormat.TURTLE);
        String turtle = out.toString(StandardCharsets.UTF_8);
        assertTrue(turtle.contains("PREFIX tg:") || turtle.contains("@prefix tg:"), turtle.substring(0, 300));
    }

    /** The README and the facade's javadoc carry the same worked example, and it runs. */
    @Test
    void theReadmeExampleIsTheJavadocExample() {
        String readme = TestHomes.read(TestHomes.repo().resolve("README.md"));
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README has a java block");
        String fromReadme = m.group(1).strip();
        String javadoc = TestHomes.read(TestHomes.repo().resolve("core/src/main/java/org/tariffgraph/TariffGraph.java"));
        Matcher j = Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* \\}</pre>", Pattern.DOTALL).matcher(javadoc);
        assertTrue(j.find(), "facade javadoc has a code example");
        String fromJavadoc = j.group(1).lines().map(l -> l.replaceFirst("^ \\* ?", "")).reduce((a, b) -> a + "\n" + b).orElse("").strip();
        assertEquals(fromJavadoc, fromReadme);
    }

    /**
     * With a validated state, the checks are skipped only for inputs that passed them before:
     * a data file broken afterwards is found at once, and a corrupt state file is not trusted.
     */
    @Test
    void checkAllSkipsTheChecksOnlyForInputsThatPassedThemBefore() throws Exception {
        Path home = TestHomes.copyOfRepo(tmp.resolve("home"));
        Path cache = tmp.resolve("cache");
        java.util.function.Supplier<Report> check = () -> TariffGraph.builder().home(home).validatedState(cache).build()
                .checkAll(java.util.Optional.empty());
        Report first = check.get();
        assertTrue(first.passed() && !first.remembered(), first.format());
        assertTrue(check.get().remembered(), "the same inputs were checked again");

        try (var states = Files.list(cache)) {
            for (Path state : states.toList()) {
                Files.writeString(state, "tariffgraph validated state, version 1\ninputs 0\n");
            }
        }
        Report afterCorruption = check.get();
        assertTrue(afterCorruption.passed() && !afterCorruption.remembered(), "a corrupt state was trusted");

        TestHomes.replaceOnce(home.resolve(TestHomes.ARTICLE), "tg:speaker person:john-deaton ;", "");
        Report broken = check.get();
        assertTrue(!broken.passed() && !broken.remembered(), "a changed data file was not checked: " + broken.format());
        assertTrue(broken.format().contains("path tg:speaker"), broken.format());
        assertTrue(!check.get().remembered(), "a failure was remembered");
    }

    /** Without a validated state, every call runs every check. */
    @Test
    void checkAllWithoutAValidatedStateAlwaysRunsTheChecks() {
        TariffGraph graph = repo();
        Report report = graph.checkAll(java.util.Optional.empty());
        assertTrue(report.passed() && !report.remembered(), report.format());
        assertTrue(!graph.checkAll(java.util.Optional.empty()).remembered());
    }
}
