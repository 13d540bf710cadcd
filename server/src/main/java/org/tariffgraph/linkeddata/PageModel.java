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

    /** One fact that involves a resource, with its voice, who says it, and every piece of its evidence. */
    record Fact(Value fact, String kind, String voice, String who, List<Evidence> evidence) {}

    /**
     * One piece of evidence: the exact words, where they stand in the source (the offsets of
     * their first character and of the character after the last), the source, and the words
     * around them as the selector records them.
     */
    record Evidence(Value evidence, String exact, String start, String end, Value source, String prefix, String suffix) {}

    /** A page with a title, a frame around its content, and the page's own styles and scripts under {@code /assets/}. */
    record Frame(String title, String sparqlPath, List<String> styles, List<String> scripts) {

        Frame(String title, String sparqlPath) {
            this(title, sparqlPath, List.of(), List.of());
        }
    }

    /** A statement another one responds to, or that responds to it: the statement, who said it, and the words. */
    record Response(Value statement, String speaker, String words) {}

    /** A role someone holds: its title and the organisation. */
    record Role(String title, Value organisation) {}

    /** Something a speaker said: the statement, whether quoted or paraphrased, and the words. */
    record Said(Value statement, String mode, String words) {}

    /** What the pages of statements and speakers add: what a statement answers and what answers it, a speaker's roles and words. */
    record Dialogue(List<Response> respondsTo, List<Response> answeredBy, List<Role> roles, List<Said> said) {

        boolean isEmpty() {
            return respondsTo.isEmpty() && answeredBy.isEmpty() && roles.isEmpty() && said.isEmpty();
        }
    }

    /**
     * An entity or fact: its types, its own words in the source when it is a piece of evidence,
     * what it says and answers, the facts that involve it, its properties, and what points to it.
     */
    record Entity(Frame frame, String iri, List<Value> types, String queryHref, List<Evidence> words, Dialogue dialogue,
                  List<Fact> facts, List<Section> sections) {}

    /** A named graph: its description and the resources it describes. */
    record NamedGraph(Frame frame, String iri, List<String> descriptions, long size, List<Value> subjects) {}

    /** The endpoint's page: where to query, and the service description. */
    record Service(Frame frame, String endpointUrl, List<Section> sections) {}

    /** One downloadable file of the dataset: where, what, how large, and its checksum; {@code anchor} and {@code checksumAnchor} are the ids of the description's IRIs. */
    record Distribution(String anchor, Value download, String mediaType, String bytes, String checksumAnchor, String sha256) {}

    /** The dataset's page: where to go, the files, the service, the linkset, the licence, the graphs, and the description itself. */
    record Dataset(Frame frame, List<Value> links, List<Distribution> distributions, List<Section> parts, Value licence, String rights,
                   List<Row> graphs, Section description) {}

    /** The query page: where its configuration (endpoint, prefixes, catalogue, terms) is. */
    record Query(Frame frame, String configHref, String catalogueCount) {}

    /** One row of the timeline as a table: when, at what precision, what, of which kind, from which source. */
    record When(String when, String precision, Value what, String kind, String source) {}

    /** The timeline page: where its items are, and the same items as a table. */
    record Timeline(Frame frame, String itemsHref, List<When> rows) {}

    /** One edge of the network: from, the relation, to. */
    record Link(Value from, String relation, Value to) {}

    /** The network page: where its graph is, and the same graph as tables. */
    record Network(Frame frame, String graphHref, List<Link> replies, List<Link> links, String counts) {}

    /** A header row of the ontology's page: a name and its values. */
    record Field(String name, List<Value> values) {}

    /** One term of the ontology: its local name (the anchor), and its fields. */
    record Term(String local, List<Field> fields) {}

    /** A kind of term (classes, object properties...) with its terms. */
    record TermKind(String heading, List<Term> terms) {}

    /** The ontology's documentation. */
    record Ontology(Frame frame, List<Field> header, List<String> descriptions, List<TermKind> kinds) {}
}
