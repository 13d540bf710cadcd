package org.tariffgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        QueryResult sqrt = runner.run("SELECT (<http://www.w3.org/2005/xpath-functions/math#sqrt>(4) AS ?x) {}");
        assertEquals("2.0e0", sqrt.rowMaps().get(0).get("x").getLiteralLexicalForm());
    }
}
