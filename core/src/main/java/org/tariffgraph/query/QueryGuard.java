package org.tariffgraph.query;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.Transform;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransform;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.system.Txn;

/**
 * Checks a query for every way it could make the server reach outside the dataset: a
 * {@code SERVICE} call not allowed by the policy, a graph in {@code FROM} or
 * {@code FROM NAMED} that the dataset does not hold (an engine could fetch it), and a
 * {@code java:} function or property function (which would load a class by name).
 *
 * <p>The check gives a clear message before anything runs; {@link ExecutionGuard} refuses
 * the same functions again at run time, where a function can be named by a value.
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

    /**
     * The first {@code java:} function or property function anywhere in the query, as a
     * refusal. The query's algebra is passed through a copying transform, which reaches every
     * expression a query can hold, including those a walker skips: aggregates, ORDER BY keys,
     * GROUP BY and HAVING, and the patterns inside EXISTS wherever that appears.
     */
    private static String javaFunction(Query query) {
        String found = firstProblem(query, iri -> isJava(iri) ? iri : null,
                predicate -> predicate.isURI() && isJava(predicate.getURI()) ? predicate.getURI() : null);
        return found == null ? null : javaRefusal(found);
    }

    /**
     * The first problem found with a function or a predicate of the query, or null: its
     * algebra is walked, so every expression (filters, binds, projections, aggregates, order)
     * and every triple pattern and path is seen, wherever the syntax put it.
     *
     * @param function the problem with a function of this IRI, or null
     * @param predicate the problem with this predicate, or null
     */
    public static String firstProblem(Query query, Function<String, String> function, Function<Node, String> predicate) {
        List<String> found = new ArrayList<>();
        ExprTransform expressions = new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunctionN func, ExprList args) {
                if (func instanceof E_Function f) {
                    add(function.apply(f.getFunctionIRI()), found);
                }
                return super.transform(func, args);
            }
        };
        Transform patterns = new TransformCopy() {
            @Override
            public Op transform(OpBGP op) {
                op.getPattern().forEach(t -> add(t.getPredicate() == null ? null : predicate.apply(t.getPredicate()), found));
                return super.transform(op);
            }

            @Override
            public Op transform(OpTriple op) {
                add(predicate.apply(op.getTriple().getPredicate()), found);
                return super.transform(op);
            }

            @Override
            public Op transform(OpPath op) {
                Node p = op.getTriplePath().getPredicate();
                add(p == null ? null : predicate.apply(p), found);
                return super.transform(op);
            }
        };
        Walker.transform(Algebra.compile(query), patterns, expressions);
        return found.isEmpty() ? null : found.get(0);
    }

    private static void add(String problem, List<String> found) {
        if (problem != null) {
            found.add(problem);
        }
    }

    /** Whether an IRI names a function or property function by a Java class, which Jena would load. */
    static boolean isJava(String iri) {
        return iri != null && iri.regionMatches(true, 0, ARQConstants.javaClassURIScheme, 0, ARQConstants.javaClassURIScheme.length());
    }

    static String javaRefusal(String iri) {
        return "<" + iri + "> is not allowed: functions named by a java: IRI would load a class by name";
    }

    /**
     * The names of the named graphs a dataset holds, as a set that answers
     * {@code contains} by looking the one name up, in a read transaction, and lists them all
     * only when iterated: checking the few graphs a query names costs the same on a dataset of
     * ten thousand graphs as on one of ten.
     */
    public static Set<String> heldGraphs(DatasetGraph dataset) {
        return new AbstractSet<>() {
            @Override
            public boolean contains(Object name) {
                return name instanceof String iri
                        && Txn.calculateRead(dataset, () -> dataset.containsGraph(NodeFactory.createURI(iri)));
            }

            @Override
            public Iterator<String> iterator() {
                return graphNames(dataset).iterator();
            }

            @Override
            public int size() {
                return graphNames(dataset).size();
            }
        };
    }

    /** The names of the named graphs a dataset holds, as strings, read in a transaction. */
    public static Set<String> graphNames(DatasetGraph dataset) {
        Set<String> names = new TreeSet<>();
        Txn.executeRead(dataset, () -> dataset.listGraphNodes().forEachRemaining(n -> names.add(n.getURI())));
        return names;
    }
}
