package org.tariffgraph.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * Which remote endpoints a federated query ({@code SERVICE}) may call: none unless named.
 *
 * <p>A query is checked before it runs ({@link #refusal(Query)}), and the same rule is installed
 * in the execution context ({@link #install(Context)}), so that a {@code SERVICE} reached in
 * a way the static check cannot see, such as inside {@code EXISTS}, is refused too.
 */
public final class ServicePolicy {

    private final Set<String> allowed;

    private ServicePolicy(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** No federated queries at all. */
    public static ServicePolicy none() {
        return new ServicePolicy(Set.of());
    }

    /** Federated queries to exactly these endpoint IRIs. */
    public static ServicePolicy allow(Iterable<String> endpoints) {
        Set<String> set = new TreeSet<>();
        endpoints.forEach(set::add);
        return new ServicePolicy(set);
    }

    public Set<String> allowed() {
        return allowed;
    }

    /** The reason a query may not run, or null if every SERVICE in it is allowed. */
    public String refusal(Query query) {
        List<String> refused = new ArrayList<>();
        // The walker enters the patterns of EXISTS and NOT EXISTS too.
        Walker.walk(Algebra.compile(query), new OpVisitorBase() {
            @Override
            public void visit(OpService op) {
                String reason = refusal(op.getService());
                if (reason != null) {
                    refused.add(reason);
                }
            }
        }, new ExprVisitorBase());
        return refused.isEmpty() ? null : refused.get(0);
    }

    private String refusal(Node service) {
        if (!service.isURI()) {
            return "SERVICE with a variable endpoint is not allowed";
        }
        if (allowed.contains(service.getURI())) {
            return null;
        }
        return allowed.isEmpty()
                ? "SERVICE <" + service.getURI() + "> is not allowed: federated queries are off"
                : "SERVICE <" + service.getURI() + "> is not allowed: only " + allowed + " may be called";
    }

    /** Makes query execution in {@code context} refuse any endpoint not allowed. */
    public void install(Context context) {
        context.set(ARQ.httpServiceAllowed, !allowed.isEmpty());
        ServiceExecutorRegistry registry = ServiceExecutorRegistry.createFrom(ServiceExecutorRegistry.chooseRegistry(context));
        registry.addSingleLink((opExecute, opOriginal, binding, execCxt, chain) -> {
            String reason = refusal(opExecute.getService());
            if (reason != null) {
                throw new QueryDeniedException(reason);
            }
            return chain.createExecution(opExecute, opOriginal, binding, execCxt);
        });
        ServiceExecutorRegistry.set(context, registry);
    }
}
