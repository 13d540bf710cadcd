package org.tariffgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

class BoundedExpressionsTest {

    private static final long LONGEST = 1_000;
    /** Strings of up to 1,000 characters, 10,000 characters in all (half of 20,000 bytes). */
    private static final AnswerLimits LIMITS = new AnswerLimits(Long.MAX_VALUE, 20_000, LONGEST);
    private static final String PREFIXES = """
            PREFIX fn: <http://www.w3.org/2005/xpath-functions#>
            PREFIX math: <http://www.w3.org/2005/xpath-functions/math#>
            PREFIX afn: <http://jena.apache.org/ARQ/function#>
            """;

    /** Ten resources, each with a label of ten characters, in one named graph. */
    private static QueryRunner runner() {
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        Node g = NodeFactory.createURI("http://example.org/g");
        Node label = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
        Txn.executeWrite(dataset, () -> {
            for (int i = 0; i < 10; i++) {
                dataset.add(g, NodeFactory.createURI("http://example.org/r" + i), label, NodeFactory.createLiteralString("label-" + (1000 + i)));
            }
        });
        return QueryRunner.create(dataset).limits(LIMITS);
    }

    private static StringTooLongException refused(String query) {
        return assertThrows(StringTooLongException.class, () -> runner().run(PREFIXES + query), query);
    }

    private static Map<String, Node> first(String query) {
        return runner().select(PREFIXES + query).rowMaps().get(0);
    }

    @Test
    void refusesAStringDoubledPastTheLimitWhereverItIsBuilt() {
        StringBuilder chain = new StringBuilder("{ BIND(\"0123456789\" AS ?v0) ");
        for (int i = 1; i <= 8; i++) {
            chain.append("BIND(CONCAT(?v").append(i - 1).append(", ?v").append(i - 1).append(") AS ?v").append(i).append(") ");
        }
        chain.append('}');
        // 10 characters doubled 7 times is 1,280: past the limit of 1,000.
        for (String query : List.of(
                "SELECT * " + chain,
                "SELECT (STRLEN(?v8) AS ?n) " + chain,
                "SELECT ?v0 " + chain.toString().replace("}", "FILTER(STRLEN(?v8) > 0) }"),
                "SELECT ?v0 " + chain + " ORDER BY STRLEN(CONCAT(?v7, ?v7))",
                "SELECT (COUNT(*) AS ?n) " + chain + " GROUP BY (CONCAT(?v7, ?v7) AS ?k)")) {
            StringTooLongException e = refused(query);
            assertFalse(e.inAll(), e.getMessage());
            assertEquals(LONGEST, e.limit());
            assertTrue(e.getMessage().contains("more than 1000 characters"), e.getMessage());
        }
    }

    @Test
    void refusesACallBeforeItBuildsAStringFarLongerThanItsArguments() {
        String many = String.join(", ", java.util.Collections.nCopies(200, "?l"));
        for (String query : List.of(
                "SELECT (CONCAT(" + many + ") AS ?x) { GRAPH ?g { ?s ?p ?l } }",
                "SELECT (fn:concat(" + many + ") AS ?x) { GRAPH ?g { ?s ?p ?l } }",
                "SELECT (REPLACE(?l, \".\", \"" + "$0".repeat(150) + "\") AS ?x) { GRAPH ?g { ?s ?p ?l } }",
                "SELECT (fn:replace(?l, \".\", \"" + "$0".repeat(150) + "\") AS ?x) { GRAPH ?g { ?s ?p ?l } }",
                "SELECT (afn:sprintf(\"%5000s\", ?l) AS ?x) { GRAPH ?g { ?s ?p ?l } }",
                "SELECT (math:pow(10, 5000) AS ?x) {}",
                // Computed, this would be a number of a hundred million digits, minutes in the making.
                "SELECT (math:pow(10, 100000000) AS ?x) {}",
                "SELECT (?x * ?x * ?x * ?x * ?x * ?x * ?x * ?x AS ?y) { BIND(" + "9".repeat(200) + " AS ?x) }")) {
            StringTooLongException e = refused(query);
            assertFalse(e.inAll(), query + ": " + e.getMessage());
        }
    }

