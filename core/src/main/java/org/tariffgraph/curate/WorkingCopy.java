package org.tariffgraph.curate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;

/**
 * A copy of a dataset that an operation changes step by step; the dataset itself changes
 * only at {@link #commit()}, in one write, so that an operation that finds a problem
 * halfway leaves it as it was.
 */
final class WorkingCopy {

    /** Nodes in a stable order, for results and messages that read the same on every run. */
    static final Comparator<Node> ORDER = Comparator.comparing(Node::toString);

    private final DatasetGraph original;
    private final Set<Quad> before = new HashSet<>();
    private final DatasetGraph copy = DatasetGraphFactory.create();

    WorkingCopy(DatasetGraph original) {
        this.original = original;
        Txn.executeRead(original, () -> original.find().forEachRemaining(before::add));
        before.forEach(copy::add);
    }

    /** The distinct values of a property of a subject, over all graphs, in a stable order. */
    List<Node> objects(Node subject, Node property) {
        Set<Node> found = new LinkedHashSet<>();
        copy.find(Node.ANY, subject, property, Node.ANY).forEachRemaining(q -> found.add(q.getObject()));
        return sorted(found);
    }

    /** The only value of a property, or null when it has none or several. */
    Node single(Node subject, Node property) {
        List<Node> values = objects(subject, property);
        return values.size() == 1 ? values.get(0) : null;
    }

    /** The distinct subjects with a property (and a value, or {@link Node#ANY}), in a stable order. */
    List<Node> subjects(Node property, Node object) {
        Set<Node> found = new LinkedHashSet<>();
        copy.find(Node.ANY, Node.ANY, property, object).forEachRemaining(q -> found.add(q.getSubject()));
        return sorted(found);
    }

    boolean isSubject(Node node) {
        return copy.find(Node.ANY, node, Node.ANY, Node.ANY).hasNext();
    }

    boolean hasType(Node node, Node type) {
        return copy.find(Node.ANY, node, RDF.type.asNode(), type).hasNext();
    }

    /** The graphs that hold a subject's values of a property, in a stable order. */
    List<Node> graphsOf(Node subject, Node property) {
        Set<Node> found = new LinkedHashSet<>();
        copy.find(Node.ANY, subject, property, Node.ANY).forEachRemaining(q -> found.add(q.getGraph()));
        return sorted(found);
    }

    /** The quads that point at a node, in a stable order. */
    List<Quad> pointingAt(Node node) {
        List<Quad> found = new ArrayList<>();
        copy.find(Node.ANY, Node.ANY, Node.ANY, node).forEachRemaining(found::add);
        found.sort(Comparator.comparing(Quad::toString));
        return found;
    }

    void add(Node graph, Node subject, Node property, Node object) {
        copy.add(graph, subject, property, object);
    }

    void remove(Quad quad) {
        copy.delete(quad);
    }

    /** Removes every value of a property of a subject, in every graph. */
    void removeAll(Node subject, Node property) {
        List<Quad> found = new ArrayList<>();
        copy.find(Node.ANY, subject, property, Node.ANY).forEachRemaining(found::add);
        found.forEach(copy::delete);
    }

    /** Removes every triple that has the node as subject, in every graph. */
    void removeSubject(Node subject) {
        removeAll(subject, Node.ANY);
    }

    /**
     * Writes the changes into the dataset in one write transaction: what the copy no longer
     * holds is deleted, what it holds anew is added.
     */
    void commit() {
        Set<Quad> after = new HashSet<>();
        copy.find().forEachRemaining(after::add);
        List<Quad> deleted = before.stream().filter(q -> !after.contains(q)).toList();
        List<Quad> added = after.stream().filter(q -> !before.contains(q)).toList();
        if (deleted.isEmpty() && added.isEmpty()) {
            return;
        }
        Txn.executeWrite(original, () -> {
            deleted.forEach(original::delete);
            added.forEach(original::add);
        });
    }

    private static List<Node> sorted(Set<Node> nodes) {
        List<Node> list = new ArrayList<>(nodes);
        list.sort(ORDER);
        return list;
    }
}
