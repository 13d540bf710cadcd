package org.tariffgraph.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.system.Txn;

/**
 * Checks a query for every way it could make the server reach outside the dataset: a
 * {@code SERVICE} call not allowed by the policy, a graph in {@code FROM} or
 * {@code FROM NAMED} that the dataset does not hold (an engine could fetch it), and a
 * {@code java:} function or property function (which would load a class by name).
 */
public final class QueryGuard {

    private final ServicePolicy services;

    public QueryGuard(ServicePolicy services) {
        this.services = services;
    }

    /**
     * Why the query may not run, or null if it may.
     *
     * @param graphNames the names of the dataset's graphs, which FROM and FROM NAMED may use
     */
    public String refusal(Query query, Collection<String> graphNames) {
        String refusal = refusalOfGraphs("FROM", query.getGraphURIs(), graphNames);
        if (refusal == null) {
            refusal = refusalOfGraphs("FROM NAMED", query.getNamedGraphURIs(), graphNames);
        }
        if (refusal == null) {
            refusal = services.refusal(query);
        }
        return refusal != null ? refusal : javaFunction(query);
    }

    /**
     * Why a clause or protocol parameter ({@code FROM}, {@code USING NAMED},
     * {@code default-graph-uri}...) may not name these graphs: the first one the dataset does
     * not hold, which an engine could otherwise fetch; or null when the dataset holds them all.
     */
    public static String refusalOfGraphs(String clause, Collection<String> graphs, Collection<String> graphNames) {
        for (String graph : graphs) {
            if (!graphNames.contains(graph)) {
                return clause + " <" + graph + ">: the dataset has no such graph, and the server never fetches one";
            }
        }
        return null;
    }

    private static String javaFunction(Query query) {
        List<String> found = new ArrayList<>();
        Walker.walk(Algebra.compile(query), new OpVisitorBase() {
            @Override
            public void visit(OpBGP op) {
                op.getPattern().forEach(this::triple);
            }

            @Override
            public void visit(OpTriple op) {
                triple(op.getTriple());
            }

            @Override
            public void visit(OpPath op) {
                check(op.getTriplePath().getPredicate(), found);
            }

            @Override
            public void visit(OpService op) {
                // Checked by the service policy.
            }

            private void triple(Triple t) {
                check(t.getPredicate(), found);
            }
        }, new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionN func) {
                if (func instanceof E_Function f && f.getFunctionIRI().startsWith(ARQConstants.javaClassURIScheme)) {
                    found.add(f.getFunctionIRI());
                }
            }
        });
        return found.isEmpty() ? null
                : "<" + found.get(0) + "> is not allowed: functions named by a java: IRI would load a class by name";
    }

    private static void check(Node predicate, List<String> found) {
        if (predicate != null && predicate.isURI() && predicate.getURI().startsWith(ARQConstants.javaClassURIScheme)) {
            found.add(predicate.getURI());
        }
    }

    /** The names of the named graphs a dataset holds, as strings, read in a transaction. */
    public static Set<String> graphNames(DatasetGraph dataset) {
        Set<String> names = new TreeSet<>();
        Txn.executeRead(dataset, () -> dataset.listGraphNodes().forEachRemaining(n -> names.add(n.getURI())));
        return names;
    }
}
