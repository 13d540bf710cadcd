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
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.query.ServicePolicy;

class SparqlServerTest {

    private static final String JSON = "application/sparql-results+json";
    private static final String SPEAKERS = """
            PREFIX tg: <https://w3id.org/tariffgraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT DISTINCT ?name WHERE { ?statement tg:speaker/rdfs:label ?name } ORDER BY ?name""";

    private static TariffGraph graph;
    private static SparqlServer server;

    @BeforeAll
    static void start() {
        graph = TariffGraph.builder().home(TestHomes.repo()).build();
        server = graph.server().port(0).timeout(Duration.ofSeconds(2)).build().start();
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
        SparqlServer partner = graph.server().port(0).services(ServicePolicy.allow(List.of("http://partner.example/sparql")))
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
                () -> graph.server().updateWithPasswordFile(passwords));
        assertTrue(e.getMessage().contains("never stored in clear") && e.getMessage().contains("hash-password"), e.getMessage());
    }

    @Test
    void updatesOnlyForAuthenticatedUsersAndOnlyNamedGraphs(@TempDir Path tmp) {
        Path passwords = tmp.resolve("passwords");
        TestHomes.write(passwords, "curator: " + Pbkdf2Credential.hash("s3cret".toCharArray()) + "\n");
        assertFalse(TestHomes.read(passwords).contains("s3cret"), "the password is not stored");
        TariffGraph own = TariffGraph.builder().home(TestHomes.repo()).build();
        SparqlServer writable = own.server().port(0).updateWithPasswordFile(passwords).accessLog(false).build().start();
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
        Path passwords = tmp.resolve("passwords");
        TestHomes.write(passwords, "curator: " + Pbkdf2Credential.hash("s3cret".toCharArray()) + "\n");
        SparqlServer writable = TariffGraph.builder().home(TestHomes.repo()).build().server().port(0)
                .updateWithPasswordFile(passwords).accessLog(false).build().start();
        try {
            String update = """
                    INSERT { GRAPH <http://example.org/notes> { <http://example.org/a> <http://example.org/b> ?x } }
                    WHERE { BIND(<http://www.w3.org/2005/xpath-functions#apply>(IRI(CONCAT("java:org.apache.jena.sparql.function.library.", "sqrt")), 4) AS ?x) }""";
            HttpResponse<String> response = Http.update(writable.datasetUrl() + "/update", update, "curator", "s3cret");
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("java: IRI"), response.body());
            assertEquals(List.of("0"), column(Http.query(writable.queryUrl(),
                    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/notes> { ?s ?p ?o } }", JSON), "n"));
        } finally {
            writable.stop();
        }
    }

    @Test
    void refusesFormUpdatesAndUpdatesFromOtherSitesAndLimitsAttempts(@TempDir Path tmp) {
        Path passwords = tmp.resolve("passwords");
        TestHomes.write(passwords, "curator: " + Pbkdf2Credential.hash("s3cret".toCharArray()) + "\n");
        SparqlServer writable = graph.server().port(0).updateWithPasswordFile(passwords).accessLog(false).build().start();
        try {
            String url = writable.datasetUrl() + "/update";
            String insert = "INSERT DATA { GRAPH <http://example.org/notes> { <http://example.org/a> <http://example.org/b> 1 } }";
            HttpResponse<String> form = Http.postForm(url, "update=" + Http.encode(insert), "curator", "s3cret");
            assertEquals(415, form.statusCode(), form.body());
            assertTrue(form.body().contains("application/sparql-update"), form.body());
            assertEquals(403, Http.update(url, insert, "curator", "s3cret", "Origin", "https://evil.example").statusCode());
            assertEquals(403, Http.update(url, insert, "curator", "s3cret", "Sec-Fetch-Site", "cross-site").statusCode());
            // Guessing passwords: after a burst, the address must wait.
            int tooMany = 0;
            for (int i = 0; i < UpdateRateLimit.BURST + 3; i++) {
                if (Http.update(url, insert, "curator", "guess" + i).statusCode() == 429) {
                    tooMany++;
                }
            }
            assertTrue(tooMany > 0, "no attempt was refused 429");
        } finally {
            writable.stop();
        }
    }
}
