package org.tariffgraph.linkeddata;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.junit.jupiter.api.Test;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;

class DescriberTest {

    /** A dataset whose union graph refuses to be read whole, as reading it whole on every request would be on a large graph. */
    private static DatasetGraph unscannable(DatasetGraph dataset) {
        return new DatasetGraphWrapper(dataset) {
            @Override
            public Graph getDefaultGraph() {
                return new GraphWrapper(super.getDefaultGraph()) {
                    @Override
                    public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
                        if (!s.isConcrete() && !p.isConcrete() && !o.isConcrete()) {
                            throw new AssertionError("the whole union graph was read to describe one IRI");
                        }
                        return super.find(s, p, o);
                    }

                    @Override
                    public ExtendedIterator<Triple> find() {
                        return find(Node.ANY, Node.ANY, Node.ANY);
                    }
                };
            }
        };
    }

    @Test
    void describesAnEvidenceNodeWithItsFragmentsThroughTheIndexesAlone() {
        try (TariffGraph graph = TariffGraph.builder().home(TestHomes.repo()).build()) {
            String evidence = TestHomes.ARTICLE_IRI + "/evidence/c2082-2229";
            Graph description = new Describer(unscannable(graph.dataset())).describe(evidence).orElseThrow();
            assertTrue(description.contains(NodeFactory.createURI(evidence + "#quote"), NodeFactory.createURI("http://www.w3.org/ns/oa#exact"), Node.ANY),
                    "the #quote fragment comes with its evidence");
            assertTrue(description.contains(NodeFactory.createURI(evidence + "#position"), NodeFactory.createURI("http://www.w3.org/ns/oa#start"), Node.ANY),
                    "the #position fragment comes with its evidence");
        }
    }
}
