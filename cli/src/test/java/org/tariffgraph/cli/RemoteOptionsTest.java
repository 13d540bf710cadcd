package org.tariffgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
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
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.remote.PrivateVirtuoso;


/**
 * The command line over a Virtuoso of the tests' own: {@code load --remote} fills it,
 * {@code validate}, {@code query} and {@code serve} read it, and the endpoint in front of it
 * keeps its guarantees.
 */
class RemoteOptionsTest {

    private static final String GRAPHS_COUNTED = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }"
            + " FILTER(STRSTARTS(STR(?g), \"https://w3id.org/tariffgraph/\")) } GROUP BY ?g";

    @TempDir
    static Path tmp;

    private static PrivateVirtuoso virtuoso;
    private static List<String> remote;

    @BeforeAll
    static void loadTheStoreFromTheCommandLine() throws IOException {
        virtuoso = PrivateVirtuoso.start();
        Path password = tmp.resolve("password");
        Files.writeString(password, virtuoso.password() + "\n", StandardCharsets.UTF_8);
        remote = List.of("--home", TestHomes.repo().toString(), "--remote", virtuoso.queryUrl(), "--remote-update", virtuoso.updateUrl(),
                "--remote-gsp", virtuoso.gspUrl(), "--remote-user", virtuoso.user(), "--remote-password-file", password.toString());
        Cli load = Cli.run(args("load"));
        assertEquals(0, load.exitCode(), load.err());
        assertTrue(load.out().startsWith("loaded ") && load.out().contains("into the remote store " + virtuoso.queryUrl()), load.out());
    }

    @AfterAll
    static void stopTheStore() {
        if (virtuoso != null) {
            virtuoso.close();
        }
    }

    private static String[] args(String command, String... more) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(remote);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void loadPutsEveryGraphWithAsManyQuadsAsTheLocalLoad() {
        Map<String, Long> expected = new TreeMap<>();
        try (TariffGraph local = TariffGraph.builder().home(TestHomes.repo()).build()) {
            DatasetGraph files = local.dataset();
            Txn.executeRead(files, () -> files.listGraphNodes().forEachRemaining(g -> expected.put(g.getURI(), (long) files.getGraph(g).size())));
        }
        Map<String, Long> stored = new TreeMap<>();
        try (QueryExec exec = QueryExecHTTP.service(virtuoso.queryUrl()).query(GRAPHS_COUNTED).build()) {
            exec.select().forEachRemaining(row -> stored.put(row.get("g").getURI(), Long.parseLong(row.get("n").getLiteralLexicalForm())));
        }
        assertEquals(6, expected.size(), expected.toString());
        assertEquals(expected, stored);
    }

    @Test
    void loadLeavesAFilledStoreAsItIsUnlessToldToReplaceIt() {
        Cli again = Cli.run(args("load"));
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("already holds data and was left as it is"), again.out());
        Cli replaced = Cli.run(args("load", "--replace"));
        assertEquals(0, replaced.exitCode(), replaced.err());
        assertTrue(replaced.out().startsWith("loaded "), replaced.out());
    }

    @Test
    void validatePassesOverTheStore() {
        Cli validate = Cli.run(args("validate"));
        assertEquals(0, validate.exitCode(), validate.out() + validate.err());
        assertTrue(validate.out().startsWith("OK: "), validate.out());
    }

    @Test
    void aCatalogueQueryAnswersFromTheStore() {
        Cli query = Cli.run(args("query", "who-said-what", "--format", "tsv"));
        assertEquals(0, query.exitCode(), query.err());
        assertEquals(13, query.out().lines().count(), "a header and the twelve statements: " + query.out());
    }

    @Test
    void exportWritesTheStoresGraphsAndStatsCountsThem() throws IOException {
        Path file = tmp.resolve("remote.nq");
        Cli export = Cli.run(args("export", "--format", "nquads", "--output", file.toString()));
        assertEquals(0, export.exitCode(), export.err());
        DatasetGraph exported = DatasetGraphFactory.create();
        RDFParser.source(file).lang(Lang.NQUADS).parse(exported);
        Map<String, Long> counts = new TreeMap<>();
        exported.listGraphNodes().forEachRemaining(g -> counts.put(g.getURI(), (long) exported.getGraph(g).size()));
        Map<String, Long> stored = new TreeMap<>();
        try (QueryExec exec = QueryExecHTTP.service(virtuoso.queryUrl()).query(GRAPHS_COUNTED).build()) {
            exec.select().forEachRemaining(row -> stored.put(row.get("g").getURI(), Long.parseLong(row.get("n").getLiteralLexicalForm())));
        }
        assertEquals(stored, counts);
        Cli stats = Cli.run(args("stats"));
        assertEquals(0, stats.exitCode(), stats.err());
        stored.keySet().forEach(g -> assertTrue(stats.out().contains(g), g + " in " + stats.out()));
    }

    @Test
    void aPasswordOnTheCommandLineOrAHalfGivenSignInIsAUsageError() {
        Cli inUrl = Cli.run("validate", "--home", TestHomes.repo().toString(), "--remote", "http://dba:secret@127.0.0.1:1/sparql");
        assertEquals(Main.USAGE, inUrl.exitCode());
        assertTrue(inUrl.err().contains("holds a user or password") && !inUrl.err().contains("secret"), inUrl.err());
        Cli userAlone = Cli.run("validate", "--home", TestHomes.repo().toString(), "--remote", virtuoso.queryUrl(), "--remote-user", "dba");
        assertEquals(Main.USAGE, userAlone.exitCode());
        assertTrue(userAlone.err().contains("--remote-user and --remote-password-file go together"), userAlone.err());
    }

    @Test
    void loadNeedsOnePlaceToLoadAndTheGraphStoreOfARemoteOne() {
        Cli neither = Cli.run("load", "--home", TestHomes.repo().toString());
        assertEquals(Main.USAGE, neither.exitCode());
        assertTrue(neither.err().contains("--store DIR or --remote"), neither.err());
        Cli noGsp = Cli.run("load", "--home", TestHomes.repo().toString(), "--remote", virtuoso.queryUrl());
        assertEquals(Main.USAGE, noGsp.exitCode());
        assertTrue(noGsp.err().contains("--remote-gsp"), noGsp.err());
    }

    @Test
    void serveRefusesToTakeUpdatesForARemoteStore() {
        Cli serve = Cli.run(args("serve", "--port", "0", "--enable-update", "--password-file", tmp.resolve("users").toString()));
        assertEquals(Main.USAGE, serve.exitCode());
        assertTrue(serve.err().contains("read-only"), serve.err());
    }

    /**
     * The endpoint in front of the store answers a query with the store's rows, refuses an
     * update and a SERVICE before anything reaches the store, answers a query cut by its
     * time-out with 503, and one over its row limit with 422, never a short answer.
     */
    @Test
    void serveAnswersFromTheStoreAndKeepsTheEndpointsGuarantees() throws Exception {
        Serving serving = Serving.start(new StringWriter(), new StringWriter(), Duration.ofSeconds(60),
                List.of(args("serve", "--port", "0", "--no-access-log", "--timeout", "2s", "--max-rows", "50")));
        try {
            String url = serving.queryUrl();

            HttpResponse<String> graphs = get(url, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
            assertEquals(200, graphs.statusCode(), graphs.body());
            assertTrue(graphs.body().contains("\"value\": \"6\"") || graphs.body().contains("\"value\":\"6\""), graphs.body());

            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.replace("/kg/sparql", "/id/place/china")))
                    .header("Accept", "application/n-triples").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("<https://w3id.org/tariffgraph/id/place/china> <http://www.w3.org/2000/01/rdf-schema#label> \"China\""), page.body());

            HttpResponse<String> update = post(url, "application/sparql-update", "INSERT DATA { GRAPH <https://w3id.org/tariffgraph/graph/x> { <urn:a> <urn:b> <urn:c> } }");
            assertTrue(update.statusCode() >= 400 && update.statusCode() < 500, update.statusCode() + " " + update.body());
            HttpResponse<String> updateEndpoint = post(url.replace("/sparql", "/update"), "application/sparql-update",
                    "INSERT DATA { GRAPH <https://w3id.org/tariffgraph/graph/x> { <urn:a> <urn:b> <urn:c> } }");
            assertTrue(updateEndpoint.statusCode() >= 400 && updateEndpoint.statusCode() < 500, updateEndpoint.statusCode() + " " + updateEndpoint.body());
            try (QueryExec exec = QueryExecHTTP.service(virtuoso.queryUrl()).query("ASK { GRAPH <https://w3id.org/tariffgraph/graph/x> { ?s ?p ?o } }").build()) {
                assertFalse(exec.ask(), "the store was not written to");
            }

            HttpResponse<String> service = get(url, "SELECT * WHERE { SERVICE <" + virtuoso.queryUrl() + "> { ?s ?p ?o } } LIMIT 1");
            assertEquals(400, service.statusCode(), service.body());
            assertTrue(service.body().contains("SERVICE"), service.body());

            HttpResponse<String> tooMany = get(url, "SELECT * WHERE { ?s ?p ?o }");
            assertEquals(422, tooMany.statusCode(), tooMany.body());

            HttpResponse<String> slow = get(url, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STR(?c) = CONCAT(STR(?f), STR(?i))) }");
            assertEquals(503, slow.statusCode(), slow.body());
        } finally {
            assertEquals(0, serving.stop());
        }
    }

    private static HttpResponse<String> get(String url, String query) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String contentType, String body) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
