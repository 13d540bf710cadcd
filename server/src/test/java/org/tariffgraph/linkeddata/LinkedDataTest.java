package org.tariffgraph.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tariffgraph.JsonLdKeys;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.server.SparqlServer;

import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

class LinkedDataTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String ID = "https://w3id.org/tariffgraph/";
    private static final String A = TestHomes.ARTICLE_IRI;

    private static TariffGraph graph;
    private static SparqlServer server;
    private static String base;

    /** One format of the negotiation matrix. */
    private record Format(String mediaType, Lang lang) {}

    private static final List<Format> RDF_FORMATS = List.of(
            new Format("text/turtle", Lang.TURTLE), new Format("application/ld+json", Lang.JSONLD),
            new Format("application/n-triples", Lang.NTRIPLES), new Format("application/rdf+xml", Lang.RDFXML));

    @BeforeAll
    static void start() {
        graph = TariffGraph.builder().home(TestHomes.repo()).build();
        server = SparqlServer.builder(graph).port(0).build().start();
        base = server.datasetUrl().replace("/kg", "");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<byte[]> get(String path, String accept) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
            if (accept != null) {
                b.header("Accept", accept);
            }
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static Graph parse(byte[] body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(body)).lang(lang).parse(g);
        return g;
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    /** Each dereferenceable kind of IRI, with a triple its description must hold. */
    private static final Map<String, Node[]> RESOURCES = Map.of(
            "/id/org/canaan", new Node[] {uri(ID + "id/org/canaan"), RDFS.label.asNode(), NodeFactory.createLiteralLang("Canaan", "en")},
            "/ontology", new Node[] {uri(ID + "ontology#Statement"), RDFS.label.asNode(), NodeFactory.createLiteralLang("Statement", "en")},
            "/graph/entities", new Node[] {uri(ID + "id/person/leo-wang"), RDFS.label.asNode(), NodeFactory.createLiteralLang("Leo Wang", "en")});

    @TestFactory
    List<DynamicTest> everyKindOfIriAnswersInEveryRdfFormat() {
        List<DynamicTest> tests = new ArrayList<>();
        RESOURCES.forEach((path, triple) -> RDF_FORMATS.forEach(f -> tests.add(DynamicTest.dynamicTest(path + " as " + f.mediaType(), () -> {
            HttpResponse<byte[]> r = get(path, f.mediaType());
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(f.mediaType()), r.headers().toString());
            assertTrue(r.headers().firstValue("Vary").orElse("").contains("Accept"));
            Graph g = parse(r.body(), f.lang());
            assertTrue(g.contains(triple[0], triple[1], triple[2]), path + " in " + f.mediaType() + " lacks " + triple[0]);
        }))));
        return tests;
    }

    @Test
    void aFactIsDescribedWithItsEvidenceAndTheFragmentsOfItsEvidence() {
        Graph fact = parse(get("/id/article/prepsaret-2025-chinese-mining-rig-makers-us-production/statement/leo-wang-no-broader-threat", "text/turtle").body(), Lang.TURTLE);
        Node statement = uri(A + "/statement/leo-wang-no-broader-threat");
        assertTrue(fact.contains(statement, uri(ID + "ontology#respondsTo"), uri(A + "/statement/sanjay-gupta-grid-security-risk")));
        Graph evidence = parse(get("/id/article/prepsaret-2025-chinese-mining-rig-makers-us-production/evidence/c2082-2229", "text/turtle").body(), Lang.TURTLE);
        assertTrue(evidence.contains(uri(A + "/evidence/c2082-2229#quote"), uri("http://www.w3.org/ns/oa#exact"), Node.ANY),
                "the #quote selector comes with its evidence document");
    }

    /** The path of one IRI of each class the data uses, and the ontology's. */
    private static List<String> oneIriOfEachClass() {
        String query = "SELECT ?class (MIN(STR(?s)) AS ?one) WHERE { ?s a ?class FILTER(STRSTARTS(STR(?s), \"" + ID + "id/\")) } GROUP BY ?class";
        Set<String> paths = new TreeSet<>();
        graph.select(query).rowMaps().forEach(row -> {
            String iri = row.get("one").getLiteralLexicalForm();
            int fragment = iri.indexOf('#');
            paths.add((fragment < 0 ? iri : iri.substring(0, fragment)).substring(ID.length() - 1));
        });
        assertTrue(paths.size() > 20, paths.toString());
        List<String> all = new ArrayList<>(paths);
        all.add("/ontology");
        return all;
    }

    @Test
    void jsonLdUsesTheOntologysReadableKeysForEveryKindOfNode() {
        JsonObject published = JsonLdKeys.context(JsonLdKeys.parse(text(get("/ontology/context.jsonld", "application/ld+json"))));
        Map<String, Set<String>> fallbacks = new TreeMap<>();
        for (String path : oneIriOfEachClass()) {
            JsonStructure page = JsonLdKeys.parse(text(get(path, "application/ld+json")));
            assertEquals(published, JsonLdKeys.context(page), path + " is compacted with the published context");
            assertTrue(JsonLdKeys.nodeCount(page) > 0, path);
            Set<String> keys = JsonLdKeys.keysThatAreNoTerm(page);
            if (!keys.isEmpty()) {
                fallbacks.put(path, keys);
            }
        }
        assertEquals(Map.of(), fallbacks, "node keys that are not terms of the context");
        String statement = A + "/statement/leo-wang-no-broader-threat";
        JsonStructure page = JsonLdKeys.parse(text(get(statement.substring(ID.length() - 1), "application/ld+json")));
        JsonObject node = page.asJsonObject().getJsonArray("@graph").stream().map(JsonValue::asJsonObject)
                .filter(n -> n.getString("id", "").endsWith("statement/leo-wang-no-broader-threat")).findFirst().orElseThrow();
        assertTrue(node.getString("verbatim").startsWith("mining rigs are only useful within the context of bitcoin mining"), node.toString());
        assertEquals("art:evidence/c2082-2229", node.getString("hasEvidence"), node.toString());
    }

    @Test
    void negotiatesLikeBrowsersAndLinkedDataClientsExpect() {
        assertTrue(contentType(get("/id/org/canaan", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).startsWith("text/html"));
        assertTrue(contentType(get("/id/org/canaan", "*/*")).startsWith("text/turtle"));
        assertTrue(contentType(get("/id/org/canaan", null)).startsWith("text/turtle"));
        assertTrue(contentType(get("/id/org/canaan", "application/rdf+xml;q=0.9, text/turtle;q=0.5")).startsWith("application/rdf+xml"));
        assertTrue(contentType(get("/id/org/canaan", "text/*")).startsWith("text/turtle"));
    }

    private static String contentType(HttpResponse<byte[]> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void anUnknownIriIs404AndAnUnacceptableFormat406() {
        assertEquals(404, get("/id/org/no-such-company", "text/turtle").statusCode());
        assertEquals(404, get("/graph/no-such-graph", "text/turtle").statusCode());
        assertEquals(404, get("/id/%3E%20bad", "text/turtle").statusCode());
        HttpResponse<byte[]> r = get("/id/org/canaan", "image/png");
        assertEquals(406, r.statusCode());
        assertTrue(text(r).contains("text/turtle"), text(r));
    }

    @Test
    void anEntityPageShowsItsFactsWithEvidenceAndEveryLinkWorks() {
        HttpResponse<byte[]> r = get("/id/person/leo-wang", "text/html");
        assertEquals(200, r.statusCode());
        Document page = Jsoup.parse(text(r));
        assertEquals("Leo Wang", page.selectFirst("h1").text());
        assertTrue(page.text().contains("mining rigs are only useful within the context of bitcoin mining"), "a statement's evidence");
        assertTrue(page.select("a[href^=/kg/sparql?format=json&query=]").size() == 1, "a link to query it");
        // The page lists only facts that involve Leo Wang.
        assertFalse(page.text().contains("Sanjay Gupta: Chinese-made machines"), "a fact that does not involve him");
        Set<String> links = new LinkedHashSet<>();
        page.select("a[href^=/]").forEach(a -> links.add(a.attr("href")));
        assertTrue(links.size() > 5, links.toString());
        for (String link : links) {
            assertEquals(200, get(link, "text/html").statusCode(), link);
        }
    }

    @Test
    void theOntologyIsDocumentedFromItsOwnAnnotations() {
        Document page = Jsoup.parse(text(get("/ontology", "text/html")));
        for (String term : List.of("Statement", "speaker", "value", "ArticleVoice", "HeldRole", "respondsTo")) {
            var section = page.getElementById(term);
            assertNotNull(section, term);
        }
        String text = page.text();
        assertTrue(text.contains("Something a speaker said, as a source reports it"), "a definition");
        assertTrue(text.contains("Leo Wang's \"The rationale is to try to reduce the cost"), "an example");
        assertTrue(text.contains("12 instances"), "where a class is used in the data");
        assertEquals(200, get("/ontology/0.1.0", "text/turtle").statusCode(), "the version IRI");
    }

    @Test
    void theVoidDescriptionCountsEqualTheData() {
        Graph description = parse(get("/.well-known/void", "text/turtle").body(), Lang.TURTLE);
        Node dataset = uri(ID + "dataset");
        String v = "http://rdfs.org/ns/void#";
        long total = Txn.calculateRead(graph.dataset(), () -> {
            long[] n = {0};
            graph.dataset().listGraphNodes().forEachRemaining(g -> n[0] += graph.dataset().getGraph(g).size());
            return n[0];
        });
        assertEquals(total, integer(description, dataset, v + "triples"));
        Txn.executeRead(graph.dataset(), () -> graph.dataset().listGraphNodes().forEachRemaining(g ->
                assertEquals(graph.dataset().getGraph(g).size(), integer(description, g, v + "triples"), g.getURI())));
        assertEquals(11, integer(description, uri(ID + "dataset#wikidata-links"), v + "triples"));
        assertTrue(description.contains(dataset, uri(v + "sparqlEndpoint"), uri(server.queryUrl())));
        assertTrue(description.contains(dataset, uri("http://purl.org/dc/terms/license"), uri("https://creativecommons.org/licenses/by/4.0/")));
        assertTrue(description.contains(dataset, uri("http://www.w3.org/ns/dcat#accessService"), Node.ANY), "DCAT");
    }

    private static long integer(Graph g, Node s, String p) {
        var it = g.find(s, uri(p), Node.ANY);
        assertTrue(it.hasNext(), "no " + p + " for " + s);
        return Long.parseLong(it.next().getObject().getLiteralLexicalForm());
    }

    @Test
    void theDumpsParseEqualTheServedDatasetAndMatchTheirChecksums() throws IOException, java.security.NoSuchAlgorithmException {
        String sums = text(get("/dumps/SHA256SUMS", null));
        for (String[] dump : new String[][] {{"tariffgraph.trig.gz", "TRIG"}, {"tariffgraph.nq.gz", "NQUADS"}}) {
            HttpResponse<byte[]> r = get("/dumps/" + dump[0], null);
            assertEquals(200, r.statusCode());
            assertTrue(sums.contains(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(r.body())) + "  " + dump[0]), sums);
            DatasetGraph parsed = DatasetGraphFactory.create();
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
                RDFParser.source(in).lang(dump[1].equals("TRIG") ? Lang.TRIG : Lang.NQUADS).parse(parsed);
            }
            Txn.executeRead(graph.dataset(), () -> {
                List<Node> names = new ArrayList<>();
                graph.dataset().listGraphNodes().forEachRemaining(names::add);
                List<Node> parsedNames = new ArrayList<>();
                parsed.listGraphNodes().forEachRemaining(parsedNames::add);
                assertEquals(Set.copyOf(names), Set.copyOf(parsedNames), dump[0]);
                names.forEach(n -> assertTrue(IsoMatcher.isomorphic(graph.dataset().getGraph(n), parsed.getGraph(n)), dump[0] + " " + n));
            });
        }
        Graph description = parse(get("/dataset", "text/turtle").body(), Lang.TURTLE);
        assertTrue(description.find(Node.ANY, uri("http://spdx.org/rdf/terms#checksumValue"), Node.ANY).toList().size() == 2);
    }

    @Test
    void theEndpointDescribesItselfWhenAskedWithoutAQuery() {
        Graph sd = parse(get("/kg/sparql", "text/turtle").body(), Lang.TURTLE);
        String ns = "http://www.w3.org/ns/sparql-service-description#";
        assertTrue(sd.contains(Node.ANY, uri(ns + "endpoint"), uri(server.queryUrl())));
        assertTrue(sd.contains(Node.ANY, uri(ns + "feature"), uri(ns + "UnionDefaultGraph")));
        // Every named graph is described: the ontology, the entities, the article, its derived
        // facts, its enrichment, and the alignment of the reports.
        java.util.Set<String> described = new java.util.TreeSet<>();
        sd.find(Node.ANY, uri(ns + "namedGraph"), Node.ANY).forEachRemaining(t ->
                sd.find(t.getObject(), uri(ns + "name"), Node.ANY).forEachRemaining(n -> described.add(n.getObject().getURI())));
        java.util.Set<String> graphs = new java.util.TreeSet<>();
        graph.dataset().listGraphNodes().forEachRemaining(n -> graphs.add(n.getURI()));
        assertEquals(6, graphs.size(), graphs.toString());
        assertTrue(graphs.contains(org.tariffgraph.align.Aligner.GRAPH), graphs.toString());
        assertEquals(graphs, described);
        assertTrue(text(get("/kg/sparql", "text/html")).contains("<form"), "a query form for people");
    }

    @Test
    void theRootIsAPageForPeopleAndTheDescriptionForMachines() {
        assertTrue(contentType(get("/", "*/*")).startsWith("text/html"));
        assertTrue(contentType(get("/", "text/turtle")).startsWith("text/turtle"));
    }

    /**
     * A dataset whose graph listing, the first step of computing the published counts, waits
     * at a gate the test opens, and counts how often it was asked.
     */
    private static final class GatedDataset extends org.apache.jena.sparql.core.DatasetGraphWrapper {
        final java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.atomic.AtomicInteger listings = new java.util.concurrent.atomic.AtomicInteger();
        volatile boolean gated;

        GatedDataset(DatasetGraph base) {
            super(base);
        }

        @Override
        public java.util.Iterator<Node> listGraphNodes() {
            if (gated && inPublishing()) {
                listings.incrementAndGet();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.listGraphNodes();
        }

        private static boolean inPublishing() {
            return java.util.Arrays.stream(Thread.currentThread().getStackTrace())
                    .anyMatch(f -> f.getClassName().equals(DatasetDescription.class.getName()) && f.getMethodName().equals("count"));
        }
    }

    private static SparqlServer writableServer(DatasetGraph dataset, java.nio.file.Path passwords) {
        TestHomes.write(passwords, "curator: " + org.tariffgraph.server.Pbkdf2Credential.hash("s3cret".toCharArray()) + "\n");
        return SparqlServer.builder(dataset).port(0).updateWithPasswordFile(passwords).accessLog(false).build().start();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpRequest voidRequest(SparqlServer server) {
        return HttpRequest.newBuilder(URI.create(server.datasetUrl().replace("/kg", "/.well-known/void"))).header("Accept", "application/n-triples").build();
    }

    private static HttpResponse<String> insertNote(SparqlServer server) {
        return send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + "/update"))
                .header("Content-Type", "application/sparql-update")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("curator:s3cret".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <http://example.org/notes> { <http://example.org/a> <http://example.org/b> 1 } }"))
                .build());
    }

    private static final String NOTES_COUNTED = "<http://example.org/notes> <http://rdfs.org/ns/void#triples> \"1\"";

    @Test
    void countsComputedBeforeAnUpdateAreNotKeptAfterIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        GatedDataset dataset = new GatedDataset(TariffGraph.builder().home(TestHomes.repo()).build().dataset());
        SparqlServer writable = writableServer(dataset, tmp.resolve("passwords"));
        try {
            dataset.gated = true;
            var early = java.util.concurrent.CompletableFuture.supplyAsync(() -> send(voidRequest(writable)));
            while (dataset.listings.get() == 0) {
                Thread.onSpinWait();
            }
            // The counts are being computed from the data as it was; the update lands before they are stored.
            dataset.gated = false;
            assertEquals(204, insertNote(writable).statusCode());
            dataset.gate.countDown();
            assertEquals(200, early.get(1, java.util.concurrent.TimeUnit.MINUTES).statusCode());
            String after = send(voidRequest(writable)).body();
            assertTrue(after.contains(NOTES_COUNTED), "the counts after the update miss it");
        } finally {
            writable.stop();
        }
    }

    @Test
    void afterAnUpdateOneRequestRecomputesTheCountsWhileTheOthersWaitForThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        GatedDataset dataset = new GatedDataset(TariffGraph.builder().home(TestHomes.repo()).build().dataset());
        SparqlServer writable = writableServer(dataset, tmp.resolve("passwords"));
        int requests = 4;
        try {
            assertEquals(204, insertNote(writable).statusCode());
            dataset.gated = true;
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                sent.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> send(voidRequest(writable))));
            }
            // Wait until every request is inside the linked data, either computing or waiting, before the gate opens.
            while (threadsIn("published") < requests) {
                Thread.onSpinWait();
            }
            dataset.gate.countDown();
            for (var response : sent) {
                assertTrue(response.get(1, java.util.concurrent.TimeUnit.MINUTES).body().contains(NOTES_COUNTED));
            }
            assertEquals(1, dataset.listings.get(), "each request computed the counts");
        } finally {
            writable.stop();
        }
    }

    /** The number of threads that are blocked or waiting inside a method of {@link LinkedData}. */
    private static long threadsIn(String method) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getState() != Thread.State.RUNNABLE)
                .filter(e -> java.util.Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().startsWith(LinkedData.class.getName()) && f.getMethodName().equals(method)))
                .count();
    }
}
