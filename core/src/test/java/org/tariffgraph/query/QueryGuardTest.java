package org.tariffgraph.query;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class QueryGuardTest {

    private static final String SQRT = "<java:org.apache.jena.sparql.function.library.sqrt>";
    private static final String SPLIT = "<java:org.apache.jena.sparql.pfunction.library.splitIRI>";
    private static final QueryGuard GUARD = new QueryGuard(ServicePolicy.none());

    /** Every syntactic position an expression or a property function can take, each with a java: IRI in it. */
    private static Map<String, String> positions() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("FILTER", "SELECT * { ?s ?p ?o FILTER(" + SQRT + "(4) > 1) }");
        queries.put("BIND", "SELECT * { ?s ?p ?o BIND(" + SQRT + "(4) AS ?x) }");
        queries.put("projection", "SELECT (" + SQRT + "(4) AS ?x) {}");
        queries.put("aggregate", "SELECT (SUM(" + SQRT + "(4)) AS ?x) {}");
        queries.put("aggregate with DISTINCT", "SELECT (COUNT(DISTINCT " + SQRT + "(?o)) AS ?x) { ?s ?p ?o }");
        queries.put("GROUP_CONCAT", "SELECT (GROUP_CONCAT(STR(" + SQRT + "(4))) AS ?x) {}");
        queries.put("ORDER BY", "SELECT * { ?s ?p ?o } ORDER BY " + SQRT + "(4)");
        queries.put("ORDER BY with LIMIT", "SELECT * { ?s ?p ?o } ORDER BY DESC(" + SQRT + "(?o)) LIMIT 3");
        queries.put("GROUP BY", "SELECT ?g (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY (" + SQRT + "(4) AS ?g)");
        queries.put("HAVING", "SELECT ?s { ?s ?p ?o } GROUP BY ?s HAVING(" + SQRT + "(COUNT(*)) > 1)");
        queries.put("OPTIONAL filter", "SELECT * { ?s ?p ?o OPTIONAL { ?s ?q ?v FILTER(" + SQRT + "(?v) > 1) } }");
        queries.put("EXISTS", "SELECT * { ?s ?p ?o FILTER EXISTS { ?s ?q ?v FILTER(" + SQRT + "(?v) > 1) } }");
        queries.put("IF", "SELECT (IF(true, " + SQRT + "(4), 0) AS ?x) {}");
        queries.put("subquery", "SELECT ?x { { SELECT (" + SQRT + "(4) AS ?x) {} } }");
        queries.put("CONSTRUCT", "CONSTRUCT { ?s ?p ?x } WHERE { ?s ?p ?o BIND(" + SQRT + "(4) AS ?x) }");
        queries.put("DESCRIBE", "DESCRIBE ?s WHERE { ?s ?p ?o FILTER(" + SQRT + "(4) > 1) }");
        queries.put("ASK", "ASK { FILTER(" + SQRT + "(4) > 1) }");
        queries.put("property function", "SELECT * { ?s " + SPLIT + " (?a ?b) }");
        queries.put("property function in EXISTS", "SELECT * { ?s ?p ?o FILTER EXISTS { ?s " + SPLIT + " (?a ?b) } }");
        queries.put("property function in ORDER BY EXISTS", "SELECT * { ?s ?p ?o } ORDER BY (EXISTS { ?s " + SPLIT + " (?a ?b) })");
        queries.put("property function in GRAPH", "SELECT * { GRAPH ?g { ?s " + SPLIT + " (?a ?b) } }");
        queries.put("JSON query", "JSON { \"x\": ?x } WHERE { BIND(" + SQRT + "(4) AS ?x) }");
        return queries;
    }

    @TestFactory
    List<DynamicTest> refusesAJavaFunctionInEveryPosition() {
        return positions().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String refusal = GUARD.refusal(QueryFactory.create(e.getValue(), Syntax.syntaxARQ), Set.of());
            assertTrue(refusal != null && refusal.contains("java: IRI"), e.getKey() + ": " + refusal);
        })).toList();
    }

    @Test
    void letsOrdinaryFunctionsAndPropertyFunctionsThrough() {
        String query = """
                PREFIX apf: <http://jena.apache.org/ARQ/property#>
                PREFIX afn: <http://jena.apache.org/ARQ/function#>
                SELECT (SUM(STRLEN(?o)) AS ?n) { ?s ?p ?o . ?s apf:splitIRI (?ns ?local) BIND(afn:localname(?s) AS ?l) }
                GROUP BY ?s ORDER BY DESC(?n)""";
        assertNull(GUARD.refusal(QueryFactory.create(query), Set.of()));
    }

    @Test
    void looksUpTheGraphsAQueryNamesWithoutListingEveryGraph() {
        DatasetGraph base = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(base, () -> base.add(NodeFactory.createURI("http://example.org/g"), NodeFactory.createURI("http://example.org/s"),
                NodeFactory.createURI("http://example.org/p"), NodeFactory.createLiteralString("o")));
        DatasetGraph unlisted = new DatasetGraphWrapper(base) {
            @Override
            public Iterator<Node> listGraphNodes() {
                throw new AssertionError("every graph was listed to check the graphs of one query");
            }
        };
        Set<String> held = QueryGuard.heldGraphs(unlisted);
        assertNull(GUARD.refusal(QueryFactory.create("SELECT * FROM <http://example.org/g> { ?s ?p ?o }"), held));
        String refusal = GUARD.refusal(QueryFactory.create("SELECT * FROM NAMED <http://example.org/elsewhere> { GRAPH ?g { ?s ?p ?o } }"), held);
        assertTrue(refusal != null && refusal.contains("http://example.org/elsewhere"), refusal);
    }

    @Test
    void letsTextSearchRunAsAPropertyFunction() {
        assertNull(GUARD.refusal(QueryFactory.create("""
                PREFIX text: <http://jena.apache.org/text#>
                SELECT * { (?s ?score) text:query ("security" 10) }"""), Set.of()));
    }
}