    @Test
    void estimatesAReplacementAtLeastAsLongAsItIs() {
        List<org.apache.jena.sparql.expr.NodeValue> args = List.of(org.apache.jena.sparql.expr.NodeValue.makeString("abcabc"),
                org.apache.jena.sparql.expr.NodeValue.makeString("b(c)"), org.apache.jena.sparql.expr.NodeValue.makeString("[$1$0]"));
        // "abcabc" becomes "a[cbc]a[cbc]": 12 characters; each reference counted as the whole match.
        long estimate = BoundedExpressions.replacedLength(args, Long.MAX_VALUE);
        assertTrue(estimate >= 12 && estimate <= 6 + 2 * (6 + 2 * 2 - 2), "estimate " + estimate);
    }

    @Test
    void countsEveryStringAQueryBuildsAndWhatItsAggregatesKeep() {
        // Each row builds 900 characters, within the limit of one string; twelve rows are more than 10,000 in all.
        String wide = "BIND(CONCAT(" + String.join(", ", java.util.Collections.nCopies(90, "STR(?l)")) + ") AS ?w)";
        StringTooLongException inAll = refused("SELECT ?w { GRAPH ?g { ?s ?p ?l } VALUES ?copy { 1 2 } " + wide + " }");
        assertTrue(inAll.inAll(), inAll.getMessage());
        assertEquals(10_000, inAll.limit());
        // GROUP_CONCAT keeps every value it is given, with its separator.
        StringTooLongException kept = refused("SELECT (GROUP_CONCAT(?l; separator=\"" + "-".repeat(600) + "\") AS ?all) { GRAPH ?g { ?s ?p ?l } VALUES ?copy { 1 2 } }");
        assertTrue(kept.inAll(), kept.getMessage());
    }

    @Test
    void theBudgetIsEachQuerysOwn() {
        QueryRunner runner = runner();
        // Each query builds 7,000 characters: together more than one query may, each within its own budget.
        String query = "SELECT (STRLEN(?w) AS ?n) { GRAPH ?g { ?s ?p ?l } BIND(CONCAT(" + String.join(", ", java.util.Collections.nCopies(70, "?l")) + ") AS ?w) }";
        for (int i = 0; i < 3; i++) {
            assertEquals(10, runner.select(query).size());
        }
    }

    @Test
    void leavesStringsWithinTheLimitsAsTheyWere() {
        Map<String, Node> row = first("""
                SELECT (CONCAT(?l, "!") AS ?c) (REPLACE(?l, "label", "L") AS ?r) (UCASE(?l) AS ?u) (fn:concat(?l, ?l) AS ?f)
                       (afn:sprintf("%s/%s", ?l, "x") AS ?s) (math:pow(2, 10) AS ?p) (STRLEN(?l) AS ?n)
                { GRAPH ?g { <http://example.org/r0> ?p0 ?l } }""");
        assertEquals("label-1000!", row.get("c").getLiteralLexicalForm());
        assertEquals("L-1000", row.get("r").getLiteralLexicalForm());
        assertEquals("LABEL-1000", row.get("u").getLiteralLexicalForm());
        assertEquals("label-1000label-1000", row.get("f").getLiteralLexicalForm());
        assertEquals("label-1000/x", row.get("s").getLiteralLexicalForm());
        assertEquals("1024", row.get("p").getLiteralLexicalForm());
        assertEquals("10", row.get("n").getLiteralLexicalForm());
        Map<String, Node> grouped = first("SELECT (GROUP_CONCAT(?l; separator=\",\") AS ?all) (COUNT(DISTINCT ?l) AS ?n) { GRAPH ?g { ?s ?p ?l } }");
        assertEquals(10 * 10 + 9, grouped.get("all").getLiteralLexicalForm().length());
        assertEquals("10", grouped.get("n").getLiteralLexicalForm());
    }
}
