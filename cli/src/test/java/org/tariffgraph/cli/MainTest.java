package org.tariffgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TestHomes;

class MainTest {

    /** The right single quotation mark of "Komodo’s", which a C locale cannot encode. */
    private static final String QUOTE = "\u2019";

    @TempDir
    static Path tmp;

    private static ExecutorService launcher;

    @AfterAll
    static void stopLauncher() {
        if (launcher != null) {
            launcher.shutdownNow();
        }
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        Cli result = Cli.run("--help");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("validate") && result.out().contains("check-evidence"), result.out());
    }

    @Test
    void noCommandIsAUsageError() {
        Cli result = Cli.run();
        assertEquals(Main.USAGE, result.exitCode());
        assertTrue(result.err().contains("Missing command"), result.err());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Cli result = Cli.run("validate", "--no-such-option");
        assertEquals(Main.USAGE, result.exitCode());
        assertTrue(result.err().contains("--no-such-option"), result.err());
    }

    @Test
    void versionIsPrinted() {
        Cli result = Cli.run("--version");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("tariffgraph"), result.out());
    }

    /** What a command printed in a child JVM: its exit code and the bytes of its two streams. */
    private record Run(int exitCode, byte[] out, byte[] err) {}

    /**
     * Runs the command line as a user runs it, in its own JVM, under the C locale: its
     * platform charset is then ASCII, and no {@code -Dfile.encoding} overrides it.
     */
    private static Run runUnderCLocale(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANGUAGE") || k.endsWith("JAVA_OPTIONS") || k.equals("JAVA_TOOL_OPTIONS"));
        env.put("LC_ALL", "C");
        env.put("LANG", "C");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process process = builder.redirectError(err.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command did not end: " + command);
        return new Run(process.exitValue(), out, Files.readAllBytes(err));
    }

    /** Decodes bytes as UTF-8, failing on any malformed sequence. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("not UTF-8: " + e.getMessage(), e);
        }
    }

    private static DatasetGraph parse(byte[] bytes, Lang lang) {
        DatasetGraph dsg = DatasetGraphFactory.create();
        RDFParser.source(new ByteArrayInputStream(bytes)).lang(lang).parse(dsg);
        return dsg;
    }

    /** Whether two datasets hold the same triples in every graph, blank nodes aside. */
    private static void assertSameRdf(DatasetGraph expected, DatasetGraph actual, String what) {
        assertTrue(IsoMatcher.isomorphic(expected.getDefaultGraph(), actual.getDefaultGraph()), what + ": default graph");
        List<String> names = new ArrayList<>();
        expected.listGraphNodes().forEachRemaining(n -> names.add(n.toString()));
        List<String> actualNames = new ArrayList<>();
        actual.listGraphNodes().forEachRemaining(n -> actualNames.add(n.toString()));
        assertEquals(names.stream().sorted().toList(), actualNames.stream().sorted().toList(), what + ": graph names");
        expected.listGraphNodes().forEachRemaining(n ->
                assertTrue(IsoMatcher.isomorphic(expected.getGraph(n), actual.getGraph(n)), what + ": graph " + n));
    }

    /**
     * A home with the repository's data and a little more whose names hold a ’: a graph
     * (for {@code stats}), a statement that breaks the shapes (for the reports of
     * {@code validate} and {@code serve}) and a catalogue query (for {@code queries}).
     */
    private static Path homeWithCurlyQuotes() {
        Path home = TestHomes.copyOfRepo(tmp.resolve("home"));
        TestHomes.write(home.resolve("data/komodo.trig"), """
                @prefix tg: <https://w3id.org/tariffgraph/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/tariffgraph/graph/komodo’s-notes> {
                  <https://w3id.org/tariffgraph/id/statement/komodo’s-view> a tg:Statement ; rdfs:label "Komodo’s view"@en .
                }
                """);
        TestHomes.write(home.resolve("queries/komodo-labels.rq"), """
                #+ summary: Labels of Komodo’s things
                #+ description: Every label that names Komodo’s.
                #+ tags: test
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?label WHERE { ?s rdfs:label ?label FILTER(CONTAINS(STR(?label), "Komodo’s")) } ORDER BY ?label
                """);
        return home;
    }

    /** What a command run under the C locale must have printed. */
    private interface Check {
        void verify(String[] args, Run run);
    }

    /** One command to run under the C locale, and what its output must be. */
    private record Case(String name, List<String> args, Check check) {}

    @TestFactory
    List<DynamicTest> everyCommandWritesUtf8WhateverTheLocale() throws IOException {
        Path home = homeWithCurlyQuotes();
        String h = home.toString();
        // Query files in ASCII: the argument list itself is decoded in the platform charset.
        Path select = tmp.resolve("komodo.rq");
        Files.writeString(select, "SELECT ?exact WHERE { ?s <http://www.w3.org/ns/oa#exact> ?exact "
                + "FILTER(CONTAINS(?exact, \"Komodo\\u2019s\")) } ORDER BY ?exact");
        String article = "https://w3id.org/tariffgraph/graph/article/prepsaret-2025-chinese-mining-rig-makers-us-production";
        Path exported = tmp.resolve("export.nq");
        Path network = tmp.resolve("network.graphml");

        List<Case> cases = new ArrayList<>();
        for (String format : List.of("table", "csv", "tsv", "json", "xml")) {
            // JSON escapes the quote; the others print it.
            String marker = format.equals("json") ? "Komodo\\u2019s" : "Komodo" + QUOTE + "s";
            cases.add(new Case("query --format " + format, List.of("query", "--home", h, "--file", select.toString(), "--format", format),
                    sameTextAsInProcess(marker)));
        }
        cases.add(new Case("export --format trig", List.of("export", "--home", h, "--format", "trig"), sameRdfAsInProcess(Lang.TRIG)));
        cases.add(new Case("export --format nquads", List.of("export", "--home", h, "--format", "nquads"), everyNquadsLineWithAQuoteIsKept()));
        for (String[] f : new String[][] {{"turtle", "TTL"}, {"ntriples", "NT"}, {"jsonld", "JSONLD"}}) {
            cases.add(new Case("export --format " + f[0], List.of("export", "--home", h, "--graph", article, "--format", f[0]),
                    sameRdfAsInProcess(org.apache.jena.riot.RDFLanguages.shortnameToLang(f[1]))));
        }
        cases.add(new Case("export --output", List.of("export", "--home", h, "--format", "nquads", "--output", exported.toString()), (args, run) -> {
            assertEquals(0, run.exitCode(), utf8(run.err()));
            Cli inProcess = Cli.run("export", "--home", h, "--format", "nquads");
            assertSameRdf(parse(inProcess.out().getBytes(StandardCharsets.UTF_8), Lang.NQUADS), parse(read(exported), Lang.NQUADS), "the file");
            assertTrue(utf8(read(exported)).contains("Komodo" + QUOTE + "s"));
        }));
        cases.add(new Case("network", List.of("network", "--home", h), sameTextAsInProcess(QUOTE)));
        cases.add(new Case("network --output", List.of("network", "--home", h, "--output", network.toString()), (args, run) -> {
            assertEquals(0, run.exitCode(), utf8(run.err()));
            String expected = Cli.run("network", "--home", h).out();
            assertTrue(expected.contains(QUOTE), "the network names something with a " + QUOTE);
            assertEquals(expected, utf8(read(network)));
        }));
        cases.add(new Case("queries", List.of("queries", "--home", h), sameTextAsInProcess("Labels of Komodo" + QUOTE + "s things")));
        cases.add(new Case("stats", List.of("stats", "--home", h), sameTextAsInProcess("komodo" + QUOTE + "s-notes")));
        cases.add(new Case("validate", List.of("validate", "--home", h), sameTextAsInProcess("statement/komodo" + QUOTE + "s-view")));
        cases.add(new Case("serve, refusing invalid data", List.of("serve", "--home", h, "--port", "0", "--no-access-log"), (args, run) -> {
            assertEquals(Main.CHECK_FAILED, run.exitCode());
            assertTrue(utf8(run.err()).contains("statement/komodo" + QUOTE + "s-view"), utf8(run.err()));
        }));

        // The JVMs start two at a time; each test waits for its own.
        launcher = Executors.newFixedThreadPool(2);
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            Future<Run> run = launcher.submit(() -> runUnderCLocale(c.args().toArray(String[]::new)));
            tests.add(DynamicTest.dynamicTest(c.name(), () -> c.check().verify(c.args().toArray(String[]::new), run.get(300, TimeUnit.SECONDS))));
        }
        return tests;
    }

    /** The command prints, byte for byte, the UTF-8 of what it prints in-process, and that holds {@code marker}. */
    private static Check sameTextAsInProcess(String marker) {
        return (args, run) -> {
            Cli expected = Cli.run(args);
            assertTrue(expected.out().contains(marker), "the output holds " + marker + ": " + expected.out());
            assertEquals(expected.exitCode(), run.exitCode(), utf8(run.err()));
            assertEquals(expected.out(), utf8(run.out()));
        };
    }

    /** The command prints RDF that parses to the same triples as the command's in-process output, some with a ’. */
    private static Check sameRdfAsInProcess(Lang lang) {
        return (args, run) -> {
            Cli expected = Cli.run(args);
            assertEquals(0, run.exitCode(), utf8(run.err()));
            assertTrue(expected.out().contains(QUOTE), "the output has a " + QUOTE);
            assertSameRdf(parse(expected.out().getBytes(StandardCharsets.UTF_8), lang), parse(run.out(), lang), lang.getLabel());
        };
    }

    /** Every N-Quads line with a ’ is printed, and parses. */
    private static Check everyNquadsLineWithAQuoteIsKept() {
        return (args, run) -> {
            assertEquals(0, run.exitCode(), utf8(run.err()));
            Cli expected = Cli.run(args);
            long withQuote = expected.out().lines().filter(l -> l.contains(QUOTE)).count();
            assertTrue(withQuote > 40, "the dataset has lines with a " + QUOTE + ": " + withQuote);
            List<String> printed = utf8(run.out()).lines().filter(l -> l.contains(QUOTE)).toList();
            assertEquals(withQuote, printed.size(), "lines with a " + QUOTE + " kept");
            printed.forEach(line -> assertEquals(1, parse(line.getBytes(StandardCharsets.UTF_8), Lang.NQUADS).stream().count(), line));
            assertSameRdf(parse(expected.out().getBytes(StandardCharsets.UTF_8), Lang.NQUADS), parse(run.out(), Lang.NQUADS), "N-Quads");
        };
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
