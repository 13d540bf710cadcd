package org.tariffgraph.export;

import java.io.OutputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
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
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

/**
 * JSON-LD with readable keys: the ontology's JSON-LD context, and RDF written compacted
 * against it, so that a JSON user reads {@code "speaker"} and {@code "exact"} rather than
 * {@code "tg:speaker"} or a full IRI. The linked-data pages and {@code export --format
 * jsonld} write with the same context.
 *
 * <p>The context is made from the ontology itself: the dataset's prefixes; each {@code tg:}
 * class, individual and property by its local name; and each other property the ontology
 * declares or uses (such as {@code oa:exact}, {@code skos:altLabel}, {@code rdfs:comment}),
 * with {@code owl:sameAs} and {@code rdfs:seeAlso} beside them, by its local name too, or,
 * when that name is taken, by its prefix and local name ({@code schemaAbout}, beside
 * {@code tg:about}'s {@code about}). Object properties give IRI values.
 *
 * <p>No term coerces its literals to a datatype. JSON-LD compaction picks a typed term only
 * for a literal of exactly that datatype, and a literal of any other falls back to the
 * prefixed key ({@code "tg:verbatim"}): a plain {@code xsd:string} never carries its
 * datatype, and a range admits literals of other datatypes ({@code tg:charLength} ranges
 * over {@code xsd:nonNegativeInteger}, and the data writes {@code 3612}, an
 * {@code xsd:integer}). So every key stays readable, and a typed value carries its own
 * datatype: {@code "value": {"@value": "90.0", "@type": "xsd:decimal"}}.
 *
 * <pre>{@code
 * JsonLd jsonLd = JsonLd.fromOntology(dataset.getGraph(TG.ontologyGraph), dataset.prefixes());
 * jsonLd.write(graph, out);
 * }</pre>
 */
public final class JsonLd {

    /** Properties of RDF, RDFS and OWL that data uses beside the ontology's own. */
    private static final List<Node> BUILT_IN = List.of(RDFS.label.asNode(), RDFS.comment.asNode(), RDFS.seeAlso.asNode(), OWL.sameAs.asNode());

    private static final Set<Node> PROPERTY_KINDS = Set.of(OWL.ObjectProperty.asNode(), OWL.DatatypeProperty.asNode(),
            OWL.AnnotationProperty.asNode(), RDF.Property.asNode());

    private final JsonObject context;

    private JsonLd(JsonObject context) {
        this.context = context;
    }

    /** The context for an ontology graph and the dataset's prefixes. */
    public static JsonLd fromOntology(Graph ontology, PrefixMap prefixes) {
        JsonObjectBuilder cxt = Json.createObjectBuilder();
        Map<String, String> prefixMapping = new TreeMap<>();
        prefixes.getMapping().forEach((prefix, uri) -> {
            if (!prefix.isEmpty()) {
                prefixMapping.put(prefix, uri);
            }
        });
        prefixMapping.forEach(cxt::add);

        Set<Node> objectProperties = new HashSet<>();
        ontology.find(Node.ANY, RDF.type.asNode(), OWL.ObjectProperty.asNode()).forEachRemaining(t -> objectProperties.add(t.getSubject()));

        Map<String, JsonValue> tgTerms = new TreeMap<>();
        Set<Node> otherProperties = new TreeSet<>((a, b) -> a.getURI().compareTo(b.getURI()));
        otherProperties.addAll(BUILT_IN);
        ontology.find().forEachRemaining(t -> {
            Node s = t.getSubject();
            if (s.isURI() && s.getURI().startsWith(TG.NS) && t.getPredicate().equals(RDF.type.asNode())) {
                tgTerms.put(s.getURI().substring(TG.NS.length()), term(s, objectProperties));
            } else if (s.isURI() && t.getPredicate().equals(RDF.type.asNode()) && PROPERTY_KINDS.contains(t.getObject())) {
                otherProperties.add(s);
            }
            Node p = t.getPredicate();
            if (!p.getURI().startsWith(TG.NS)) {
                otherProperties.add(p);
            }
        });
        otherProperties.remove(RDF.type.asNode());

        Set<String> taken = new HashSet<>(prefixMapping.keySet());
        taken.addAll(tgTerms.keySet());
        taken.addAll(List.of("type", "id"));
        Map<String, JsonValue> otherTerms = new TreeMap<>();
        for (Node property : otherProperties) {
            String name = readableName(property, prefixes, taken);
            if (name != null) {
                taken.add(name);
                otherTerms.put(name, term(property, objectProperties));
            }
        }
        tgTerms.forEach(cxt::add);
        otherTerms.forEach(cxt::add);
        cxt.add("type", Keywords.TYPE);
        cxt.add("id", Keywords.ID);
        return new JsonLd(cxt.build());
    }

