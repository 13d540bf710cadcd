package org.tariffgraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.tariffgraph.JsonLdKeys;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.vocab.TG;

import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

class JsonLdTest {

    /** The context as the library makes it: from the ontology and the dataset's prefixes. */
    private static final JsonLd JSON_LD = jsonLd();

    private static JsonLd jsonLd() {
        DatasetGraph dataset = TariffGraph.builder().home(TestHomes.repo()).build().dataset();
        return Txn.calculateRead(dataset, () -> JsonLd.fromOntology(dataset.getGraph(TG.ontologyGraph), dataset.prefixes()));
    }

    private static Graph turtle(String text) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, Lang.TURTLE).parse(g);
        return g;
    }

    private static String write(Graph graph) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JSON_LD.write(graph, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTermOfAStringOrLiteralRangeCarriesNoDatatype() {
        JsonObject context = JSON_LD.contextDocument().getJsonObject("@context");
        for (String term : Set.of("verbatim", "speakerMention", "reportingVerb", "value", "charLength", "label")) {
            assertEquals(JsonValue.ValueType.STRING, context.get(term).getValueType(), term + ": " + context.get(term));
        }
        assertEquals("@id", context.getJsonObject("speaker").getString("@type"), "an object property gives IRI values");
    }

    @Test
    void everyKindOfLiteralAndReusedPropertyCompactsToAReadableKey() {
        Graph graph = turtle("""
                @prefix tg: <https://w3id.org/tariffgraph/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                @prefix time: <http://www.w3.org/2006/time#> .
                @prefix schema: <https://schema.org/> .
                @prefix org: <http://www.w3.org/ns/org#> .
                @prefix oa: <http://www.w3.org/ns/oa#> .
                <https://w3id.org/tariffgraph/id/x> tg:verbatim "don’t pose a broader threat" ;
                    rdfs:label "A claim"@en ;
                    tg:value 90.0 ;
                    tg:charLength 3612 ;
                    tg:inferred true ;
                    time:inXSDDate "2025-06-18"^^xsd:date ;
                    tg:notBefore "2025-01-01"^^xsd:date ;
                    oa:exact "Komodo’s Kadan Stadlemann" ;
                    tg:about <https://w3id.org/tariffgraph/id/concept/bitcoin> ;
                    schema:about <https://w3id.org/tariffgraph/id/concept/mining> ;
                    org:role <https://w3id.org/tariffgraph/id/role/ceo> .
                """);
        String json = write(graph);
        JsonStructure document = JsonLdKeys.parse(json);
        assertEquals(Set.of(), JsonLdKeys.keysThatAreNoTerm(document), json);
        JsonObject node = document.asJsonObject();
        assertEquals("don’t pose a broader threat", node.getString("verbatim"), json);
        assertEquals("A claim", node.getJsonObject("label").getString("@value"), json);
        assertEquals("90.0", node.getJsonObject("value").getString("@value"), json);
        assertEquals("xsd:decimal", node.getJsonObject("value").getString("type"), json);
        assertEquals("3612", node.getJsonObject("charLength").getString("@value"), json);
        assertEquals("xsd:date", node.getJsonObject("inXSDDate").getString("type"), json);
        assertTrue(node.containsKey("notBefore") && node.containsKey("inferred") && node.containsKey("exact"), json);
        assertEquals("concept:bitcoin", node.getString("about"), json);
        // Local names that tg: terms or the dataset's prefixes already use are qualified.
        assertTrue(node.containsKey("schemaAbout") && node.containsKey("orgRole"), json);
        Graph back = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))).lang(Lang.JSONLD).parse(back);
        assertTrue(IsoMatcher.isomorphic(graph, back), "the JSON-LD reads back as the graph it was written from");
    }
}
