package org.tariffgraph.linkeddata;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;

/**
 * What the HTML pages show, as plain values for the templates under {@code src/main/jte}:
 * the templates escape every value they write, so nothing here is markup.
 */
final class PageModel {

    private PageModel() {}

    /**
     * A value on a page: its text, where it links to (or null), and a note such as a
     * literal's language or datatype (or null).
     */
    record Value(String text, String href, String note) {

        static Value text(String text) {
            return new Value(text, null, null);
        }

        static Value link(String href, String text) {
            return new Value(text, href, null);
        }

        /** An IRI as a link with its short form, or a literal with its language or datatype. */
        static Value of(Node node, PrefixMapping prefixes) {
            if (node.isURI()) {
                return new Value(prefixes.shortForm(node.getURI()), Html.href(node.getURI()), null);
            }
            if (node.isLiteral()) {
                String lang = node.getLiteralLanguage();
                String type = node.getLiteralDatatypeURI();
                String note = !lang.isEmpty() ? "@" + lang
                        : type != null && !type.endsWith("#string") ? prefixes.shortForm(type) : null;
                return new Value(node.getLiteralLexicalForm(), null, note);
            }
            return new Value("(blank node)", null, null);
        }

        /** A node shown by its label where the graph has one, as a link for an IRI. */
        static Value labelled(Node node, Graph labels, PrefixMapping prefixes) {
            if (!node.isURI()) {
                return of(node, prefixes);
            }
            String text = Html.label(node, labels).orElseGet(() -> prefixes.shortForm(node.getURI()));
            return new Value(text, Html.href(node.getURI()), null);
        }
    }

    /** One row of a property table: a property and its value, or for incoming links, the resource and the property. */
    record Row(Value left, Value right) {}

    /** A table of properties under a heading; {@code anchor} is the heading's id, or null. */
    record Section(String heading, String anchor, String leftHeader, String rightHeader, List<Row> rows) {}

    /** One fact that involves a resource, with its voice, who says it, and the words of each piece of its evidence. */
    record Fact(Value fact, String kind, String voice, String who, List<Evidence> evidence) {}

    /** The exact words of one piece of evidence and where they stand in the source. */
    record Evidence(String exact, String start) {}

    /** A page with a title and a frame around its content. */
    record Frame(String title, String sparqlPath) {}

    /** An entity or fact: its types, the facts that involve it, its properties, and what points to it. */
    record Entity(Frame frame, String iri, List<Value> types, String queryHref, List<Fact> facts, List<Section> sections) {}

    /** A named graph: its description and the resources it describes. */
    record NamedGraph(Frame frame, String iri, List<String> descriptions, long size, List<Value> subjects) {}

    /** The endpoint's page: a query form and the service description. */
    record Service(Frame frame, String endpointUrl, List<Section> sections) {}

    /** The dataset's page: where to go, and the dataset's own description. */
    record Dataset(Frame frame, List<Value> links, Section description) {}

    /** A header row of the ontology's page: a name and its values. */
    record Field(String name, List<Value> values) {}

    /** One term of the ontology: its local name (the anchor), and its fields. */
    record Term(String local, List<Field> fields) {}

    /** A kind of term (classes, object properties...) with its terms. */
    record TermKind(String heading, List<Term> terms) {}

    /** The ontology's documentation. */
    record Ontology(Frame frame, List<Field> header, List<String> descriptions, List<TermKind> kinds) {}
}
