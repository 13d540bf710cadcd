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
import org.apache.jena.system.Txn;
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
        List<String> problems = new ArrayList<>();
        for (String graph : query.getGraphURIs()) {
            if (!graphNames.contains(graph)) {
                problems.add(noSuchGraph("FROM", graph));
            }
        }
        for (String graph : query.getNamedGraphURIs()) {
            if (!graphNames.contains(graph)) {
                problems.add(noSuchGraph("FROM NAMED", graph));
            }
        }
        if (!problems.isEmpty()) {
            return problems.get(0);
        }
        String service = services.refusal(query);
        if (service != null) {
            return service;
        }
        return javaFunction(query);
    }

    /** Why protocol graph parameters may not be used, or null. */
    public static String refusalOfProtocolGraphs(String parameter, Collection<String> graphs, Collection<String> graphNames) {
        for (String graph : graphs) {
            if (!graphNames.contains(graph)) {
                return noSuchGraph(parameter, graph);
            }
        }
        return null;
    }

    static String noSuchGraph(String clause, String graph) {
        return clause + " <" + graph + ">: the dataset has no such graph, and the server never fetches one";
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
