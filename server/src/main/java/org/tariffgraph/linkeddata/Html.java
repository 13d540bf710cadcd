package org.tariffgraph.linkeddata;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDFS;
import org.tariffgraph.vocab.TG;

/** Where the HTML pages link to, and how they name what they show. */
final class Html {

    /** The project's IRI root without its last slash: an IRI is this followed by its path on the server. */
    static final String LOCAL_ROOT = TG.BASE.substring(0, TG.BASE.length() - 1);

    private Html() {}

    /**
     * Where a link to an IRI goes: its page on this server for the project's IRIs, the IRI
     * itself for an http or https IRI, and nowhere (null) for any other scheme, such as
     * {@code javascript:}, which must never become a link.
     */
    static String href(String iri) {
        if (iri.startsWith(TG.BASE)) {
            return iri.substring(LOCAL_ROOT.length());
        }
        String lower = iri.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? iri : null;
    }

    /** The label a graph gives a node; the first in order when it has several. */
    static Optional<String> label(Node node, Graph labels) {
        List<String> found = labels.find(node, RDFS.label.asNode(), Node.ANY).filterKeep(t -> t.getObject().isLiteral())
                .mapWith(t -> t.getObject().getLiteralLexicalForm()).toList();
        return found.stream().min(Comparator.naturalOrder());
    }
}
