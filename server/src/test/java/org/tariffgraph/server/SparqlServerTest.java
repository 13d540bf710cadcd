package org.tariffgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.JsonLdKeys;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.query.ServicePolicy;

class SparqlServerTest {

    private static final String JSON = "application/sparql-results+json";
    private static final String SPEAKERS = """
            PREFIX tg: <https://w3id.org/tariffgraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT DISTINCT ?name WHERE { ?statement tg:speaker/rdfs:label ?name } ORDER BY ?name""";
    private static final String INSERT = "INSERT DATA { GRAPH <http://example.org/notes> { <http://example.org/a> <http://example.org/b> 1 } }";

    private static TariffGraph graph;
    private static SparqlServer server;

    @BeforeAll
    static void start() {
        graph = TariffGraph.builder().home(TestHomes.repo()).build();
        server = SparqlServer.builder(graph).port(0).timeout(Duration.ofSeconds(2)).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static List<String> column(HttpResponse<String> response, String var) {
        ResultSet rs = ResultSetFactory.fromJSON(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        List<String> values = new java.util.ArrayList<>();
        rs.forEachRemaining(row -> values.add(row.get(var).asLiteral().getLexicalForm()));
        return values;
    }

    @Test
    void listensOnLoopbackAtKgSparqlByDefault() {
        assertTrue(server.queryUrl().matches("http://127\\.0\\.0\\.1:\\d+/kg/sparql"), server.queryUrl());
        assertEquals(200, Http.get(server.queryUrl().replace("/kg/sparql", "/$/ping"), "text/plain").statusCode());
    }

    @Test
    void answersAQueryOverTheWholeGraph() {
        HttpResponse<String> response = Http.query(server.queryUrl(), SPEAKERS, JSON);
        assertEquals(200, response.statusCode());
        assertEquals(List.of("Guang Yang", "John Deaton", "Kadan Stadlemann", "Leo Wang", "MicroBT", "Sanjay Gupta"),
                column(response, "name"));
    }

    @Test
    void aNamedGraphCanStillBeAddressedWithGraphAndFrom() {
        String inGraph = """
                SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/tariffgraph/graph/entities> {
                  ?s a <https://w3id.org/tariffgraph/ontology#Statement> } }""";
        assertEquals(List.of("0"), column(Http.query(server.queryUrl(), inGraph, JSON), "n"));
        String from = """
                SELECT (COUNT(*) AS ?n)
                FROM <https://w3id.org/tariffgraph/graph/article/prepsaret-2025-chinese-mining-rig-makers-us-production>
                WHERE { ?s a <https://w3id.org/tariffgraph/ontology#Statement> }""";
        assertEquals(List.of("12"), column(Http.query(server.queryUrl(), from, JSON), "n"));
    }

    @Test
    void aConstructWithGraphTemplatesAnswersEveryQuad() {
        HttpResponse<String> response = Http.query(server.queryUrl(), """
                CONSTRUCT { GRAPH ?g { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } }
                WHERE { GRAPH ?g { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } } LIMIT 3""", "application/n-quads");
        assertEquals(200, response.statusCode());
        assertEquals(3, response.body().lines().filter(l -> !l.isBlank()).count(), response.body());
    }

    @Test
    void answersAMalformedQueryWith400AndTheParserMessage() {
        HttpResponse<String> response = Http.query(server.queryUrl(), "SELECT ?x WHERE { ?x ?y }", JSON);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Lexical error") || response.body().contains("Encountered"), response.body());
        assertTrue(response.body().contains("line 1"), response.body());
    }

    @Test
    void refusesUpdateWhenUpdateIsNotEnabled() {
        String insert = "update=" + Http.encode("INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> 1 } }");
        assertEquals(400, Http.postForm(server.queryUrl(), insert, null, null).statusCode());
        assertEquals(404, Http.postForm(server.datasetUrl() + "/update", insert, null, null).statusCode());
        assertEquals(List.of("0"), column(Http.query(server.queryUrl(),
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }", JSON), "n"));
    }

    @Test
    void refusesGraphStoreWrites() {
        String graphUrl = server.graphStoreUrl() + "?graph=" + Http.encode("http://example.org/g");
        for (String method : List.of("PUT", "POST", "DELETE")) {
            int status = Http.send(method, graphUrl, "text/turtle", "<http://example.org/a> <http://example.org/b> 1 .").statusCode();
            assertEquals(405, status, method);
        }
    }

    @Test
    void servesGraphsReadOnlyThroughTheGraphStore() {
        HttpResponse<String> response = Http.get(server.graphStoreUrl() + "?graph="
                + Http.encode("https://w3id.org/tariffgraph/graph/entities"), "application/n-triples");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<https://w3id.org/tariffgraph/id/org/canaan>"), "entities graph");
    }

    @Test
    void refusesFederatedServiceByDefault() {
        HttpResponse<String> response = Http.query(server.queryUrl(),
                "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", JSON);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("SERVICE <http://example.org/sparql> is not allowed"), response.body());
    }

    @Test
    void timesOutWithAnErrorStatusNeverATruncatedSuccess() {
        // The first row is ready at once, then a three-way cross product that cannot finish:
        // a streaming endpoint would have sent "200" and one row before the time-out struck.
        String slow = """
                SELECT ?x WHERE {
                  { BIND(1 AS ?x) }
                  UNION
                  { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STR(?c) = CONCAT(STR(?f), STR(?i), "no such value")) BIND(2 AS ?x) }
                }""";
        long start = System.nanoTime();
        HttpResponse<String> response = Http.query(server.queryUrl(), slow, JSON);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, response.statusCode(), response.body());
        assertFalse(response.body().contains("\"bindings\""), response.body());
        assertTrue(millis < 15_000, "answered in " + millis + " ms");
    }

    @Test
    void allowsOnlyTheNamedServiceEndpoints() {
        SparqlServer partner = SparqlServer.builder(graph).port(0).services(ServicePolicy.allow(List.of("http://partner.example/sparql")))
                .build().start();
        try {
            HttpResponse<String> refused = Http.query(partner.queryUrl(),
                    "SELECT * WHERE { SERVICE <http://other.example/sparql> { ?s ?p ?o } }", JSON);
            assertEquals(400, refused.statusCode());
            assertTrue(refused.body().contains("only [http://partner.example/sparql] may be called"), refused.body());
        } finally {
            partner.stop();
        }
    }

    @Test
    void refusesAPasswordFileWithAPasswordInClear(@TempDir Path tmp) {
        Path passwords = tmp.resolve("passwords");
        TestHomes.write(passwords, "curator: s3cret\n");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SparqlServer.builder(graph).updateWithPasswordFile(passwords));
        assertTrue(e.getMessage().contains("never stored in clear") && e.getMessage().contains("hash-password"), e.getMessage());
    }

    @Test
    void refusesAPasswordFileWithAHashThatCannotBeChecked(@TempDir Path tmp) {
        Path passwords = tmp.resolve("passwords");
        String good = Pbkdf2Credential.hash("s3cret".toCharArray());
        String zeroIterations = good.replace(":" + Pbkdf2Credential.ITERATIONS + ":", ":0:");
        TestHomes.write(passwords, "curator: " + zeroIterations + "\n");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SparqlServer.builder(graph).updateWithPasswordFile(passwords));
        assertTrue(e.getMessage().contains("curator") && e.getMessage().contains("iteration count"), e.getMessage());
    }

