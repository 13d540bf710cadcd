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
}