    /** An IRI-valued key for an object property; the IRI alone for anything else. */
    private static JsonValue term(Node iri, Set<Node> objectProperties) {
        if (objectProperties.contains(iri)) {
            return Json.createObjectBuilder().add(Keywords.ID, iri.getURI()).add(Keywords.TYPE, Keywords.ID).build();
        }
        return Json.createValue(iri.getURI());
    }

    /**
     * The local name of a property, or its prefix and capitalised local name when the
     * local name is taken; null when neither is free, so that the property keeps its
     * compact IRI.
     */
    private static String readableName(Node property, PrefixMap prefixes, Set<String> taken) {
        String iri = property.getURI();
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1;
        String local = iri.substring(cut);
        if (local.isEmpty() || !Character.isLetter(local.charAt(0))) {
            return null;
        }
        if (!taken.contains(local)) {
            return local;
        }
        String prefix = prefixes.abbrev(iri) == null ? null : prefixes.abbrev(iri).getLeft();
        if (prefix == null || prefix.isEmpty() || !prefixes.abbrev(iri).getRight().equals(local)) {
            return null;
        }
        String qualified = prefix.replaceAll("[^A-Za-z0-9]", "") + Character.toUpperCase(local.charAt(0)) + local.substring(1);
        return taken.contains(qualified) ? null : qualified;
    }

    /** The context document: {@code {"@context": {...}}}. */
    public JsonObject contextDocument() {
        return Json.createObjectBuilder().add(Keywords.CONTEXT, context).build();
    }

    /** Writes a graph as JSON-LD compacted against the context, with the context inline. */
    public void write(Graph graph, OutputStream out) {
        write(Iter.map(graph.find(), t -> Quad.create(Quad.defaultGraphIRI, t)), out);
    }

    /**
     * Writes a dataset as JSON-LD compacted against the context, with the context inline: each
     * named graph as a node of that name holding its own {@code @graph}.
     */
    public void write(DatasetGraph dataset, OutputStream out) {
        write(dataset.find(), out);
    }

    private void write(Iterator<Quad> quads, OutputStream out) {
        try {
            QuadsToJsonld consumer = com.apicatalog.jsonld.JsonLd.fromRdf();
            consumer.mode(JsonLdVersion.V1_1);
            while (quads.hasNext()) {
                Quad q = quads.next();
                String s = resource(q.getSubject());
                String p = q.getPredicate().getURI();
                String g = q.isDefaultGraph() ? null : resource(q.getGraph());
                Node o = q.getObject();
                if (o.isLiteral()) {
                    String lang = o.getLiteralLanguage().isEmpty() ? null : o.getLiteralLanguage();
                    consumer.quad(s, p, o.getLiteralLexicalForm(), o.getLiteralDatatypeURI(), lang, null, g);
                } else {
                    consumer.quad(s, p, resource(o), null, null, null, g);
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

    /** Writes JSON pretty-printed, in UTF-8. */
    public static void writeJson(JsonStructure json, OutputStream out) {
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.write(json);
        }
    }

    private static String resource(Node node) {
        return node.isBlank() ? "_:" + node.getBlankNodeLabel() : node.getURI();
    }
}
