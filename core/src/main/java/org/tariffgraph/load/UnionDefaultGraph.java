package org.tariffgraph.load;

import java.util.Iterator;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.AddDeniedException;
import org.apache.jena.shared.DeleteDeniedException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * A view of a dataset whose default graph is the union of its named graphs, so that a
 * query without {@code GRAPH} or {@code FROM} answers over all the facts, while each named
 * graph can still be addressed by name.
 *
 * <p>A match in the union reads the quads of every named graph once and drops a triple seen
 * in an earlier graph: one pass and one set of the triples seen, where the union graph of a
 * dataset ({@code getUnionGraph()}) keeps two. Most queries only ever read the default graph,
 * so this is the inner loop of answering them.
 */
public final class UnionDefaultGraph extends DatasetGraphWrapper implements DatasetGraphWrapperView {

    private UnionDefaultGraph(DatasetGraph base) {
        super(base);
    }

    /** The union view of {@code base}; the base's own default graph is hidden. */
    public static DatasetGraph view(DatasetGraph base) {
        return new UnionDefaultGraph(base);
    }

    @Override
    public Graph getDefaultGraph() {
        return new UnionGraph(this);
    }

    /** The distinct triples of the named graphs that match. */
    private Iterator<Triple> unionFind(Node s, Node p, Node o) {
        return Iter.distinct(Iter.map(getR().findNG(Node.ANY, s, p, o), Quad::asTriple));
    }

    /** The default graph: the union, read through {@link #unionFind}; a write to it is refused by the dataset. */
    private static final class UnionGraph extends GraphView {
        UnionGraph(UnionDefaultGraph dataset) {
            super(dataset, Quad.defaultGraphIRI);
        }

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Node s, Node p, Node o) {
            return WrappedIterator.createNoRemove(((UnionDefaultGraph) getDataset()).unionFind(s, p, o));
        }
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return Quad.isDefaultGraph(graphNode) ? getDefaultGraph() : super.getGraph(graphNode);
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        if (g != null && Quad.isDefaultGraph(g)) {
            return Iter.map(unionFind(s, p, o), t -> Quad.create(Quad.defaultGraphIRI, t));
        }
        return super.find(g, s, p, o);
    }

    @Override
    public void add(Quad quad) {
        add(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        refuseDefaultGraph(g, true);
        super.add(g, s, p, o);
    }

    @Override
    public void delete(Quad quad) {
        delete(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        refuseDefaultGraph(g, false);
        super.delete(g, s, p, o);
    }

    /**
     * The default graph is a view of the named graphs: a triple written to it, or to the
     * union graph's reserved name, would belong to no graph. Checked here, on every write,
     * so that a graph name known only at run time ({@code GRAPH ?g}) is refused too.
     */
    private static void refuseDefaultGraph(Node g, boolean add) {
        String refusal = null;
        if (g == null || Quad.isDefaultGraph(g)) {
            refusal = "the default graph is the union of the named graphs and cannot be written; write into a named graph (GRAPH <...> { ... })";
        } else if (Quad.isUnionGraph(g)) {
            refusal = "<" + g.getURI() + "> is the union of the named graphs and cannot be written; write into a named graph (GRAPH <...> { ... })";
        }
        if (refusal != null) {
            throw add ? new AddDeniedException(refusal) : new DeleteDeniedException(refusal);
        }
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        if (g != null && Quad.isDefaultGraph(g)) {
            return getR().findNG(Node.ANY, s, p, o).hasNext();
        }
        return super.contains(g, s, p, o);
    }
}
