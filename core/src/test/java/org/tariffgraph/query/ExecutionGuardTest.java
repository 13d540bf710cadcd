package org.tariffgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase1;
import org.apache.jena.sparql.pfunction.PFuncSimple;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterSingleton;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

class ExecutionGuardTest {

    /** The classes the engine loaded (initialised) by name, for the test to see. */
    static final Set<String> LOADED = ConcurrentHashMap.newKeySet();

    /** A function the engine would load from its java: IRI. */
    public static final class Twice extends FunctionBase1 {
        static {
            LOADED.add("Twice");
        }

        @Override
        public NodeValue exec(NodeValue v) {
            return NodeValue.makeInteger(v.getInteger().multiply(java.math.BigInteger.TWO));
        }
    }

    /** The same function under another class, for the unguarded control. */
    public static final class TwiceUnguarded extends FunctionBase1 {
        static {
            LOADED.add("TwiceUnguarded");
        }

        @Override
        public NodeValue exec(NodeValue v) {
            return NodeValue.makeInteger(v.getInteger().multiply(java.math.BigInteger.TWO));
        }
    }

    /** A property function the engine would load from its java: IRI. */
    public static final class Anything extends PFuncSimple {
        static {
            LOADED.add("Anything");
        }

        @Override
        public QueryIterator execEvaluated(Binding binding, org.apache.jena.graph.Node subject, org.apache.jena.graph.Node predicate,
                                           org.apache.jena.graph.Node object, ExecutionContext execCxt) {
            return QueryIterSingleton.create(binding, execCxt);
        }
    }

    private static final String FUNCTION = "java:" + Twice.class.getName();

    private static DatasetGraph dataset() {
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dataset, () -> dataset.add(NodeFactory.createURI("http://example.org/g"), NodeFactory.createURI("http://example.org/a"),
                NodeFactory.createURI("http://example.org/b"), NodeFactory.createLiteralString("c")));
        return dataset;
    }

    private static Context guarded() {
        Context context = ARQ.getContext().copy();
        ExecutionGuard.install(context);
        return context;
    }

    private static List<Binding> select(DatasetGraph dataset, String query, Context context) {
        return Txn.calculateRead(dataset, () -> {
            try (QueryExec exec = QueryExec.newBuilder().dataset(dataset).query(QueryFactory.create(query)).context(context).build()) {
                List<Binding> rows = new java.util.ArrayList<>();
                exec.select().forEachRemaining(rows::add);
                return rows;
            }
        });
    }

    @Test
    void withoutTheGuardTheEngineLoadsAClassNamedByAJavaIri() {
        String query = "SELECT (<java:" + TwiceUnguarded.class.getName() + ">(21) AS ?x) {}";
        List<Binding> rows = select(dataset(), query, ARQ.getContext().copy());
        assertEquals("42", rows.get(0).get("x").getLiteralLexicalForm());
        assertTrue(LOADED.contains("TwiceUnguarded"), "the class was loaded");
    }

    @Test
    void refusesAJavaFunctionBeforeItsClassIsLoadedWhereverTheQueryReachesIt() {
        DatasetGraph dataset = dataset();
        for (String query : List.of(
                "SELECT (<" + FUNCTION + ">(21) AS ?x) {}",
                "SELECT (SUM(<" + FUNCTION + ">(21)) AS ?x) {}",
                "SELECT ?q { VALUES ?q { 1 2 } } ORDER BY <" + FUNCTION + ">(?q)",
                "SELECT (<http://www.w3.org/2005/xpath-functions#apply>(IRI(CONCAT(\"java:\", \"" + Twice.class.getName() + "\")), 21) AS ?x) {}")) {
            QueryDeniedException e = assertThrows(QueryDeniedException.class, () -> select(dataset, query, guarded()), query);
            assertTrue(e.getMessage().contains("java: IRI"), e.getMessage());
        }
        assertFalse(LOADED.contains("Twice"), "the class was loaded");
    }

    @Test
    void refusesAJavaPropertyFunctionBeforeItsClassIsLoaded() {
        String query = "SELECT * { <http://example.org/a> <java:" + Anything.class.getName() + "> ?x }";
        QueryDeniedException e = assertThrows(QueryDeniedException.class, () -> select(dataset(), query, guarded()));
        assertTrue(e.getMessage().contains("java: IRI"), e.getMessage());
        assertFalse(LOADED.contains("Anything"), "the class was loaded");
    }

    @Test
    void refusesAJavaFunctionInAnUpdateRunInAGuardedDataset() {
        DatasetGraph dataset = dataset();
        ExecutionGuard.install(dataset.getContext());
        String update = "INSERT { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/n> ?x } } "
                + "WHERE { BIND(<http://www.w3.org/2005/xpath-functions#apply>(IRI(CONCAT(\"java:\", \"" + Twice.class.getName() + "\")), 21) AS ?x) }";
        assertThrows(QueryDeniedException.class, () -> UpdateExec.dataset(dataset).update(update).execute());
        assertEquals(1, Txn.calculateRead(dataset, () -> dataset.getGraph(NodeFactory.createURI("http://example.org/g")).size()));
        assertFalse(LOADED.contains("Twice"), "the class was loaded");
    }

    @Test
    void boundsTheStringsAnUpdateBuildsAndChangesNothing() {
        DatasetGraph dataset = dataset();
        ExecutionGuard.install(dataset.getContext(), new AnswerLimits(Long.MAX_VALUE, 10_000, 100));
        String update = "INSERT { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/n> ?x } } "
                + "WHERE { BIND(\"0123456789\" AS ?a) BIND(CONCAT(?a, ?a, ?a, ?a, ?a, ?a, ?a, ?a, ?a, ?a, ?a) AS ?x) }";
        assertThrows(StringTooLongException.class, () -> Txn.executeWrite(dataset, () -> UpdateExec.dataset(dataset).update(update).execute()));
        assertEquals(1, Txn.calculateRead(dataset, () -> dataset.getGraph(NodeFactory.createURI("http://example.org/g")).size()));
    }

    @Test
    void leavesEveryOtherFunctionAsItWas() {
        List<Binding> rows = select(dataset(), """
                PREFIX afn: <http://jena.apache.org/ARQ/function#>
                PREFIX apf: <http://jena.apache.org/ARQ/property#>
                PREFIX math: <http://www.w3.org/2005/xpath-functions/math#>
                SELECT (math:sqrt(16) AS ?r) (afn:localname(?s) AS ?l) ?local { GRAPH ?g { ?s ?p ?o } ?s apf:splitIRI (?ns ?local) }""", guarded());
        assertEquals("4.0e0", rows.get(0).get("r").getLiteralLexicalForm());
        assertEquals("a", rows.get(0).get("l").getLiteralLexicalForm());
        assertEquals("a", rows.get(0).get("local").getLiteralLexicalForm());
    }
}
