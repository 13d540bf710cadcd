package org.tariffgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultsCompare;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TestHomes;


class ServeCommandTest {

    @TempDir
    Path tmp;

    /**
     * The command prints where the workbench is, then one ready line, serves until its thread
     * is interrupted, then stops the server and exits 0; its shutdown hook goes with it.
     */
    @Test
    void servesAfterValidatingPrintsTheWorkbenchAndOneReadyLineAndStopsWhenInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        Serving serving = Serving.start(out, new StringWriter(), Duration.ofSeconds(30),
                List.of("serve", "--home", TestHomes.repo().toString(), "--port", "0"));
        String[] lines = out.toString().strip().split("\\R");
        assertEquals(2, lines.length, out.toString());
        assertTrue(lines[0].matches("Workbench at http://127\\.0\\.0\\.1:\\d+/"), lines[0]);
        String line = lines[1];
        assertTrue(line.matches("SPARQL endpoint ready at http://127\\.0\\.0\\.1:\\d+/kg/sparql"), line);
        String url = line.substring(line.indexOf("http"));
        HttpResponse<String> workbench = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(lines[0].substring(lines[0].indexOf("http"))))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, workbench.statusCode());
        assertTrue(workbench.body().contains("href=\"/query\""), "the workbench's page links to the query editor");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "?query="
                + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("true"), response.body());
        assertEquals(0, serving.stop());
        try (Socket refused = new Socket()) {
            java.net.URI uri = URI.create(url);
            assertThrows(IOException.class, () -> refused.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 2000),
                    "the server stopped listening");
        }
    }

    @Test
    void refusesToServeInvalidDataWithTheReportAndExitOne() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceOnce(home.resolve(TestHomes.ARTICLE), "tg:speaker person:john-deaton ;", "");
        Cli result = Cli.run("serve", "--home", home.toString(), "--port", "0");
        assertEquals(Main.CHECK_FAILED, result.exitCode());
        assertTrue(result.err().contains("john-deaton-supply-disruption") && result.err().contains("not serving"), result.err());
        assertEquals("", result.out());
    }

    /**
     * Inputs that passed every check are served at the next start without checking them
     * again; a changed data file is checked, and refused when it breaks a check.
     */
    @Test
    void skipsTheChecksOnlyForInputsThatPassedThemBefore() throws Exception {
        Path home = TestHomes.copyOfRepo(tmp.resolve("home"));
        Path cache = tmp.resolve("cache");
        String remembered = "passed every check before";
        String first = serveUntilReady("--home", home.toString(), "--cache", cache.toString());
        assertFalse(first.contains(remembered), first);
        String second = serveUntilReady("--home", home.toString(), "--cache", cache.toString());
        assertTrue(second.contains(remembered), second);
        String rechecked = serveUntilReady("--home", home.toString(), "--cache", cache.toString(), "--recheck");
        assertFalse(rechecked.contains(remembered), rechecked);

        TestHomes.replaceOnce(home.resolve(TestHomes.ARTICLE), "tg:speaker person:john-deaton ;", "");
        Cli broken = Cli.run("serve", "--home", home.toString(), "--cache", cache.toString(), "--port", "0");
        assertEquals(Main.CHECK_FAILED, broken.exitCode());
        assertTrue(broken.err().contains("john-deaton-supply-disruption") && !broken.err().contains(remembered), broken.err());
    }

    /** Serves with these options until the ready line, then stops; returns what was written on standard error. */
    private static String serveUntilReady(String... options) throws Exception {
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--no-access-log"));
        args.addAll(List.of(options));
        assertEquals(0, Serving.start(new StringWriter(), err, Duration.ofSeconds(60), args).stop());
        return err.toString();
    }

    @Test
    void refusesToServeDataThatDoesNotParse() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.write(home.resolve("data/broken.trig"), "<http://example.org/g> { <http://example.org/a> <http://example.org/b> }\n");
        Cli result = Cli.run("serve", "--home", home.toString(), "--port", "0");
        assertEquals(Main.CHECK_FAILED, result.exitCode());
        assertTrue(result.err().contains("broken.trig") && result.err().contains("line 1"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void refusesAPasswordInClear() {
        Path passwords = tmp.resolve("passwords");
        TestHomes.write(passwords, "curator: s3cret\n");
        Cli result = Cli.run("serve", "--home", TestHomes.repo().toString(), "--port", "0", "--enable-update", "--password-file", passwords.toString());
        assertEquals(Main.USAGE, result.exitCode());
        assertTrue(result.err().contains("never stored in clear"), result.err());
    }

    @Test
    void updateNeedsAPasswordFile() {
        Cli result = Cli.run("serve", "--home", TestHomes.repo().toString(), "--enable-update");
        assertEquals(Main.USAGE, result.exitCode());
        assertTrue(result.err().contains("--enable-update needs --password-file"), result.err());
    }

    @Test
    void aTimeoutThatIsNotPositiveIsAUsageError() {
        Cli result = Cli.run("serve", "--home", TestHomes.repo().toString(), "--timeout", "0");
        assertEquals(Main.USAGE, result.exitCode());
    }

    private static HttpResponse<String> query(String url, String query, String accept) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A {@code serve} running in-process on a thread of its own, stopped by interrupting it. */
    /** Starts {@code serve} in-process with extra options, and waits for its ready line. */
    private static Serving serveInProcess(StringWriter out, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", "--home", TestHomes.repo().toString(), "--port", "0", "--no-access-log"));
        args.addAll(List.of(options));
        return Serving.start(out, new StringWriter(), Duration.ofSeconds(30), args);
    }

    @Test
    void boundsAnswersStringsAndQueriesAtOnceByItsOptions() throws Exception {
        StringWriter out = new StringWriter();
        Serving serve = serveInProcess(out, "--max-answer-bytes", "20000", "--max-string-length", "1000",
                "--max-concurrent-queries", "1", "--timeout", "60");
        try {
            String url = serve.queryUrl();
            HttpResponse<String> big = query(url, "SELECT * { ?s ?p ?o }", "application/sparql-results+json");
            assertEquals(422, big.statusCode(), big.body());
            assertTrue(big.body().contains("20000 bytes") && big.body().contains("--max-answer-bytes"), big.body());
            HttpResponse<String> longString = query(url, "SELECT (CONCAT(?x, ?x) AS ?y) { BIND(STRUUID() AS ?u) BIND(CONCAT(?u, ?u, ?u, ?u, ?u, ?u, ?u, ?u, ?u, ?u, ?u, ?u, ?u, ?u, ?u, ?u) AS ?x) }",
                    "application/sparql-results+json");
            assertEquals(422, longString.statusCode(), longString.body());
            assertTrue(longString.body().contains("1000 characters") && longString.body().contains("--max-string-length"), longString.body());
            // One query at a time: while a slow one runs, the next waits briefly, then is told to come back.
            try (Socket slow = new Socket("127.0.0.1", serve.port())) {
                slow.getOutputStream().write(("GET /kg/sparql?query=" + URLEncoder.encode(
                        "SELECT ?x WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STR(?c) = CONCAT(STR(?f), STR(?i), \"none\")) }", StandardCharsets.UTF_8)
                        + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                slow.getOutputStream().flush();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                HttpResponse<String> busy = query(url, "ASK {}", "application/sparql-results+json");
                while (busy.statusCode() == 200 && System.nanoTime() < deadline) {
                    busy = query(url, "ASK {}", "application/sparql-results+json");
                }
                assertEquals(503, busy.statusCode(), busy.body());
                assertTrue(busy.body().contains("--max-concurrent-queries"), busy.body());
                assertTrue(busy.headers().firstValue("Retry-After").isPresent(), busy.headers().toString());
            }
        } finally {
            serve.stop();
        }
    }

    private static final String CHAINED_CONCAT;

    static {
        StringBuilder q = new StringBuilder("SELECT * WHERE { ?s ?p ?v0 ");
        for (int i = 1; i <= 17; i++) {
            q.append("BIND(CONCAT(?v").append(i - 1).append(", ?v").append(i - 1).append(") AS ?v").append(i).append(") ");
        }
        CHAINED_CONCAT = q.append('}').toString();
    }

    /** Queries that each, left unbounded, take a heap of 256 MB or more. */
    private static final List<String> HEAVY = List.of(
            CHAINED_CONCAT,
            "SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f",
            "SELECT (GROUP_CONCAT(?c) AS ?all) { ?a ?b ?c . ?d ?e ?f }",
            "SELECT (REPLACE(?y, \".\", \"" + "$0".repeat(400) + "\") AS ?z) { ?s ?p ?o BIND(REPLACE(STR(?o), \".\", \"" + "$0".repeat(400) + "\") AS ?y) }",
            "SELECT ?k (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f BIND(CONCAT(STR(?c), STR(?f), STR(?a), STR(?d)) AS ?k) } GROUP BY ?k",
            "DESCRIBE ?x { ?a ?b ?c . ?d ?e ?f BIND(IRI(CONCAT(\"http://example.org/\", STR(?c), STR(?f))) AS ?x) }");

    /**
     * A server with a small heap, sent heavy queries from several clients at once: each is
     * refused with the limit it met, none runs the server out of memory, and the server
     * then answers an ordinary query correctly.
     */
    @Test
    void aServerWithASmallHeapRefusesHeavyQueriesAndKeepsAnswering() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--home", TestHomes.repo().toString(), "--port", "0", "--timeout", "5", "--no-access-log");
        Process server = new ProcessBuilder(command).start();
        StringBuffer log = new StringBuffer();
        drain(server.getErrorStream(), log);
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            String url = readyUrl(server, log);
            List<Future<String>> answers = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (String heavy : HEAVY) {
                    answers.add(clients.submit(() -> outcome(url, heavy)));
                    answers.add(clients.submit(() -> outcome(url, heavy)));
                }
            }
            List<String> wrong = new ArrayList<>();
            for (Future<String> answer : answers) {
                String outcome = answer.get(5, TimeUnit.MINUTES);
                if (outcome != null) {
                    wrong.add(outcome);
                }
            }
            assertEquals(List.of(), wrong);
            String whoSaidWhat = Files.readString(TestHomes.repo().resolve("queries/who-said-what.rq"));
            HttpResponse<String> normal = query(url, whoSaidWhat, "text/tab-separated-values");
            assertEquals(200, normal.statusCode(), normal.body());
            assertTrue(ResultsCompare.equalsByTermAndOrder(tsv(normal.body()), tsv(Files.readString(TestHomes.repo().resolve("queries/expected/who-said-what.tsv")))),
                    normal.body());
        } finally {
            clients.shutdownNow();
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
        assertFalse(log.toString().contains("OutOfMemoryError") || log.toString().contains("Java heap space"), log.toString());
    }

    /** Null when a heavy query got a client error or 503 that names its limit; else what went wrong. */
    private static String outcome(String url, String heavy) throws IOException, InterruptedException {
        HttpResponse<String> r = query(url, heavy, heavy.startsWith("DESCRIBE") ? "text/turtle" : "application/sparql-results+json");
        String head = heavy.substring(0, Math.min(60, heavy.length()));
        boolean refused = r.statusCode() >= 400 && r.statusCode() < 500 && r.body().contains("--max-");
        boolean busy = r.statusCode() == 503 && (r.body().contains("--max-concurrent-queries") && r.headers().firstValue("Retry-After").isPresent()
                || r.body().contains("timed out"));
        return refused || busy ? null : head + ": " + r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length()));
    }

    private static org.apache.jena.query.ResultSetRewindable tsv(String text) {
        return ResultSetMgr.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_TSV).rewindable();
    }

    private static void drain(InputStream stream, StringBuffer into) {
        Thread t = new Thread(() -> new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)).lines()
                .forEach(l -> into.append(l).append('\n')));
        t.setDaemon(true);
        t.start();
    }

    /** Reads the server's standard output up to its ready line, and drains the rest into {@code log}. */
    private static String readyUrl(Process server, StringBuffer log) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            log.append(line).append('\n');
            if (line.startsWith("SPARQL endpoint ready at ")) {
                Thread t = new Thread(() -> out.lines().forEach(l -> log.append(l).append('\n')));
                t.setDaemon(true);
                t.start();
                return line.substring("SPARQL endpoint ready at ".length());
            }
        }
        throw new AssertionError("the server did not start: " + log);
    }
}
