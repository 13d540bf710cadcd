package org.tariffgraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.AddDeniedException;
import org.apache.jena.shared.DeleteDeniedException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;

class UnionDefaultGraphTest {

    private static final Node G = NodeFactory.createURI("http://example.org/g");
    private static final Node S = NodeFactory.createURI("http://example.org/s");
    private static final Node P = NodeFactory.createURI("http://example.org/p");
    private static final Node O = NodeFactory.createLiteralString("o");

    @Test
    void theDefaultGraphIsTheUnionOfTheNamedGraphs() {
        DatasetGraph view = UnionDefaultGraph.view(DatasetGraphFactory.createTxnMem());
        view.add(G, S, P, O);
        assertTrue(view.getDefaultGraph().contains(S, P, O));
        assertTrue(view.contains(Quad.defaultGraphIRI, S, P, O));
    }

    @Test
    void refusesEveryWriteToTheDefaultGraphOrTheUnionGraphsNameAsAnAccessError() {
        DatasetGraph view = UnionDefaultGraph.view(DatasetGraphFactory.createTxnMem());
        view.add(G, S, P, O);
        for (Node reserved : new Node[] {Quad.defaultGraphIRI, Quad.defaultGraphNodeGenerated, Quad.unionGraph}) {
            String added = assertThrows(AddDeniedException.class, () -> view.add(reserved, S, P, O), reserved.toString()).getMessage();
            assertTrue(added.contains("union of the named graphs") && added.contains("write into a named graph"), added);
            assertThrows(AddDeniedException.class, () -> view.add(Quad.create(reserved, S, P, O)), reserved.toString());
            assertThrows(DeleteDeniedException.class, () -> view.delete(reserved, S, P, O), reserved.toString());
            assertThrows(DeleteDeniedException.class, () -> view.delete(Quad.create(reserved, S, P, O)), reserved.toString());
        }
        assertEquals(1, view.getGraph(G).size(), "the named graph is untouched");
    }

    /** A triple stated in several graphs is one triple of the union, however it is read. */
    @Test
    void aTripleInSeveralGraphsIsInTheDefaultGraphOnce() {
        DatasetGraph view = UnionDefaultGraph.view(DatasetGraphFactory.createTxnMem());
        Node other = NodeFactory.createURI("http://example.org/other");
        view.add(G, S, P, O);
        view.add(other, S, P, O);
        view.add(other, S, P, NodeFactory.createLiteralString("p"));
        assertEquals(2, view.getDefaultGraph().size());
        assertEquals(1, view.getDefaultGraph().find(S, P, O).toList().size());
        assertEquals(1, org.apache.jena.atlas.iterator.Iter.count(view.find(Quad.defaultGraphIRI, S, P, O)));
        assertEquals(2, org.apache.jena.atlas.iterator.Iter.count(view.find(Quad.defaultGraphIRI, null, null, null)));
        assertTrue(view.contains(Quad.defaultGraphIRI, S, P, O));
        assertEquals(3, org.apache.jena.atlas.iterator.Iter.count(view.find(Node.ANY, S, P, null)), "every graph's own quads");
        assertThrows(AddDeniedException.class, () -> view.getDefaultGraph().add(S, P, NodeFactory.createLiteralString("q")));
        assertEquals(2, view.getDefaultGraph().size(), "the refused write changed nothing");
    }

    /** The union of a persistent store reads the same. */
    @Test
    void theUnionOfAStoreIsItsNamedGraphsTriplesOnce() {
        DatasetGraph view = UnionDefaultGraph.view(org.apache.jena.tdb2.DatabaseMgr.createDatasetGraph());
        org.apache.jena.system.Txn.executeWrite(view, () -> {
            view.add(G, S, P, O);
            view.add(NodeFactory.createURI("http://example.org/other"), S, P, O);
        });
        org.apache.jena.system.Txn.executeRead(view, () -> {
            assertEquals(1, view.getDefaultGraph().size());
            assertEquals(1, org.apache.jena.atlas.iterator.Iter.count(view.find(Quad.defaultGraphIRI, S, null, null)));
        });
    }
}
