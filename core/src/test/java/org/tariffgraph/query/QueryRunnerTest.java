package org.tariffgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

class QueryRunnerTest {

    private static final String APPLY = "<http://www.w3.org/2005/xpath-functions#apply>";
    private static final String RESOURCES = "http://example.org/r";

    /** A dataset of {@code n} resources, each with one triple, in one named graph. */
    private static DatasetGraph resources(int n) {
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        Node g = NodeFactory.createURI("http://example.org/g");
        Node p = NodeFactory.createURI("http://example.org/p");
        Txn.executeWrite(dataset, () -> {
            for (int i = 0; i < n; i++) {
                dataset.add(g, NodeFactory.createURI(RESOURCES + i), p, NodeFactory.createLiteralString("value " + i));
            }
        });
        return dataset;
    }

    @Test
    void refusesAJavaFunctionThatOnlyAppearsAtRunTime() {
        QueryRunner runner = QueryRunner.create(resources(3));
        // fn:apply names its function by a value, which no static check of the query can see.
        for (String query : new String[] {
                "SELECT (" + APPLY + "(<java:org.apache.jena.sparql.function.library.sqrt>, 4) AS ?x) {}",
                "SELECT ?x { BIND(" + APPLY + "(IRI(CONCAT(\"java:org.apache.jena.sparql.function.library.\", \"sqrt\")), 4) AS ?x) }",
                "SELECT ?s { GRAPH ?g { ?s ?p ?o } } ORDER BY " + APPLY + "(<java:org.apache.jena.sparql.function.library.sqrt>, 4)"}) {
            QueryDeniedException e = assertThrows(QueryDeniedException.class, () -> runner.run(query), query);
            assertTrue(e.getMessage().contains("java: IRI"), e.getMessage());
        }
        // The same function under its own name still works.
        QueryResult.Rows sqrt = runner.select("SELECT (<http://www.w3.org/2005/xpath-functions/math#sqrt>(4) AS ?x) {}");
        assertEquals("2.0e0", sqrt.rowMaps().get(0).get("x").getLiteralLexicalForm());
    }

    @Test
    void boundsAnAnswerByTheBytesItTakesAsWellAsByItsRows() {
        QueryRunner runner = QueryRunner.create(resources(100));
        // A hundred rows of a few dozen characters each: far fewer rows than the limit, more bytes.
        AnswerTooLargeException rows = assertThrows(AnswerTooLargeException.class,
                () -> runner.limits(new AnswerLimits(1_000_000, 5_000, 1_000)).run("SELECT ?s ?o { GRAPH ?g { ?s ?p ?o } }"));
        assertEquals("bytes", rows.unit());
        assertEquals(5_000, rows.limit());
        for (String query : List.of("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
                "CONSTRUCT { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }",
                "DESCRIBE ?s WHERE { GRAPH ?g { ?s ?p ?o } }",
                "JSON { \"s\": ?s, \"o\": ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")) {
            AnswerTooLargeException e = assertThrows(AnswerTooLargeException.class, () -> runner.run(query), query);
            assertEquals("bytes", e.unit(), query);
        }
        assertEquals(100, runner.limits(new AnswerLimits(1_000_000, 100_000, 1_000)).select("SELECT ?s ?o { GRAPH ?g { ?s ?p ?o } }").size());
    }

    @Test
    void describeCountsTheTriplesAsItBuildsThemNotAfterwards() {
        int n = 2_000;
        AtomicInteger added = new AtomicInteger();
        DatasetGraph dataset = resources(n);
        Query query = QueryFactory.create("DESCRIBE ?s WHERE { GRAPH ?g { ?s ?p ?o } }");
        // Count what the describe handlers write into the answer, through the dataset they read.
        DatasetGraph counting = new DatasetGraphWrapper(dataset) {
            @Override
            public Graph getDefaultGraph() {
                return counted(super.getDefaultGraph(), added);
            }

            @Override
            public Graph getUnionGraph() {
                return counted(super.getUnionGraph(), added);
            }

            @Override
            public Graph getGraph(Node graphNode) {
                return counted(super.getGraph(graphNode), added);
            }
        };
        AnswerTooLargeException e = Txn.calculateRead(dataset, () -> {
            try (QueryExec exec = QueryExec.newBuilder().dataset(counting).query(query).build()) {
                return assertThrows(AnswerTooLargeException.class,
                        () -> QueryRunner.complete(exec, query, 10));
            }
        });
        assertEquals("triples", e.unit());
        assertTrue(added.get() < n / 10, "the describe went on to read " + added.get() + " descriptions after passing the limit of 10");
    }

    /** A graph that counts the finds made on it for one subject, as a describe handler makes them. */
    private static Graph counted(Graph graph, AtomicInteger finds) {
        return new GraphWrapper(graph) {
            @Override
            public org.apache.jena.util.iterator.ExtendedIterator<org.apache.jena.graph.Triple> find(Node s, Node p, Node o) {
                if (s != null && s.isURI() && s.getURI().startsWith(RESOURCES)) {
                    finds.incrementAndGet();
                }
                return super.find(s, p, o);
            }
        };
    }

    /**
     * The bounds wrap every function call before Jena's store engine turns the query into
     * quad form: over a persistent store the answers are those of the same data in memory,
     * and a string too long is refused there too.
     */
    @Test
    void queriesAPersistentStoreWithTheBoundsAsInMemory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        org.tariffgraph.TariffGraph memory = org.tariffgraph.TariffGraph.builder().home(org.tariffgraph.TestHomes.repo()).build();
        org.tariffgraph.TariffGraph store = org.tariffgraph.TariffGraph.builder().home(org.tariffgraph.TestHomes.repo()).store(tmp.resolve("store")).build();
        String query = """
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?g (COUNT(*) AS ?n) (MAX(STRLEN(CONCAT(STR(?l), "!"))) AS ?longest) (GROUP_CONCAT(DISTINCT LCASE(?lang); separator=",") AS ?langs)
                WHERE {
                  GRAPH ?g { ?s rdfs:label ?l FILTER EXISTS { GRAPH ?g { ?s a ?type } } }
                  BIND(LANG(?l) AS ?lang)
                  FILTER(REPLACE(STR(?l), "[aeiou]", "") != "")
                }
                GROUP BY ?g ORDER BY DESC(?n) ?g""";
        QueryResult.Rows inMemory = memory.select(query);
        QueryResult.Rows inStore = store.select(query);
        assertTrue(inMemory.size() > 1, "the query finds labels in several graphs");
        assertTrue(org.apache.jena.sparql.resultset.ResultsCompare.equalsByTermAndOrder(
                org.apache.jena.query.ResultSetFactory.makeRewindable(inMemory.rowSet()),
                org.apache.jena.query.ResultSetFactory.makeRewindable(inStore.rowSet())));
        StringBuilder chain = new StringBuilder("SELECT * { GRAPH ?g { ?s rdfs:label ?v0 } ");
        for (int i = 1; i <= 30; i++) {
            chain.append("BIND(CONCAT(?v").append(i - 1).append(", ?v").append(i - 1).append(") AS ?v").append(i).append(") ");
        }
        String doubling = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " + chain.append('}');
        assertThrows(StringTooLongException.class, () -> store.query(doubling));
    }
}
