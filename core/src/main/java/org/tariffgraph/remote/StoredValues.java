package org.tariffgraph.remote;

import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.process.normalize.CanonicalizeLiteral;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Compares a graph as it was put into a store with the graph the store gives back, value for
 * value: each literal in its canonical form, so that a store which keeps values rather than
 * their spelling (Virtuoso gives the decimal {@code 30.0} back as {@code 30}, the boolean
 * {@code false} as {@code 0}) is not taken for one that changed the data, while a triple lost,
 * added, or a literal of another value is found.
 */
final class StoredValues {

    private StoredValues() {}

    /** What differs, naming a triple where it can; null when the two hold the same values. */
    static String difference(Graph put, Graph stored) {
        Set<Triple> expected = canonical(put);
        Set<Triple> found = canonical(stored);
        if (expected.size() != found.size()) {
            return found.size() + " distinct triples were read back after " + expected.size() + " were put" + example(expected, found);
        }
        boolean blankNodes = expected.stream().anyMatch(StoredValues::hasBlankNode);
        boolean same = blankNodes ? graph(expected).isIsomorphicWith(graph(found)) : expected.equals(found);
        return same ? null : "triples differ" + example(expected, found);
    }

    private static Graph graph(Set<Triple> triples) {
        Graph graph = GraphFactory.createPlainGraph();
        triples.forEach(graph::add);
        return graph;
    }

    private static String example(Set<Triple> expected, Set<Triple> found) {
        List<Triple> missing = expected.stream().filter(t -> !hasBlankNode(t) && !found.contains(t)).limit(1).toList();
        if (!missing.isEmpty()) {
            return ", such as " + text(missing.get(0)) + ", which is not there";
        }
        List<Triple> extra = found.stream().filter(t -> !hasBlankNode(t) && !expected.contains(t)).limit(1).toList();
        return extra.isEmpty() ? "" : ", such as " + text(extra.get(0)) + ", which was not put";
    }

    private static Set<Triple> canonical(Graph graph) {
        return graph.find().mapWith(t -> Triple.create(t.getSubject(), t.getPredicate(), value(t.getObject()))).toSet();
    }

    private static Node value(Node node) {
        return node.isLiteral() ? CanonicalizeLiteral.get().apply(node) : node;
    }

    private static boolean hasBlankNode(Triple t) {
        return t.getSubject().isBlank() || t.getObject().isBlank();
    }

    private static String text(Triple t) {
        return FmtUtils.stringForNode(t.getSubject()) + " " + FmtUtils.stringForNode(t.getPredicate()) + " "
                + FmtUtils.stringForNode(t.getObject());
    }
}