    @Test
    void readsThePasswordFileOnceSoThatRewritingItLetsNoPasswordIn(@TempDir Path tmp) throws InterruptedException {
        Path passwords = tmp.resolve("passwords");
        TestHomes.write(passwords, "curator: " + Pbkdf2Credential.hash("s3cret".toCharArray()) + "\n");
        SparqlServer writable = SparqlServer.builder(graph).port(0).updateWithPasswordFile(passwords).accessLog(false).build().start();
        try {
            String url = writable.datasetUrl() + "/update";
            TestHomes.write(passwords, "curator: plain\n");
            // A watcher of the file would take the new line within a few seconds: wait longer than that.
            for (int second = 0; second < 10; second++) {
                Thread.sleep(1000);
                assertEquals(401, Http.update(url, INSERT, "curator", "plain").statusCode(),
                        "a password in clear from the rewritten file was taken after " + second + " s");
            }
            assertEquals(204, Http.update(url, INSERT, "curator", "s3cret").statusCode());
        } finally {
            writable.stop();
        }
    }

    @Test
    void leavesNoWatcherOfThePasswordFileRunning(@TempDir Path tmp) {
        Path passwords = tmp.resolve("passwords");
        TestHomes.write(passwords, "curator: " + Pbkdf2Credential.hash("s3cret".toCharArray()) + "\n");
        SparqlServer writable = SparqlServer.builder(graph).port(0).updateWithPasswordFile(passwords).accessLog(false).build().start();
        try {
            assertEquals(204, Http.update(writable.datasetUrl() + "/update", INSERT, "curator", "s3cret").statusCode());
            assertEquals(List.of(), fileWatchers(), "while the server runs");
        } finally {
            writable.stop();
        }
        assertEquals(List.of(), fileWatchers(), "after the server stops");
    }

