package org.tariffgraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TestHomes;
import org.tariffgraph.vocab.TG;

class GraphLoaderTest {

    @TempDir
    Path tmp;

    private static DatasetGraph loadRepo() {
        Path repo = TestHomes.repo();
        return GraphLoader.load(repo.resolve(TestHomes.ONTOLOGY), List.of(repo.resolve("data")));
    }

    @Test
    void loadsEachDataFileIntoTheNamedGraphsItDeclares() {
        DatasetGraph dsg = loadRepo();
        Txn.executeRead(dsg, () -> {
            for (String name : List.of("graph/ontology", "graph/entities",
                    "graph/article/prepsaret-2025-chinese-mining-rig-makers-us-production",
                    "graph/enrichment/us-trade-measures-2025")) {
                Node graph = NodeFactory.createURI(TG.BASE + name);
                assertTrue(dsg.containsGraph(graph) && !dsg.getGraph(graph).isEmpty(), "graph " + name);
            }
            assertTrue(dsg.getDefaultGraph().isEmpty(), "the stored default graph stays empty");
        });
    }

    @Test
    void unionViewAnswersOverAllGraphsWithoutGraphKeyword() {
        DatasetGraph view = UnionDefaultGraph.view(loadRepo());
        String query = """
                PREFIX tg: <https://w3id.org/tariffgraph/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?name WHERE { ?s tg:speaker ?who . ?who rdfs:label ?name } ORDER BY ?name LIMIT 1
                """;
        String first = Txn.calculateRead(view, () -> {
            try (QueryExec exec = QueryExec.dataset(view).query(query).build()) {
                return exec.select().next().get("name").getLiteralLexicalForm();
            }
        });
        // The statement is in the article graph, the speaker's name in the entities graph.
        assertEquals("Guang Yang", first);
    }

    @Test
    void refusesTriplesOutsideAnyNamedGraph() {
        TestHomes.write(tmp.resolve("data/loose.trig"), "<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n");
        LoadException e = assertThrows(LoadException.class, () -> load(tmp));
        assertTrue(e.getMessage().contains("loose.trig") && e.getMessage().contains("outside any GRAPH"), e.getMessage());
    }

    @Test
    void refusesAGraphDeclaredByTwoFiles() {
        TestHomes.write(tmp.resolve("data/a.trig"), "<http://example.org/g> { <http://example.org/a> <http://example.org/b> <http://example.org/c> . }\n");
        TestHomes.write(tmp.resolve("data/b.trig"), "<http://example.org/g> { <http://example.org/a> <http://example.org/b> <http://example.org/d> . }\n");
        LoadException e = assertThrows(LoadException.class, () -> load(tmp));
        assertTrue(e.getMessage().contains("b.trig") && e.getMessage().contains("already declared in")
                && e.getMessage().contains("a.trig"), e.getMessage());
    }

    @Test
    void refusesTheGraphNameReservedForTheOntology() {
        TestHomes.write(tmp.resolve("data/a.trig"), "<" + TG.ontologyGraph.getURI() + "> { <http://example.org/a> <http://example.org/b> <http://example.org/c> . }\n");
        LoadException e = assertThrows(LoadException.class, () -> load(tmp));
        assertTrue(e.getMessage().contains("reserved for the ontology"), e.getMessage());
    }

    @Test
    void refusesTurtleFilesAmongTheData() {
        TestHomes.write(tmp.resolve("data/facts.ttl"), "<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n");
        LoadException e = assertThrows(LoadException.class, () -> load(tmp));
        assertTrue(e.getMessage().contains("facts.ttl") && e.getMessage().contains("must be TriG"), e.getMessage());
    }

    @Test
    void namesTheFileAndLineOfASyntaxError() {
        TestHomes.write(tmp.resolve("data/broken.trig"), "<http://example.org/g> {\n  <http://example.org/a> <http://example.org/b> .\n}\n");
        LoadException e = assertThrows(LoadException.class, () -> load(tmp));
        assertTrue(e.getMessage().contains("broken.trig") && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void refusesAMissingDataFolder() {
        LoadException e = assertThrows(LoadException.class,
                () -> GraphLoader.load(TestHomes.repo().resolve(TestHomes.ONTOLOGY), List.of(tmp.resolve("nowhere"))));
        assertTrue(e.getMessage().contains("no such data folder"), e.getMessage());
    }

    private static DatasetGraph load(Path home) {
        return GraphLoader.load(TestHomes.repo().resolve(TestHomes.ONTOLOGY), List.of(home.resolve("data")));
    }
}
