package org.tariffgraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;

class NetworkExporterTest {

    private static final String A = TestHomes.ARTICLE_IRI;
    private static Graph<NetworkExporter.Vertex, NetworkExporter.Edge> network;

    @BeforeAll
    static void build() {
        network = TariffGraph.builder().home(TestHomes.repo()).build().networkExporter().network();
    }

    private static long edges(String relation) {
        return network.edgeSet().stream().filter(e -> e.relation().equals(relation)).count();
    }

    private static NetworkExporter.Vertex vertex(String iri) {
        return network.vertexSet().stream().filter(v -> v.iri().equals(iri)).findFirst().orElseThrow(() -> new AssertionError("no node " + iri));
    }

    @Test
    void linksEverySpeakerToEachOfTheirStatements() {
        assertEquals(12, edges("said"));
        NetworkExporter.Vertex microbt = vertex("https://w3id.org/tariffgraph/id/org/microbt");
        assertEquals("organisation", microbt.attributes().get("kind"));
        assertEquals(1, network.outDegreeOf(microbt));
        assertEquals(4, network.outgoingEdgesOf(vertex("https://w3id.org/tariffgraph/id/person/leo-wang")).stream()
                .filter(e -> e.relation().equals("said")).count());
    }

    @Test
    void linksTheAnswerToTheStatementItAnswers() {
        assertEquals(1, edges("responds to"));
        NetworkExporter.Vertex answer = vertex(A + "/statement/leo-wang-no-broader-threat");
        NetworkExporter.Vertex earlier = vertex(A + "/statement/sanjay-gupta-grid-security-risk");
        assertTrue(network.getAllEdges(answer, earlier).stream().anyMatch(e -> e.relation().equals("responds to")));
    }

    @Test
    void linksStatementsToWhatTheyAreAboutAndSpeakersToTheirOrganisations() {
        // Gupta's quote is about bitcoin mining, its hardware, North America and China.
        assertEquals(4, network.outDegreeOf(vertex(A + "/statement/sanjay-gupta-geographic-imbalance")));
        assertEquals("place", vertex("https://w3id.org/tariffgraph/id/place/china").attributes().get("kind"));
        assertEquals("event", vertex(A + "/event/canaan-us-trial-production").attributes().get("kind"));
        // Roles of speakers with an organisation: Yang, Wang, Gupta, Stadlemann (Deaton has none).
        assertEquals(4, edges("holds role at"));
    }

    @Test
    void writesGraphMLThatReadsBackWithTheSameShape() {
        StringWriter out = new StringWriter();
        TariffGraph.builder().home(TestHomes.repo()).build().networkExporter().writeGraphML(out);
        Graph<String, Object> read = new DirectedPseudograph<>(null, Object::new, false);
        Map<String, Map<String, String>> attributes = new HashMap<>();
        GraphMLImporter<String, Object> importer = new GraphMLImporter<>();
        importer.setSchemaValidation(true);
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((p, a) ->
                attributes.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a.getValue()));
        importer.importGraph(read, new StringReader(out.toString()));
        assertEquals(network.vertexSet().size(), read.vertexSet().size());
        assertEquals(network.edgeSet().size(), read.edgeSet().size());
        assertTrue(attributes.values().stream().anyMatch(a -> (A + "/statement/john-deaton-supply-disruption").equals(a.get("iri"))
                && "statement".equals(a.get("kind")) && "direct quote".equals(a.get("mode"))), attributes.toString());
    }
}
