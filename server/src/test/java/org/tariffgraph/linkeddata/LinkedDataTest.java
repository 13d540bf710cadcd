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
        assertTrue(page.select("a[href^=/query?query=]").size() == 1, "a link to query it in the query editor");
        // The page lists only facts that involve Leo Wang.
        assertFalse(page.text().contains("Sanjay Gupta: Chinese-made machines"), "a fact that does not involve him");
        Set<String> links = new LinkedHashSet<>();
        page.select("a[href^=/]").forEach(a -> links.add(a.attr("href")));
        assertTrue(links.size() > 5, links.toString());
        for (String link : links) {
            assertEquals(200, get(link, "text/html").statusCode(), link);
        }
    }

    private static Document html(String path) {
        HttpResponse<byte[]> r = get(path, "text/html");
        assertEquals(200, r.statusCode(), path);
        return Jsoup.parse(text(r), base + path);
    }

    private static final String EVIDENCE = A + "/evidence/c2082-2229";

    @Test
    void everyPieceOfEvidenceShowsItsWordsOffsetsSourceAndContext() {
        Document page = html("/id/person/leo-wang");
        var figures = page.select("table.facts figure.evidence");
        assertFalse(figures.isEmpty(), "no evidence shown");
        for (var figure : figures) {
            assertTrue(figure.selectFirst(".offsets").text().matches("\\d+–\\d+"), figure.text());
            assertFalse(figure.selectFirst("mark").text().isBlank(), figure.text());
            assertEquals(1, figure.select("figcaption a[href=" + A.substring(ID.length() - 1) + "]").size(), "the source is linked: " + figure);
        }
        var figure = figures.stream().filter(f -> f.selectFirst("mark").text().startsWith("Wang responded to such concerns")).findFirst().orElseThrow();
        assertEquals("2082–2229", figure.selectFirst(".offsets").text());
        assertEquals("rid could pose security risks.", figure.select(".context").get(0).text());
        assertTrue(figure.select(".context").get(1).text().startsWith("Still, Chinese manufacturers"), figure.toString());
        assertEquals(1, figure.select("a[href=" + EVIDENCE.substring(ID.length() - 1) + "]").size(), "the evidence node is linked");
    }

    @Test
    void aFactWithSeveralPiecesOfEvidenceIsOneRowWithAllOfThem() {
        // Each fact of the page is one row, with as many pieces of evidence as the graph gives it.
        Document page = html("/id/org/canaan");
        Map<String, Integer> inGraph = new TreeMap<>();
        graph.select("""
                PREFIX tg: <https://w3id.org/tariffgraph/ontology#>
                SELECT ?fact (COUNT(DISTINCT ?e) AS ?n) WHERE {
                  { ?fact ?p <https://w3id.org/tariffgraph/id/org/canaan> } UNION { VALUES ?fact { <https://w3id.org/tariffgraph/id/org/canaan> } }
                  VALUES ?k { tg:Statement tg:Claim tg:Event tg:Policy tg:HeldRole } ?fact a ?k ; tg:hasEvidence ?e ; tg:voice ?v
                } GROUP BY ?fact""").rowMaps()
                .forEach(row -> inGraph.put(row.get("fact").getURI().substring(ID.length() - 1), Integer.parseInt(row.get("n").getLiteralLexicalForm())));
        Map<String, Integer> shown = new TreeMap<>();
        for (var row : page.select("table.facts tbody tr")) {
            String fact = row.selectFirst("td a").attr("href");
            assertFalse(shown.containsKey(fact), fact + " has two rows");
            shown.put(fact, row.select("figure.evidence").size());
        }
        assertEquals(inGraph, shown);
        assertTrue(inGraph.values().stream().anyMatch(n -> n > 1), "some fact of the page has several pieces of evidence: " + inGraph);
    }

    @Test
    void anEvidencePageShowsItsOwnWordsInContext() {
        Document page = html(EVIDENCE.substring(ID.length() - 1));
        var words = page.selectFirst("#words + figure.evidence");
        assertEquals("2082–2229", words.selectFirst(".offsets").text());
        assertTrue(words.selectFirst("mark").text().startsWith("Wang responded to such concerns"));
    }

    @Test
    void aStatementPageShowsWhatItRespondsToAndWhatRespondsToIt() {
        String reply = "/id/article/prepsaret-2025-chinese-mining-rig-makers-us-production/statement/leo-wang-no-broader-threat";
        String concern = "/id/article/prepsaret-2025-chinese-mining-rig-makers-us-production/statement/sanjay-gupta-grid-security-risk";
        Document replyPage = html(reply);
        assertEquals(1, replyPage.select("#responds-to + ul.responses a[href=" + concern + "]").size(), "the reply shows what it answers");
        assertTrue(replyPage.selectFirst("#responds-to + ul.responses").text().contains("said by Sanjay Gupta"));
        Document concernPage = html(concern);
        assertEquals(1, concernPage.select("#answered-by + ul.responses a[href=" + reply + "]").size(), "the concern shows its answer");
        assertTrue(concernPage.selectFirst("#answered-by + ul.responses").text().contains("said by Leo Wang"));
    }

    @Test
    void aSpeakersPageShowsTheirRolesAndEverythingTheySaidInTheOrderOfTheSource() {
        Document page = html("/id/person/leo-wang");
        assertEquals("senior executive at Canaan", page.selectFirst("#roles + ul li").text());
        List<String> said = page.select("#said + ol.said > li > a").eachAttr("href");
        List<String> inOrder = graph.select("""
                PREFIX tg: <https://w3id.org/tariffgraph/ontology#>
                PREFIX oa: <http://www.w3.org/ns/oa#>
                SELECT ?s (MIN(?start) AS ?first) WHERE {
                  ?s tg:speaker <https://w3id.org/tariffgraph/id/person/leo-wang> ; tg:hasEvidence/oa:hasSelector/oa:start ?start
                } GROUP BY ?s ORDER BY ?first""").rowMaps().stream().map(r -> r.get("s").getURI().substring(ID.length() - 1)).toList();
        assertEquals(inOrder, said);
        assertEquals(4, said.size(), "Leo Wang says four things in the article");
    }

    @Test
    void theDatasetPageShowsItsFilesChecksumsServiceLinksetAndLicence() {
        Document page = html("/dataset");
        String sums = text(get("/dumps/SHA256SUMS", null));
        for (String file : List.of("tariffgraph.trig.gz", "tariffgraph.nq.gz")) {
            var row = page.getElementById(file);
            assertNotNull(row, file);
            assertEquals(Integer.toString(get("/dumps/" + file, null).body().length), row.child(2).text(), "size of " + file);
            assertTrue(sums.contains(row.child(3).text() + "  " + file), "checksum of " + file);
            assertNotNull(page.getElementById(file + "-sha256"));
        }
        assertTrue(page.selectFirst("#wikidata-links + table").text().contains("11"), "the linkset and its size");
        assertNotNull(page.getElementById("wikidata"), "the linkset's target");
        assertTrue(page.select("h2").eachText().contains("SPARQL service"));
        assertEquals(1, page.select("#licence + p a[href=https://creativecommons.org/licenses/by/4.0/]").size());
        for (String workbench : List.of("/query", "/timeline", "/network")) {
            assertEquals(1, page.select("#start + ul a[href=" + workbench + "]").size(), workbench);
        }
    }

    @Test
    void everyLinkWithinTheDocumentPagesLeadsToAPageAndAnAnchorThatExist() {
        Map<String, Document> pages = new TreeMap<>();
        List<String> broken = new ArrayList<>();
        List<String> start = new ArrayList<>(List.of("/", "/dataset", "/kg/sparql", "/ontology", "/query", "/timeline", "/network",
                "/id/person/leo-wang", EVIDENCE.substring(ID.length() - 1)));
        for (String path : start) {
            Document page = pages.computeIfAbsent(path, LinkedDataTest::html);
            for (var a : page.select("a[href]")) {
                URI target = URI.create(a.absUrl("href"));
                if (!base.equals(target.getScheme() + "://" + target.getAuthority())) {
                    continue;
                }
                String targetPath = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
                if (targetPath.startsWith("/dumps/") || targetPath.startsWith("/ontology/context") || targetPath.startsWith("/.well-known")
                        || targetPath.startsWith("/query?") || targetPath.startsWith("/assets/")) {
                    int code = get(targetPath, null).statusCode();
                    if (code != 200) {
                        broken.add(path + " -> " + targetPath + ": " + code);
                    }
                    continue;
                }
                HttpResponse<byte[]> r = get(targetPath, "text/html");
                if (r.statusCode() != 200) {
                    broken.add(path + " -> " + targetPath + ": " + r.statusCode());
                } else if (target.getFragment() != null && !target.getFragment().isEmpty()
                        && Jsoup.parse(text(r)).getElementById(target.getFragment()) == null) {
                    broken.add(path + " -> " + a.attr("href") + ": no element with that id");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : List.of("/", "/query", "/timeline", "/id/org/canaan", "/assets/site.css", "/id/org/nothing",
                "/kg/sparql?query=ASK%7B%7D", "/kg/sparql?query=not+sparql", "/$/ping")) {
            HttpResponse<byte[]> r = get(path, null);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self';") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
                    path + ": " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), path);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), path);
        }
        String query = get("/query", "text/html").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(query.matches(".*style-src-elem 'self' 'sha256-[A-Za-z0-9+/=]{44}';.*"), "the query page allows its one inline style by hash: " + query);
    }

    @Test
    void noPageHoldsAnInlineScriptStyleOrEventHandler() {
        for (String path : List.of("/", "/query", "/timeline", "/network", "/kg/sparql", "/ontology", "/id/person/leo-wang", "/graph/entities")) {
            Document page = html(path);
            assertTrue(page.select("script:not([src]), style, [style]").isEmpty(), path + ": " + page.select("script:not([src]), style, [style]"));
            assertTrue(page.getAllElements().stream().flatMap(e -> e.attributes().asList().stream()).noneMatch(at -> at.getKey().startsWith("on")), path);
            for (String src : page.select("script[src]").eachAttr("src")) {
                assertTrue(src.startsWith("/assets/"), path + ": " + src);
                assertEquals(200, get(src, null).statusCode(), src);
            }
        }
    }

    @Test
    void assetsAreServedFromTheJarAndNothingElseIs() {
        HttpResponse<byte[]> script = get("/assets/query.js", null);
        assertEquals(200, script.statusCode());
        assertTrue(contentType(script).startsWith("text/javascript"));
        assertTrue(text(script).contains("tariffgraph-workbench"), "the bundled query editor");
        assertEquals(404, get("/assets/no-such.js", null).statusCode());
        assertEquals(404, get("/assets/Query.JS", null).statusCode());
        int traversal = get("/assets/%2e%2e/classes.txt", null).statusCode();
        assertTrue(traversal == 400 || traversal == 404, "a way out of the assets folder answers " + traversal);
    }

    @Test
    void theQueryEditorIsConfiguredWithTheCatalogueAndTheDatasetsPrefixes() {
        JsonObject config = JsonLdKeys.parse(text(get("/query/config.json", "application/json"))).asJsonObject();
        assertEquals("/kg/sparql", config.getString("endpoint"));
        assertEquals("https://w3id.org/tariffgraph/ontology#", config.getJsonObject("prefixes").getString("tg"));
        var examples = config.getJsonArray("examples");
        assertEquals(graph.catalogue().queries().size(), examples.size());
        var whoSaidWhat = examples.stream().map(JsonValue::asJsonObject).filter(e -> e.getString("id").equals("who-said-what")).findFirst().orElseThrow();
        assertEquals(graph.catalogue().require("who-said-what").summary(), whoSaidWhat.getString("summary"));
        assertEquals(graph.catalogue().require("who-said-what").text(), whoSaidWhat.getString("text"));
        assertTrue(config.getJsonObject("terms").getJsonArray("classes").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(c -> c.getString().equals("https://w3id.org/tariffgraph/ontology#Statement")));
        assertTrue(config.getJsonObject("terms").getJsonArray("properties").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(c -> c.getString().equals("https://w3id.org/tariffgraph/ontology#respondsTo")));
    }

    private static JsonObject timelineItem(String label) {
        return JsonLdKeys.parse(text(get("/timeline/items.json", "application/json"))).asJsonObject().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(i -> i.getString("label").equals(label)).findFirst().orElseThrow(() -> new AssertionError(label));
    }

    @Test
    void theTimelineKeepsEachDatesPrecision() {
        JsonObject december = timelineItem("Bitmain starts U.S. production of mining equipment");
        assertEquals("month", december.getString("precision"));
        assertEquals("2024-12-01", december.getString("start"));
        assertEquals("2025-01-01", december.getString("end"), "a month is drawn to its end");
        JsonObject day = timelineItem("U.S. tariffs introduced on 2 April 2025");
        assertEquals(List.of("day", "2025-04-02", "2025-04-03"), List.of(day.getString("precision"), day.getString("start"), day.getString("end")));
        JsonObject statement = timelineItem("Leo Wang: mining rigs are only useful for bitcoin mining and pose no broader threat");
        assertEquals("not before", statement.getString("precision"));
        assertEquals("2025-06-18", statement.getString("start"));
        assertEquals(JsonValue.NULL, statement.get("end"), "not before a date: open at the end");
        JsonObject undated = timelineItem("Canaan launches a pilot production facility in the U.S.");
        assertEquals("before", undated.getString("precision"));
        assertEquals(JsonValue.NULL, undated.get("start"), "before a date: open at the start");
        assertEquals("2025-06-18", undated.getString("end"));
        Document page = html("/timeline");
        assertEquals(JsonLdKeys.parse(text(get("/timeline/items.json", "application/json"))).asJsonObject().getJsonArray("items").size(),
                page.select("#as-a-table + table tbody tr").size(), "the table holds the items drawn");
        assertTrue(page.select("#as-a-table + table tbody tr").stream().anyMatch(r -> r.text().startsWith("December 2024 month Bitmain starts")));
    }

    @Test
    void theNetworkIsTheNetworkOfTheGraphMlExport() {
        var network = graph.networkExporter().network();
        JsonObject drawn = JsonLdKeys.parse(text(get("/network/graph.json", "application/json"))).asJsonObject();
        assertEquals(network.vertexSet().size(), drawn.getJsonArray("nodes").size());
        assertEquals(network.edgeSet().size(), drawn.getJsonArray("edges").size());
        String reply = A + "/statement/leo-wang-no-broader-threat";
        String concern = A + "/statement/sanjay-gupta-grid-security-risk";
        assertTrue(drawn.getJsonArray("edges").stream().map(JsonValue::asJsonObject).anyMatch(e -> e.getString("relation").equals("responds to")
                && e.getString("source").equals(reply) && e.getString("target").equals(concern)), "Leo Wang's reply to Sanjay Gupta");
        Document page = html("/network");
        assertEquals(network.edgeSet().size(), page.select("table.edges tbody tr").size());
        assertTrue(page.select("table.replies tbody tr").stream().anyMatch(r -> r.text().startsWith("Leo Wang: mining rigs")
                && r.text().contains("Sanjay Gupta: Chinese-made machines")), page.select("table.replies").text());
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
