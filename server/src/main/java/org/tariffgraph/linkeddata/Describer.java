package org.tariffgraph.linkeddata;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.Prefixes;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.tariffgraph.vocab.TG;

/**
 * What the server says about an IRI when it is dereferenced.
 *
 * <ul>
 * <li>A named graph's IRI: the graph itself.</li>
 * <li>The ontology's IRI, its version IRI and its namespace: the whole ontology, in which
 *     every term is a fragment.</li>
 * <li>Any other IRI: every triple it is the subject of (with the blank nodes they lead
 *     to), every triple it is the object of, the same for the IRIs that are fragments of it
 *     and that it links to (such as the selectors {@code ...#quote} and {@code ...#position}
 *     of an evidence node), and the labels of the IRIs these triples mention. Every part is
 *     read through the indexes, so a description costs the same in a graph of any size.</li>
 * </ul>
 */
final class Describer {

    static final String ONTOLOGY_VERSION_PREFIX = TG.ONTOLOGY + "/";

    private final DatasetGraph dataset;

    Describer(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /** The description of an IRI, or empty when the graph knows nothing of it (404). */
    Optional<Graph> describe(String iri) {
        return Txn.calculateRead(dataset, () -> {
            Node node = NodeFactory.createURI(iri);
            if (dataset.containsGraph(node)) {
                return Optional.of(copy(dataset.getGraph(node)));
            }
            if (iri.equals(TG.ONTOLOGY) || iri.equals(TG.NS) || isOntologyVersion(iri)) {
                return Optional.of(copy(dataset.getGraph(TG.ontologyGraph)));
            }
            Graph union = dataset.getDefaultGraph();
            Graph description = GraphFactory.createDefaultGraph();
            description.getPrefixMapping().setNsPrefixes(Prefixes.adapt(dataset.prefixes()));
            Set<Node> resources = new LinkedHashSet<>();
            resources.add(node);
            // Its fragments are found by its links to them, not by reading every triple.
            String fragmentPrefix = iri + "#";
            union.find(node, Node.ANY, Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isURI() && t.getObject().getURI().startsWith(fragmentPrefix)) {
                    resources.add(t.getObject());
                }
            });
            for (Node resource : resources) {
                addClosure(union, resource, description);
                union.find(Node.ANY, Node.ANY, resource).forEachRemaining(description::add);
            }
            if (description.isEmpty()) {
                return Optional.empty();
            }
            addLabels(union, description);
            return Optional.of(description);
        });
    }

    private static boolean isOntologyVersion(String iri) {
        return iri.startsWith(ONTOLOGY_VERSION_PREFIX) && iri.substring(ONTOLOGY_VERSION_PREFIX.length()).matches("\\d+\\.\\d+\\.\\d+");
    }

    /** The triples of a subject, following blank-node objects (a concise bounded description). */
    private static void addClosure(Graph union, Node subject, Graph into) {
        Deque<Node> todo = new ArrayDeque<>();
        Set<Node> seen = new HashSet<>();
        todo.add(subject);
        while (!todo.isEmpty()) {
            Node s = todo.pop();
            if (!seen.add(s)) {
                continue;
            }
            union.find(s, Node.ANY, Node.ANY).forEachRemaining(t -> {
                into.add(t);
                if (t.getObject().isBlank()) {
                    todo.add(t.getObject());
                }
            });
        }
    }

    /** Adds the labels of the IRIs the description mentions, so that every link can be read. */
    private static void addLabels(Graph union, Graph description) {
        Set<Node> mentioned = new HashSet<>();
        description.find().forEachRemaining(t -> {
            mentioned.add(t.getSubject());
            mentioned.add(t.getObject());
        });
        for (Node n : mentioned) {
            if (n.isURI()) {
                union.find(n, RDFS.label.asNode(), Node.ANY).forEachRemaining(description::add);
            }
        }
    }

    private Graph copy(Graph graph) {
        Graph copy = GraphFactory.createDefaultGraph();
        copy.getPrefixMapping().setNsPrefixes(Prefixes.adapt(dataset.prefixes()));
        graph.find().forEachRemaining(copy::add);
        return copy;
    }
}
