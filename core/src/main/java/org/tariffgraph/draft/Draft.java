package org.tariffgraph.draft;

import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.tariffgraph.vocab.TG;

/**
 * The draft of one report: its named graph, ready to be written as TriG, reviewed, and
 * loaded beside the other articles.
 *
 * @param slug     the report's name, which its IRIs carry
 * @param graphIri the IRI of its named graph
 * @param graph    the drafted triples
 */
public record Draft(String slug, String graphIri, Graph graph) {

    /** The prefixes the TriG of a draft is written with. */
    static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("tg", TG.NS), Map.entry("rdf", RDF.getURI()), Map.entry("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
            Map.entry("xsd", "http://www.w3.org/2001/XMLSchema#"), Map.entry("skos", "http://www.w3.org/2004/02/skos/core#"),
            Map.entry("dcterms", "http://purl.org/dc/terms/"), Map.entry("schema", "https://schema.org/"),
            Map.entry("org", "http://www.w3.org/ns/org#"), Map.entry("prov", TG.PROV.NS), Map.entry("time", TG.TIME.NS),
            Map.entry("oa", "http://www.w3.org/ns/oa#"), Map.entry("unit", TG.UNIT.NS), Map.entry("foaf", TG.FOAF.NS),
            Map.entry("org-id", TG.ID + "org/"), Map.entry("person", TG.ID + "person/"), Map.entry("place", TG.ID + "place/"),
            Map.entry("date", TG.ID + "time/"));

    /** The draft as a dataset holding its one named graph, with the project's prefixes. */
    public DatasetGraph dataset() {
        DatasetGraph dataset = DatasetGraphFactory.create();
        Node name = NodeFactory.createURI(graphIri);
        graph.find().forEachRemaining(t -> dataset.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
        new TreeMap<>(PREFIXES).forEach((prefix, uri) -> dataset.prefixes().add(prefix, uri));
        String article = TG.ID + "article/" + slug + "/";
        dataset.prefixes().add("art", article);
        for (String part : new String[] {"segment", "evidence", "statement", "claim", "role", "event", "date-resolution", "time-relation"}) {
            dataset.prefixes().add(part.equals("role") ? "heldrole" : part.replace("-", ""), article + part + "/");
        }
        dataset.prefixes().add("rule", TG.ID + "draft-rule/");
        return dataset;
    }

    /** Writes the draft as TriG, grouped by subject for a curator to read and edit. */
    public void writeTrig(OutputStream out) {
        RDFWriter.source(dataset()).format(RDFFormat.TRIG_PRETTY).output(out);
    }

    /** How many facts of each kind the draft holds: statements, roles, quantities, events, ... by class local name. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Node kind : new Node[] {TG.DirectQuote, TG.Paraphrase, TG.HeldRole, TG.QuantitativeClaim, TG.Event, TG.DateResolution,
                TG.TemporalRelation, TG.GeneralClaim, TG.PageSegment}) {
            counts.put(kind.getLocalName(), graph.find(Node.ANY, RDF.type.asNode(), kind).toList().size());
        }
        return counts;
    }
}
