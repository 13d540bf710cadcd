package org.tariffgraph.linkeddata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.tariffgraph.linkeddata.PageModel.Field;
import org.tariffgraph.linkeddata.PageModel.Frame;
import org.tariffgraph.linkeddata.PageModel.Term;
import org.tariffgraph.linkeddata.PageModel.TermKind;
import org.tariffgraph.linkeddata.PageModel.Value;
import org.tariffgraph.vocab.TG;

/**
 * Human documentation of the ontology, generated from its own annotations: for every class,
 * property and individual its label, definition, usage note, example, place in the
 * hierarchy, and where it is used, both in the ontology and in the data.
 */
final class OntologyDocument {

    private static final Node OWL2_NAMED_INDIVIDUAL = NodeFactory.createURI(OWL.NS + "NamedIndividual");
    private static final Map<Node, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put(OWL.Class.asNode(), "Classes");
        SECTIONS.put(OWL.ObjectProperty.asNode(), "Object properties");
        SECTIONS.put(OWL.DatatypeProperty.asNode(), "Datatype properties");
        SECTIONS.put(OWL.AnnotationProperty.asNode(), "Annotation properties");
        SECTIONS.put(OWL2_NAMED_INDIVIDUAL, "Individuals");
    }

    private OntologyDocument() {}

    static String html(DatasetGraph dataset, String sparqlPath) {
        return Txn.calculateRead(dataset, () -> render(dataset, sparqlPath));
    }

    private static String render(DatasetGraph dataset, String sparqlPath) {
        Graph ontology = dataset.getGraph(TG.ontologyGraph);
        PrefixMapping prefixes = ontology.getPrefixMapping();
        Node root = NodeFactory.createURI(TG.ONTOLOGY);
        String title = text(ontology, root, DCTerms.title.asNode()).orElse("tariffgraph ontology");
        List<Field> header = new ArrayList<>();
        header.add(field("IRI", Value.text(TG.ONTOLOGY)));
        one(ontology, root, OWL.versionIRI.asNode()).ifPresent(v -> header.add(field("Version", Value.text(v.getURI()))));
        text(ontology, root, OWL.versionInfo.asNode()).ifPresent(v -> header.add(field("Version info", Value.text(v))));
        header.add(field("Namespace", Value.text(TG.NS + " (prefix tg:)")));
        one(ontology, root, DCTerms.license.asNode()).ifPresent(v -> header.add(field("Licence", Value.link(v.getURI(), v.getURI()))));
        text(ontology, root, DCTerms.created.asNode()).ifPresent(v -> header.add(field("Created", Value.text(v))));
        text(ontology, root, DCTerms.modified.asNode()).ifPresent(v -> header.add(field("Modified", Value.text(v))));
        header.add(new Field("Formats", List.of(Value.text("Turtle, JSON-LD, N-Triples and RDF/XML at this address by content negotiation"),
                Value.link("/ontology/context.jsonld", "JSON-LD context"))));
        List<String> descriptions = new ArrayList<>();
        text(ontology, root, DCTerms.description.asNode()).ifPresent(descriptions::add);
        text(ontology, root, RDFS.comment.asNode()).ifPresent(descriptions::add);

        Map<Node, Map<String, Node>> sections = new LinkedHashMap<>();
        SECTIONS.keySet().forEach(k -> sections.put(k, new TreeMap<>()));
        ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            Node term = t.getSubject();
            if (term.isURI() && term.getURI().startsWith(TG.NS) && sections.containsKey(t.getObject())) {
                sections.get(t.getObject()).put(term.getURI().substring(TG.NS.length()), term);
            }
        });
        List<TermKind> kinds = new ArrayList<>();
        sections.forEach((kind, terms) -> kinds.add(new TermKind(SECTIONS.get(kind), terms.entrySet().stream()
                .map(e -> new Term(e.getKey(), fields(e.getValue(), kind, ontology, dataset, prefixes))).toList())));
        return Pages.render("ontology.jte", new PageModel.Ontology(new Frame(title, sparqlPath), header, descriptions, kinds));
    }

    private static List<Field> fields(Node term, Node kind, Graph ontology, DatasetGraph dataset, PrefixMapping prefixes) {
        List<Field> fields = new ArrayList<>();
        fields.add(field("IRI", Value.text(term.getURI())));
        text(ontology, term, RDFS.label.asNode()).ifPresent(v -> fields.add(field("Label", Value.text(v))));
        text(ontology, term, SKOS.definition.asNode()).ifPresent(v -> fields.add(field("Definition", Value.text(v))));
        text(ontology, term, RDFS.comment.asNode()).ifPresent(v -> fields.add(field("Usage", Value.text(v))));
        text(ontology, term, SKOS.example.asNode()).ifPresent(v -> fields.add(field("Example", Value.text(v))));
        links(fields, "Specialises", ontology, term, RDFS.subClassOf.asNode(), prefixes);
        links(fields, "Specialises", ontology, term, RDFS.subPropertyOf.asNode(), prefixes);
        links(fields, "Domain", ontology, term, RDFS.domain.asNode(), prefixes);
        links(fields, "Range", ontology, term, RDFS.range.asNode(), prefixes);
        links(fields, "Disjoint with", ontology, term, OWL.disjointWith.asNode(), prefixes);
        links(fields, "Type", ontology, term, RDF.type.asNode(), prefixes);
        // Where it is used: in the definitions of other terms, and in the data.
        List<Value> inOntology = ontology.find(Node.ANY, Node.ANY, term).filterKeep(t -> t.getSubject().isURI() && !t.getSubject().equals(term))
                .mapWith(t -> Value.link(Html.href(t.getSubject().getURI()),
                        prefixes.shortForm(t.getPredicate().getURI()) + " of " + prefixes.shortForm(t.getSubject().getURI())))
                .toList().stream().sorted(Comparator.comparing(Value::text)).toList();
        if (!inOntology.isEmpty()) {
            fields.add(new Field("Used in the ontology", inOntology));
        }
        long uses;
        String what;
        if (kind.equals(OWL.Class.asNode())) {
            Set<Node> instances = new HashSet<>();
            inData(dataset, Node.ANY, RDF.type.asNode(), term).forEachRemaining(q -> instances.add(q.getSubject()));
            uses = instances.size();
            what = uses == 1 ? "instance" : "instances";
        } else if (kind.equals(OWL2_NAMED_INDIVIDUAL)) {
            uses = Iter.count(inData(dataset, Node.ANY, Node.ANY, term));
            what = uses == 1 ? "use as a value" : "uses as a value";
        } else {
            uses = Iter.count(inData(dataset, Node.ANY, term, Node.ANY));
            what = uses == 1 ? "triple" : "triples";
        }
        fields.add(field("Used in the data", Value.text(uses + " " + what)));
        return fields;
    }

    /** The matching quads of every named graph but the ontology's, read through the indexes in one pass. */
    private static Iterator<Quad> inData(DatasetGraph dataset, Node s, Node p, Node o) {
        return Iter.filter(dataset.find(Node.ANY, s, p, o), q -> !q.getGraph().equals(TG.ontologyGraph) && !q.isDefaultGraph());
    }

    private static Field field(String name, Value value) {
        return new Field(name, List.of(value));
    }

    private static Optional<Node> one(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
    }

    private static Optional<String> text(Graph g, Node s, Node p) {
        return one(g, s, p).filter(Node::isLiteral).map(Node::getLiteralLexicalForm);
    }

    /** A field of the IRIs a term has for a property, in order; none when it has none. */
    private static void links(List<Field> fields, String name, Graph g, Node s, Node p, PrefixMapping prefixes) {
        List<Value> values = g.find(s, p, Node.ANY).filterKeep(t -> t.getObject().isURI())
                .mapWith(t -> Value.of(t.getObject(), prefixes)).toList().stream().sorted(Comparator.comparing(Value::text)).toList();
        if (!values.isEmpty()) {
            fields.add(new Field(name, values));
        }
    }
}
