package org.tariffgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;

/**
 * A catalogue of bad requests, each with the status and message it must get; after every
 * one, the server still answers.
 */
class BadRequestsTest {

    private static final Limits LIMITS = new Limits(10_000, 200_000, 1_000);
    private static SparqlServer server;

    /** One bad request: what is sent, and what must come back. */
    private record Case(String name, HttpRequest request, int status, String message) {}

    @BeforeAll
    static void start() {
        server = SparqlServer.builder(TariffGraph.builder().home(TestHomes.repo()).build()).port(0)
                .timeout(Duration.ofSeconds(2)).limits(LIMITS).accessLog(false).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @AfterEach
    void theServerStillAnswers() {
        HttpResponse<String> ping = Http.get(server.datasetUrl().replace("/kg", "/$/ping"), "text/plain");
        assertEquals(200, ping.statusCode());
        HttpResponse<String> ask = Http.query(server.queryUrl(), "ASK { ?s ?p ?o }", "application/sparql-results+json");
        assertEquals(200, ask.statusCode());
        assertTrue(ask.body().contains("true"));
    }

    private static HttpRequest get(String pathAndQuery, String accept) {
        return HttpRequest.newBuilder(URI.create(server.datasetUrl().replace("/kg", "") + pathAndQuery)).header("Accept", accept).GET().build();
    }

    private static HttpRequest query(String query) {
        return get("/kg/sparql?query=" + Http.encode(query), "application/sparql-results+json");
    }

    private static HttpRequest post(String path, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(server.datasetUrl().replace("/kg", "") + path))
                .header("Content-Type", contentType).header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static final String CROSS_JOIN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }";
    private static final String SLOW = "SELECT ?x WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STR(?c) = CONCAT(STR(?f), STR(?i), \"none\")) }";

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("malformed query", query("SELECT ?x WHERE { ?x ?y }"), 400, "Encountered"));
        cases.add(new Case("unknown prefix", query("SELECT * WHERE { ?s tg:speaker ?o }"), 400, "Unresolved prefixed name"));
        cases.add(new Case("empty query", get("/kg/sparql?query=", "application/sparql-results+json"), 400, "Empty query"));
        cases.add(new Case("query longer than the limit", post("/kg/sparql", "application/x-www-form-urlencoded",
                "query=" + Http.encode("ASK {} #" + "x".repeat(20_000))), 413, "longer than the limit of 10000 characters"));
        cases.add(new Case("query in the URL longer than the limit", get("/kg/sparql?query=" + Http.encode("ASK {} #" + "x".repeat(20_000)), "*/*"),
                413, "longer than the limit of 10000 characters"));
        cases.add(new Case("body larger than the limit", post("/kg/sparql", "application/sparql-query", "ASK {} #" + "x".repeat(300_000)),
                413, "larger than the limit of 200000 bytes"));
        cases.add(new Case("body of unknown length", HttpRequest.newBuilder(URI.create(server.queryUrl()))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("ASK {}".getBytes(StandardCharsets.UTF_8)))).build(),
                411, "Content-Length"));
        cases.add(new Case("pathological join, more rows than the limit", query(CROSS_JOIN), 422, "more than 1000 rows"));
        cases.add(new Case("pathological join that runs out of time", query(SLOW), 503, "timed out"));
        cases.add(new Case("construct larger than the limit", get("/kg/sparql?query="
                + Http.encode("CONSTRUCT { ?a ?b ?f } WHERE { ?a ?b ?c . ?d ?e ?f }"), "text/turtle"), 422, "more than 1000 triples"));
        cases.add(new Case("construct of named graphs larger than the limit", get("/kg/sparql?query="
                + Http.encode("CONSTRUCT { GRAPH ?g { ?a ?b ?f } } WHERE { GRAPH ?g { ?a ?b ?c . ?d ?e ?f } }"), "application/n-quads"),
                422, "more than 1000 quads"));
        cases.add(new Case("describe larger than the limit", get("/kg/sparql?query="
                + Http.encode("DESCRIBE ?s WHERE { ?s ?p ?o }"), "text/turtle"), 422, "more than 1000 triples"));
        cases.add(new Case("JSON query larger than the limit", get("/kg/sparql?query="
                + Http.encode("JSON { \"s\": ?s } WHERE { ?s ?p ?o }"), "application/json"), 422, "more than 1000 items"));
        cases.add(new Case("query body longer than the limit", post("/kg/sparql", "application/sparql-query", "ASK {} #" + "x".repeat(20_000)),
                413, "longer than the limit of 10000 characters"));
        cases.add(new Case("federated query inside NOT EXISTS",
                query("SELECT * WHERE { BIND(1 AS ?x) FILTER NOT EXISTS { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } } }"), 400,
                "federated queries are off"));
        cases.add(new Case("no acceptable result format", get("/kg/sparql?query=" + Http.encode("ASK {}"), "image/png"), 406, "Not acceptable"));
        cases.add(new Case("wrong content type", post("/kg/sparql", "text/plain", "ASK {}"), 415, "Unsupported"));
        cases.add(new Case("update sent to the query endpoint", post("/kg/sparql", "application/x-www-form-urlencoded",
                "update=" + Http.encode("CLEAR ALL")), 400, ""));
        cases.add(new Case("update endpoint not enabled", post("/kg/update", "application/sparql-update", "CLEAR ALL"), 404, ""));
        cases.add(new Case("graph store write", HttpRequest.newBuilder(URI.create(server.graphStoreUrl() + "?default"))
                .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<http://e/a> <http://e/b> 1 .")).build(), 405, ""));
        cases.add(new Case("method not allowed", HttpRequest.newBuilder(URI.create(server.queryUrl())).DELETE().build(), 405, ""));
        cases.add(new Case("federated query", query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"), 400,
                "federated queries are off"));
        cases.add(new Case("federated query to a local file", query("SELECT * WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }"), 400,
                "is not allowed"));
        cases.add(new Case("FROM a URL", query("SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }"), 400,
                "the server never fetches one"));
        cases.add(new Case("FROM NAMED a local file", query("SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }"), 400,
                "the server never fetches one"));
        cases.add(new Case("protocol default-graph-uri to a URL", get("/kg/sparql?query=" + Http.encode("ASK {}")
                + "&default-graph-uri=" + Http.encode("http://example.org/x"), "application/sparql-results+json"), 400, "never fetches"));
        cases.add(new Case("java: function", query("SELECT * WHERE { BIND(<java:java.lang.Runtime>(1) AS ?x) }"), 400, "java: IRI"));
        cases.add(new Case("java: property function", query("SELECT * WHERE { ?s <java:org.apache.jena.sparql.pfunction.library.splitIRI> (?a ?b) }"),
                400, "java: IRI"));
        String sqrt = "<java:org.apache.jena.sparql.function.library.sqrt>";
        cases.add(new Case("java: function in an aggregate", query("SELECT (SUM(" + sqrt + "(4)) AS ?x) {}"), 400, "java: IRI"));
        cases.add(new Case("java: function in ORDER BY", query("SELECT * { ?s ?p ?o } ORDER BY " + sqrt + "(4)"), 400, "java: IRI"));
        cases.add(new Case("java: function in GROUP BY", query("SELECT ?g (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY (" + sqrt + "(4) AS ?g)"),
                400, "java: IRI"));
        cases.add(new Case("java: function in HAVING", query("SELECT ?s { ?s ?p ?o } GROUP BY ?s HAVING(" + sqrt + "(COUNT(*)) > 1)"),
                400, "java: IRI"));
        cases.add(new Case("java: function named at run time by fn:apply",
                query("SELECT (<http://www.w3.org/2005/xpath-functions#apply>(IRI(CONCAT(\"java:org.apache.jena.sparql.function.library.\", \"sqrt\")), 4) AS ?x) {}"),
                400, "java: IRI"));
        for (String path : List.of("/id/../../etc/passwd", "/id/%2e%2e/%2e%2e/etc/passwd", "/dumps/..%2f..%2fpom.xml",
                "/kg/../../etc/passwd", "/graph/..%2F..%2Fetc%2Fpasswd", "/ontology/..%2F..%2Fpom.xml")) {
            cases.add(new Case("path traversal " + path, get(path, "*/*"), -4, ""));
        }
        for (String admin : List.of("/$/stats", "/$/datasets", "/$/server", "/$/metrics", "/$/tasks")) {
            cases.add(new Case("admin endpoint " + admin, get(admin, "*/*"), 404, ""));
        }
        return cases;
    }

    @TestFactory
    List<DynamicTest> everyBadRequestGetsItsStatusAndMessage() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            HttpResponse<String> response = Http.send(c.request());
            if (c.status() == -4) {
                // Any client error, and never the file.
                assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, c.name() + ": " + response.statusCode());
                assertFalse(response.body().contains("root:") || response.body().contains("<project"), "a file's content was served");
            } else {
                assertEquals(c.status(), response.statusCode(), c.name() + ": " + response.body());
                assertTrue(response.body().contains(c.message()), c.name() + ": " + response.body());
            }
        })).toList();
    }
}