    /** The threads of Jetty's file scanners, which would reload a file behind the server's checks. */
    private static List<String> fileWatchers() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("Scanner-")).toList();
    }

    /**
     * A server that takes updates from "curator" with the password "s3cret"; the clock of its
     * rate limit stands still, so that each address has exactly its burst of attempts.
     */
    private static SparqlServer writableServer(Path tmp) {
        return SparqlServer.builder(graph).port(0).updateWithPasswordFile(writablePasswords(tmp)).updateRateClock(() -> 0L).accessLog(false).build().start();
    }

    /** A password file in which "curator" has the password "s3cret". */
    private static Path writablePasswords(Path tmp) {
        Path passwords = tmp.resolve("passwords");
        TestHomes.write(passwords, "curator: " + Pbkdf2Credential.hash("s3cret".toCharArray()) + "\n");
        return passwords;
    }

    @Test
    void checksNoPasswordOutsideTheUpdateEndpoint(@TempDir Path tmp) {
        SparqlServer writable = writableServer(tmp);
        try {
            String base = writable.datasetUrl().replace("/kg", "");
            for (String[] login : new String[][] {{"curator", "s3cret"}, {"curator", "wrong"}, {"nobody", "guess"}}) {
                for (String path : List.of("/kg/sparql?query=" + Http.encode("ASK {}"), "/id/org/canaan", "/kg/get?default", "/$/ping")) {
                    HttpResponse<String> response = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                            .header("Authorization", Http.basic(login[0], login[1])).build());
                    assertEquals(200, response.statusCode(), path + " as " + login[0] + ": " + response.body());
                }
            }
            assertEquals(0, writable.passwordChecks(), "passwords checked outside the update endpoint");
            assertEquals(204, Http.update(writable.datasetUrl() + "/update", INSERT, "curator", "s3cret").statusCode());
            assertEquals(1, writable.passwordChecks());
        } finally {
            writable.stop();
        }
    }

    @Test
    void anUnknownUserCostsOnePasswordCheckJustLikeAKnownOne(@TempDir Path tmp) {
        SparqlServer writable = writableServer(tmp);
        try {
            String url = writable.datasetUrl() + "/update";
            assertEquals(401, Http.update(url, INSERT, "nobody", "guess").statusCode());
            assertEquals(1, writable.passwordChecks(), "an unknown user must cost what a known one costs");
            assertEquals(401, Http.update(url, INSERT, "curator", "guess").statusCode());
            assertEquals(2, writable.passwordChecks());
        } finally {
            writable.stop();
        }
    }

    @Test
    void takesAPasswordWithLettersBeyondAscii(@TempDir Path tmp) {
        Path passwords = tmp.resolve("passwords");
        TestHomes.write(passwords, "curator: " + Pbkdf2Credential.hash("Zoll-Gebühr€".toCharArray()) + "\n");
        SparqlServer writable = SparqlServer.builder(graph).port(0).updateWithPasswordFile(passwords).accessLog(false).build().start();
        try {
            HttpResponse<String> refused = Http.update(writable.datasetUrl() + "/update", INSERT, null, null);
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").contains("charset=\"UTF-8\""), refused.headers().toString());
            assertEquals(204, Http.update(writable.datasetUrl() + "/update", INSERT, "curator", "Zoll-Gebühr€").statusCode());
        } finally {
            writable.stop();
        }
    }

    @Test
    void answersCredentialsThatAreNotBase64With400(@TempDir Path tmp) {
        SparqlServer writable = writableServer(tmp);
        try {
            Http.Raw response = Http.raw(writable.datasetUrl(), "POST", "/kg/update", INSERT,
                    "Content-Type: application/sparql-update", "Authorization: Basic !!!");
            assertEquals(400, response.status(), response.head());
            assertTrue(response.body().contains("Authorization") && response.body().contains("base64"), response.body());
            assertEquals(0, writable.passwordChecks());
        } finally {
            writable.stop();
        }
    }

    @Test
    void checksNoPasswordOnceAnAddressHasUsedItsAttempts(@TempDir Path tmp) {
        SparqlServer writable = writableServer(tmp);
        try {
            String url = writable.datasetUrl() + "/update";
            int tried = 0;
            int tooMany = 0;
            for (int i = 0; i < UpdateRateLimit.BURST + 5; i++) {
                int status = Http.update(url, INSERT, i % 2 == 0 ? "curator" : "nobody", "guess" + i).statusCode();
                if (status == 429) {
                    tooMany++;
                } else {
                    assertEquals(401, status);
                    tried++;
                }
            }
            assertEquals(UpdateRateLimit.BURST, tried);
            assertEquals(5, tooMany);
            assertEquals(UpdateRateLimit.BURST, writable.passwordChecks(), "a request refused 429 must cost no password check");
        } finally {
            writable.stop();
        }
    }

    /** Spellings of the update endpoint's path that Jetty dispatches as {@code /kg/update}. */
    private static final List<String> UPDATE_SPELLINGS = List.of("/kg/./update", "/kg/x/../update", "/kg/%75pdate", "/kg/update;p=1");

    @Test
    void limitsUpdateAttemptsUnderEverySpellingOfTheUpdatePath(@TempDir Path tmp) {
        SparqlServer writable = writableServer(tmp);
        try {
            int tried = 0;
            int tooMany = 0;
            for (int i = 0; i < UpdateRateLimit.BURST + 4; i++) {
                String path = UPDATE_SPELLINGS.get(i % UPDATE_SPELLINGS.size());
                Http.Raw response = Http.raw(writable.datasetUrl(), "POST", path, INSERT,
                        "Content-Type: application/sparql-update", "Authorization: " + Http.basic("curator", "guess" + i));
                if (response.status() == 429) {
                    tooMany++;
                } else {
                    assertEquals(401, response.status(), path + ": " + response.head());
                    tried++;
                }
            }
            assertEquals(UpdateRateLimit.BURST, tried);
            assertEquals(4, tooMany);
            assertEquals(UpdateRateLimit.BURST, writable.passwordChecks());
        } finally {
            writable.stop();
        }
    }

    @Test
    void answersEverySpellingOfAPathAsItsNormalForm(@TempDir Path tmp) {
        SparqlServer writable = writableServer(tmp);
        try {
            String url = writable.datasetUrl();
            for (String path : UPDATE_SPELLINGS) {
                Http.Raw update = Http.raw(url, "POST", path, INSERT,
                        "Content-Type: application/sparql-update", "Authorization: " + Http.basic("curator", "s3cret"));
                assertEquals(204, update.status(), path + ": " + update.head() + update.body());
            }
            for (String path : List.of("/kg/./sparql?query=ASK%7B%7D", "/kg/%73parql?query=ASK%7B%7D", "/%69d/org/canaan", "/id/x/../org/canaan")) {
                Http.Raw read = Http.raw(url, "GET", path, null, "Accept: application/sparql-results+json, text/turtle");
                assertEquals(200, read.status(), path + ": " + read.head() + read.body());
            }
        } finally {
            writable.stop();
        }
    }

    /** The number of quads in the dataset's named graphs. */
    private static String quadCount(SparqlServer server) {
        return column(Http.query(server.queryUrl(), "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", JSON), "n").get(0);
    }

    @Test
    void refusesWritesToTheUnionDefaultGraphWith400AndChangesNothing(@TempDir Path tmp) {
        SparqlServer writable = SparqlServer.builder(graph).port(0).updateWithPasswordFile(writablePasswords(tmp)).accessLog(false).build().start();
        try {
            String url = writable.datasetUrl() + "/update";
            String before = quadCount(writable);
            for (String[] refused : new String[][] {
                    {"DROP ALL", "DROP ALL"},
                    {"CLEAR ALL", "CLEAR ALL"},
                    {"INSERT { GRAPH ?g { <http://example.org/a> <http://example.org/b> 1 } } WHERE { BIND(<urn:x-arq:UnionGraph> AS ?g) }",
                        "urn:x-arq:UnionGraph"},
                    {"INSERT { GRAPH ?g { <http://example.org/a> <http://example.org/b> 1 } } WHERE { BIND(<urn:x-arq:DefaultGraph> AS ?g) }",
                        "default graph"},
                    {"INSERT { GRAPH ?g { <http://example.org/a> <http://example.org/b> 1 } } "
                        + "WHERE { VALUES ?g { <http://example.org/notes> <urn:x-arq:UnionGraph> } }", "urn:x-arq:UnionGraph"},
                    {"DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { BIND(<urn:x-arq:UnionGraph> AS ?g) ?s ?p ?o }", "urn:x-arq:UnionGraph"},
                    {"DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { BIND(<urn:x-arq:DefaultGraph> AS ?g) ?s ?p ?o }", "default graph"}}) {
                HttpResponse<String> response = Http.update(url, refused[0], "curator", "s3cret");
                assertEquals(400, response.statusCode(), refused[0] + ": " + response.body());
                assertTrue(response.body().contains(refused[1]) && response.body().contains("nothing was changed"), refused[0] + ": " + response.body());
                assertEquals(before, quadCount(writable), refused[0] + " changed the data");
            }
        } finally {
            writable.stop();
        }
    }

    @Test
    void stopsAnUpdateThatRunsLongerThanTheTimeoutAndChangesNothing(@TempDir Path tmp) throws Exception {
        SparqlServer writable = SparqlServer.builder(graph).port(0).timeout(Duration.ofSeconds(1)).updateWithPasswordFile(writablePasswords(tmp))
                .accessLog(false).build().start();
        try {
            String before = quadCount(writable);
            // A three-way cross product of the whole graph cannot finish in a second.
            String slow = """
                    INSERT { GRAPH <http://example.org/notes> { ?a <http://example.org/b> ?i } }
                    WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STR(?c) = CONCAT(STR(?f), STR(?i), "no such value")) }""";
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(writable.datasetUrl() + "/update"))
                    .header("Content-Type", "application/sparql-update").header("Authorization", Http.basic("curator", "s3cret"))
                    .timeout(Duration.ofSeconds(60)).POST(java.net.http.HttpRequest.BodyPublishers.ofString(slow)).build();
            HttpResponse<String> response = Http.send(request);
            assertEquals(503, response.statusCode(), response.body());
            assertTrue(response.body().contains("time-out") && response.body().contains("nothing was changed"), response.body());
            assertEquals(before, quadCount(writable));
        } finally {
            writable.stop();
        }
    }

    @Test
    void givesARequestOfSeveralOperationsTheWholeTimeOut(@TempDir Path tmp) {
        SparqlServer writable = writableServer(tmp);
        try {
            String update = """
                    INSERT { GRAPH <http://example.org/first> { ?s <http://example.org/seen> 1 } } WHERE { ?s ?p ?o } ;
                    INSERT { GRAPH <http://example.org/second> { ?s <http://example.org/seen> 2 } } WHERE { ?s ?p ?o }""";
            HttpResponse<String> response = Http.update(writable.datasetUrl() + "/update", update, "curator", "s3cret");
            assertEquals(204, response.statusCode(), response.body());
            assertEquals(List.of("http://example.org/first", "http://example.org/second"), column(Http.query(writable.queryUrl(),
                    "SELECT (STR(?g) AS ?graph) WHERE { GRAPH ?g { ?s <http://example.org/seen> ?n } } GROUP BY ?g ORDER BY ?g", JSON), "graph"));
        } finally {
            writable.stop();
        }
    }

    @Test
    void checksTheUsingGraphsOfTheProtocolParametersAsThoseOfTheUpdate(@TempDir Path tmp) {
        SparqlServer writable = writableServer(tmp);
        try {
            String update = "INSERT { GRAPH <http://example.org/notes> { ?s ?p ?o } } WHERE { ?s ?p ?o }";
            for (String parameter : List.of("using-graph-uri", "using-named-graph-uri")) {
                HttpResponse<String> response = Http.update(writable.datasetUrl() + "/update?" + parameter + "="
                        + Http.encode("http://example.org/remote.ttl"), update, "curator", "s3cret");
                assertEquals(400, response.statusCode(), parameter + ": " + response.body());
                assertTrue(response.body().contains("<http://example.org/remote.ttl>: the dataset has no such graph"), response.body());
            }
        } finally {
            writable.stop();
        }
    }

    @Test
    void updatesOnlyForAuthenticatedUsersAndOnlyNamedGraphs(@TempDir Path tmp) {
        Path passwords = tmp.resolve("passwords");
        TestHomes.write(passwords, "curator: " + Pbkdf2Credential.hash("s3cret".toCharArray()) + "\n");
        assertFalse(TestHomes.read(passwords).contains("s3cret"), "the password is not stored");
        TariffGraph own = TariffGraph.builder().home(TestHomes.repo()).build();
        SparqlServer writable = SparqlServer.builder(own).port(0).updateWithPasswordFile(passwords).accessLog(false).build().start();
        try {
            String url = writable.datasetUrl() + "/update";
            String insert = "INSERT DATA { GRAPH <http://example.org/notes> { <http://example.org/a> <http://example.org/b> 1 } }";
            assertEquals(401, Http.update(url, insert, null, null).statusCode());
            assertEquals(401, Http.update(url, insert, "curator", "wrong").statusCode());
            assertEquals(204, Http.update(url, insert, "curator", "s3cret").statusCode());
            assertEquals(List.of("1"), column(Http.query(writable.queryUrl(),
                    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/notes> { ?s ?p ?o } }", JSON), "n"));
            // The dumps and counts follow the update.
            assertTrue(Http.get(writable.datasetUrl().replace("/kg", "/.well-known/void"), "application/n-triples").body()
                    .contains("<http://example.org/notes> <http://rdfs.org/ns/void#triples> \"1\""), "the VoID counts follow the update");

            for (String[] refused : new String[][] {
                    {"INSERT DATA { <http://example.org/a> <http://example.org/b> 2 }", "default graph"},
                    {"INSERT DATA { GRAPH <urn:x-arq:UnionGraph> { <http://example.org/a> <http://example.org/b> 2 } }", "default graph"},
                    {"LOAD <http://example.org/data.ttl> INTO GRAPH <http://example.org/g>", "LOAD is not allowed"},
                    {"INSERT { GRAPH <http://example.org/g> { ?s ?p ?o } } WHERE { FILTER EXISTS { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } } }",
                        "federated queries are off"},
                    {"INSERT { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> ?x } } WHERE { BIND(<java:java.lang.Runtime>(1) AS ?x) }",
                        "java: IRI"},
                    {"INSERT { GRAPH <http://example.org/g> { ?s ?p ?o } } USING <http://example.org/remote.ttl> WHERE { ?s ?p ?o }",
                        "never fetches"},
                    {"INSERT { GRAPH <http://example.org/g> { ?s ?p ?o } } USING NAMED <http://example.org/remote.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
                        "USING NAMED <http://example.org/remote.ttl>: the dataset has no such graph"},
                    {"ADD <http://example.org/missing> TO <http://example.org/g>", "no graph <http://example.org/missing>"}}) {
                HttpResponse<String> response = Http.update(url, refused[0], "curator", "s3cret");
                assertEquals(400, response.statusCode(), refused[0] + ": " + response.body());
                assertTrue(response.body().contains(refused[1]), refused[0] + ": " + response.body());
            }
            // Queries stay open to everyone.
            assertEquals(200, Http.query(writable.queryUrl(), SPEAKERS, JSON).statusCode());
        } finally {
            writable.stop();
        }
    }

    @Test
    void refusesAJavaFunctionInAnUpdateEvenWhenItIsNamedOnlyAtRunTime(@TempDir Path tmp) {
        SparqlServer writable = writableServer(tmp);
        try {
            String update = """
                    INSERT { GRAPH <http://example.org/java-refusal> { <http://example.org/a> <http://example.org/b> ?x } }
                    WHERE { BIND(<http://www.w3.org/2005/xpath-functions#apply>(IRI(CONCAT("java:org.apache.jena.sparql.function.library.", "sqrt")), 4) AS ?x) }""";
            HttpResponse<String> response = Http.update(writable.datasetUrl() + "/update", update, "curator", "s3cret");
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("java: IRI"), response.body());
            assertEquals(List.of("0"), column(Http.query(writable.queryUrl(),
                    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/java-refusal> { ?s ?p ?o } }", JSON), "n"));
        } finally {
            writable.stop();
        }
    }

    @Test
    void refusesFormUpdatesAndUpdatesFromOtherSitesAndLimitsAttempts(@TempDir Path tmp) {
        SparqlServer writable = writableServer(tmp);
        try {
            String url = writable.datasetUrl() + "/update";
            String insert = "INSERT DATA { GRAPH <http://example.org/notes> { <http://example.org/a> <http://example.org/b> 1 } }";
            HttpResponse<String> form = Http.postForm(url, "update=" + Http.encode(insert), "curator", "s3cret");
            assertEquals(415, form.statusCode(), form.body());
            assertTrue(form.body().contains("application/sparql-update"), form.body());
            assertEquals(403, Http.update(url, insert, "curator", "s3cret", "Origin", "https://evil.example").statusCode());
            assertEquals(403, Http.update(url, insert, "curator", "s3cret", "Sec-Fetch-Site", "cross-site").statusCode());
            // Guessing passwords: after a burst (three requests of which are above), the address must wait.
            int tooMany = 0;
            for (int i = 0; i < UpdateRateLimit.BURST; i++) {
                if (Http.update(url, insert, "curator", "guess" + i).statusCode() == 429) {
                    tooMany++;
                }
            }
            assertEquals(3, tooMany);
        } finally {
            writable.stop();
        }
    }

    private static final String STATEMENTS = """
            PREFIX tg: <https://w3id.org/tariffgraph/ontology#>
            CONSTRUCT { ?statement tg:speaker ?speaker ; tg:verbatim ?words } WHERE { ?statement tg:speaker ?speaker ; tg:verbatim ?words }""";

    /**
     * A CONSTRUCT answer in JSON-LD is the project's JSON-LD: compacted with the ontology's
     * context, every key a readable term of it, as the linked data and the export write it.
     */
    @Test
    void constructAnswersInJsonLdAreCompactedWithTheOntologysContext() {
        HttpResponse<String> response = Http.query(server.queryUrl(), STATEMENTS, "application/ld+json");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"), response.headers().toString());
        var document = JsonLdKeys.parse(response.body());
        assertTrue(JsonLdKeys.context(document).containsKey("speaker"), response.body().substring(0, Math.min(400, response.body().length())));
        assertTrue(JsonLdKeys.nodeCount(document) > 0, response.body());
        assertEquals(java.util.Set.of(), JsonLdKeys.keysThatAreNoTerm(document));
    }

    /** The same by the output parameter, and for a DESCRIBE. */
    @Test
    void describeAndTheOutputParameterGiveTheSameJsonLd() {
        String describe = "DESCRIBE <https://w3id.org/tariffgraph/id/org/canaan>";
        HttpResponse<String> byAccept = Http.query(server.queryUrl(), describe, "application/ld+json");
        HttpResponse<String> byParameter = Http.get(server.queryUrl() + "?output=json-ld&query=" + Http.encode(describe), "*/*");
        for (HttpResponse<String> response : List.of(byAccept, byParameter)) {
            assertEquals(200, response.statusCode(), response.body());
            var document = JsonLdKeys.parse(response.body());
            assertTrue(JsonLdKeys.context(document).containsKey("speaker") && JsonLdKeys.nodeCount(document) > 0, response.body());
            assertEquals(java.util.Set.of(), JsonLdKeys.keysThatAreNoTerm(document));
        }
    }

    /** A CONSTRUCT with GRAPH templates in JSON-LD: each graph by its name, in the same context. */
    @Test
    void quadAnswersInJsonLdNameTheirGraphsInTheOntologysContext() {
        HttpResponse<String> response = Http.query(server.queryUrl(), """
                PREFIX tg: <https://w3id.org/tariffgraph/ontology#>
                CONSTRUCT { GRAPH ?g { ?statement tg:speaker ?speaker } } WHERE { GRAPH ?g { ?statement tg:speaker ?speaker } }""",
                "application/ld+json");
        assertEquals(200, response.statusCode(), response.body());
        var document = JsonLdKeys.parse(response.body());
        assertTrue(JsonLdKeys.context(document).containsKey("speaker"), response.body());
        assertTrue(response.body().contains("https://w3id.org/tariffgraph/graph/article/"), response.body());
    }

    /**
     * Whatever the endpoint accepts it sends: for each kind of answer, every format it offers
     * is answered 200 in that format, and one it does not offer is refused with 406 before
     * anything is sent.
     */
    @Test
    void sendsEachOfferedFormatAsAskedAndRefusesTheRestBeforeSending() {
        String quads = "CONSTRUCT { GRAPH ?g { ?s a ?t } } WHERE { GRAPH ?g { ?s a ?t } } LIMIT 5";
        String triples = "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 5";
        var kinds = java.util.Map.of(SPEAKERS, org.apache.jena.fuseki.DEF.rsOfferTable, "ASK { ?s ?p ?o }", org.apache.jena.fuseki.DEF.rsOfferBoolean,
                triples, org.apache.jena.fuseki.DEF.constructOffer, quads, org.apache.jena.fuseki.DEF.quadsOffer);
        List<String> mismatches = new java.util.ArrayList<>();
        kinds.forEach((query, offers) -> {
            for (var offer : offers.entries()) {
                String type = offer.getContentTypeStr();
                HttpResponse<String> response = Http.query(server.queryUrl(), query, type);
                String sent = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
                if (response.statusCode() != 200 || !sent.equals(type)) {
                    mismatches.add(query.substring(0, 9) + " as " + type + ": " + response.statusCode() + " " + sent);
                }
            }
            HttpResponse<String> refused = Http.query(server.queryUrl(), query, "image/png");
            if (refused.statusCode() != 406) {
                mismatches.add(query.substring(0, 9) + " as image/png: " + refused.statusCode());
            }
        });
        assertEquals(List.of(), mismatches);
    }

    /**
     * Every format the endpoint's writers offer is accepted, and the refusal of an Accept
     * header that admits none lists exactly those formats: one list serves both.
     */
    @Test
    void acceptsEveryResultFormatItsWritersOfferAndListsThemWhenItRefuses() {
        HttpResponse<String> thrift = Http.query(server.queryUrl(), SPEAKERS, "application/sparql-results+thrift");
        assertEquals(200, thrift.statusCode(), thrift.body());
        assertTrue(thrift.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+thrift"));
        HttpResponse<String> refused = Http.query(server.queryUrl(), SPEAKERS, "image/png");
        assertEquals(406, refused.statusCode());
        for (var offer : org.apache.jena.fuseki.DEF.rsOfferTable.entries()) {
            assertTrue(refused.body().contains(offer.getContentTypeStr()), refused.body());
        }
    }
}
