package org.tariffgraph.linkeddata;

import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.tariffgraph.vocab.TG;

import com.apicatalog.jsonld.JsonLdVersion;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.lang.Keywords;
import com.apicatalog.jsonld.serialization.QuadsToJsonld;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

/**
 * JSON-LD with readable keys: the ontology's JSON-LD context, and RDF written compacted
 * against it, so that a JSON user reads {@code "speaker"} rather than a full IRI.
 *
 * <p>The context is made from the ontology itself: each {@code tg:} class and individual by
 * its local name, each object property as an IRI-valued key, each datatype property with its
 * range as the value type, and the ontology's prefixes for every other term.
 */
final class JsonLd {

    private final JsonObject context;

    private JsonLd(JsonObject context) {
        this.context = context;
    }

    /** The context for an ontology graph and the dataset's prefixes. */
    static JsonLd fromOntology(Graph ontology, PrefixMap prefixes) {
        JsonObjectBuilder cxt = Json.createObjectBuilder();
        new TreeMap<>(prefixes.getMapping()).forEach((prefix, uri) -> {
            if (!prefix.isEmpty()) {
                cxt.add(prefix, uri);
            }
        });
        Map<String, JsonObject> terms = new TreeMap<>();
        Map<String, String> plain = new TreeMap<>();
        ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            Node term = t.getSubject();
            if (!term.isURI() || !term.getURI().startsWith(TG.NS)) {
                return;
            }
            String local = term.getURI().substring(TG.NS.length());
            Node kind = t.getObject();
            if (kind.equals(OWL.ObjectProperty.asNode())) {
                terms.put(local, Json.createObjectBuilder().add(Keywords.ID, term.getURI()).add(Keywords.TYPE, Keywords.ID).build());
            } else if (kind.equals(OWL.DatatypeProperty.asNode())) {
                var range = ontology.find(term, RDFS.range.asNode(), Node.ANY);
                JsonObjectBuilder b = Json.createObjectBuilder().add(Keywords.ID, term.getURI());
                if (range.hasNext()) {
                    b.add(Keywords.TYPE, range.next().getObject().getURI());
                }
                terms.put(local, b.build());
            } else if (!terms.containsKey(local)) {
                plain.put(local, term.getURI());
            }
        });
        plain.forEach((k, v) -> {
            if (!terms.containsKey(k)) {
                cxt.add(k, v);
            }
        });
        terms.forEach(cxt::add);
        cxt.add("label", Json.createObjectBuilder().add(Keywords.ID, RDFS.label.getURI()));
        cxt.add("type", Keywords.TYPE);
        cxt.add("id", Keywords.ID);
        return new JsonLd(cxt.build());
    }

    /** The context document: {@code {"@context": {...}}}. */
    JsonObject contextDocument() {
        return Json.createObjectBuilder().add(Keywords.CONTEXT, context).build();
    }

    /** Writes a graph as JSON-LD compacted against the context, with the context inline. */
    void write(Graph graph, OutputStream out) {
        try {
            QuadsToJsonld consumer = com.apicatalog.jsonld.JsonLd.fromRdf();
            consumer.mode(JsonLdVersion.V1_1);
            for (var it = graph.find(); it.hasNext(); ) {
                var t = it.next();
                String s = resource(t.getSubject());
                String p = t.getPredicate().getURI();
                Node o = t.getObject();
                if (o.isLiteral()) {
                    String lang = o.getLiteralLanguage().isEmpty() ? null : o.getLiteralLanguage();
                    consumer.quad(s, p, o.getLiteralLexicalForm(), o.getLiteralDatatypeURI(), lang, null, null);
                } else {
                    consumer.quad(s, p, resource(o), null, null, null, null);
                }
            }
            JsonArray expanded = consumer.toJsonLd();
            JsonObject input = Json.createObjectBuilder().add(Keywords.GRAPH, expanded).build();
            JsonStructure compacted = com.apicatalog.jsonld.JsonLd.compact(JsonDocument.of(input), JsonDocument.of(contextDocument())).get();
            writeJson(compacted, out);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write JSON-LD: " + e.getMessage(), e);
        }
    }

    static void writeJson(JsonStructure json, OutputStream out) {
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.write(json);
        }
    }

    private static String resource(Node node) {
        return node.isBlank() ? "_:" + node.getBlankNodeLabel() : node.getURI();
    }
}
