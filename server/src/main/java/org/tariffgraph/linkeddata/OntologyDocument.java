package org.tariffgraph.linkeddata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
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
        StringBuilder body = new StringBuilder();
        String title = text(ontology, root, DCTerms.title.asNode()).orElse("tariffgraph ontology");
        body.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        body.append("<table>\n");
        row(body, "IRI", "<span class=\"iri\">" + Html.escape(TG.ONTOLOGY) + "</span>");
        one(ontology, root, OWL.versionIRI.asNode()).ifPresent(v -> row(body, "Version", "<span class=\"iri\">" + Html.escape(v.getURI()) + "</span>"));
        text(ontology, root, OWL.versionInfo.asNode()).ifPresent(v -> row(body, "Version info", Html.escape(v)));
        row(body, "Namespace", "<code>" + Html.escape(TG.NS) + "</code>, prefix <code>tg:</code>");
        one(ontology, root, DCTerms.license.asNode()).ifPresent(v -> row(body, "Licence", "<a href=\"" + Html.escape(v.getURI()) + "\">" + Html.escape(v.getURI()) + "</a>"));
        text(ontology, root, DCTerms.created.asNode()).ifPresent(v -> row(body, "Created", Html.escape(v)));
        text(ontology, root, DCTerms.modified.asNode()).ifPresent(v -> row(body, "Modified", Html.escape(v)));
        row(body, "Formats", "Turtle, JSON-LD, N-Triples and RDF/XML at this address by content negotiation; <a href=\"/ontology/context.jsonld\">JSON-LD context</a>");
        body.append("</table>\n");
        text(ontology, root, DCTerms.description.asNode()).ifPresent(v -> body.append("<p>").append(Html.escape(v)).append("</p>\n"));
        text(ontology, root, RDFS.comment.asNode()).ifPresent(v -> body.append("<p>").append(Html.escape(v)).append("</p>\n"));

        Map<Node, Map<String, Node>> sections = new LinkedHashMap<>();
        SECTIONS.keySet().forEach(k -> sections.put(k, new TreeMap<>()));
        ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            Node term = t.getSubject();
            if (term.isURI() && term.getURI().startsWith(TG.NS) && sections.containsKey(t.getObject())) {
                sections.get(t.getObject()).put(term.getURI().substring(TG.NS.length()), term);
            }
        });
        body.append("<h2>Contents</h2>\n");
        sections.forEach((kind, terms) -> {
            body.append("<p><b>").append(SECTIONS.get(kind)).append(":</b> ");
            List<String> links = new ArrayList<>();
            terms.forEach((local, term) -> links.add("<a href=\"#" + Html.escape(local) + "\">" + Html.escape(local) + "</a>"));
            body.append(String.join(", ", links)).append("</p>\n");
        });
        sections.forEach((kind, terms) -> {
            body.append("<h2>").append(SECTIONS.get(kind)).append("</h2>\n");
            terms.forEach((local, term) -> term(body, local, term, kind, ontology, dataset, prefixes));
        });
        return Html.page(title, sparqlPath, body.toString());
    }

    private static void term(StringBuilder body, String local, Node term, Node kind, Graph ontology, DatasetGraph dataset, PrefixMapping prefixes) {
        body.append("<h3 id=\"").append(Html.escape(local)).append("\">").append(Html.escape(local)).append("</h3>\n<table>\n");
        row(body, "IRI", "<span class=\"iri\">" + Html.escape(term.getURI()) + "</span>");
        text(ontology, term, RDFS.label.asNode()).ifPresent(v -> row(body, "Label", Html.escape(v)));
        text(ontology, term, SKOS.definition.asNode()).ifPresent(v -> row(body, "Definition", Html.escape(v)));
        text(ontology, term, RDFS.comment.asNode()).ifPresent(v -> row(body, "Usage", Html.escape(v)));
        text(ontology, term, SKOS.example.asNode()).ifPresent(v -> row(body, "Example", Html.escape(v)));
        links(ontology, term, RDFS.subClassOf.asNode(), prefixes).ifPresent(v -> row(body, "Specialises", v));
        links(ontology, term, RDFS.subPropertyOf.asNode(), prefixes).ifPresent(v -> row(body, "Specialises", v));
        links(ontology, term, RDFS.domain.asNode(), prefixes).ifPresent(v -> row(body, "Domain", v));
        links(ontology, term, RDFS.range.asNode(), prefixes).ifPresent(v -> row(body, "Range", v));
        links(ontology, term, OWL.disjointWith.asNode(), prefixes).ifPresent(v -> row(body, "Disjoint with", v));
        links(ontology, term, RDF.type.asNode(), prefixes).ifPresent(v -> row(body, "Type", v));
        // Where it is used: in the definitions of other terms, and in the data.
        List<String> inOntology = new ArrayList<>();
        ontology.find(Node.ANY, Node.ANY, term).forEachRemaining(t -> {
            if (t.getSubject().isURI() && !t.getSubject().equals(term)) {
                inOntology.add(Html.value(t.getPredicate(), prefixes) + " of " + Html.value(t.getSubject(), prefixes));
            }
        });
        if (!inOntology.isEmpty()) {
            inOntology.sort(null);
            row(body, "Used in the ontology", String.join("<br>", inOntology));
        }
        long uses;
        String what;
        if (kind.equals(OWL.Class.asNode())) {
            uses = inData(dataset, Node.ANY, RDF.type.asNode(), term).stream().map(Triple::getSubject).distinct().count();
            what = uses == 1 ? "instance" : "instances";
        } else if (kind.equals(OWL2_NAMED_INDIVIDUAL)) {
            uses = inData(dataset, Node.ANY, Node.ANY, term).size();
            what = uses == 1 ? "use as a value" : "uses as a value";
        } else {
            uses = inData(dataset, Node.ANY, term, Node.ANY).size();
            what = uses == 1 ? "triple" : "triples";
        }
        row(body, "Used in the data", uses + " " + what);
        body.append("</table>\n");
    }

    /** The matching triples of every named graph but the ontology's. */
    private static List<Triple> inData(DatasetGraph dataset, Node s, Node p, Node o) {
        List<Triple> found = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(g -> {
            if (!g.equals(TG.ontologyGraph)) {
                dataset.getGraph(g).find(s, p, o).forEachRemaining(found::add);
            }
        });
        return found;
    }

    private static void row(StringBuilder body, String name, String valueHtml) {
        body.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    private static Optional<Node> one(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
    }

    private static Optional<String> text(Graph g, Node s, Node p) {
        return one(g, s, p).filter(Node::isLiteral).map(Node::getLiteralLexicalForm);
    }

    private static Optional<String> links(Graph g, Node s, Node p, PrefixMapping prefixes) {
        List<String> values = new ArrayList<>();
        g.find(s, p, Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI()) {
                values.add(Html.value(t.getObject(), prefixes));
            }
        });
        values.sort(null);
        return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
    }
}
