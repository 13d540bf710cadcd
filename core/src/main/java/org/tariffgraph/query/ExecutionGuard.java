package org.tariffgraph.query;

import java.util.Iterator;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * Rules that hold while a query or update runs, installed in its execution context, so that
 * they apply in whatever syntactic position, and however late, a function is reached: no
 * {@code java:} functions, and bounds on what expressions build.
 *
 * <p>Jena finds a function, or a property function, by its IRI in a registry, and for an IRI
 * of the form {@code java:some.Class} its registry loads that class. {@link QueryGuard}
 * refuses such IRIs where they are written in a query, but a function can also be named by a
 * value ({@code fn:apply(IRI(CONCAT("java:", ...)), ...)}), which no static check sees. Here
 * both registries of the context refuse every {@code java:} IRI before any class is loaded,
 * and hand every other lookup to the registries they replace.
 *
 * <pre>{@code
 * Context context = ARQ.getContext().copy();
 * ExecutionGuard.install(context);
 * QueryExec.newBuilder().dataset(dataset).query(query).context(context).build();
 * }</pre>
 */
public final class ExecutionGuard {

    /** The most rows a sort or DISTINCT keeps in memory before it spills to disk. */
    static final long SPILL_ROWS = 10_000;

    private ExecutionGuard() {}

    /** {@link #install(Context, AnswerLimits)} with the {@link AnswerLimits#defaults() default limits} of this JVM. */
    public static void install(Context context) {
        install(context, AnswerLimits.defaults());
    }

    /**
     * Makes every query and update run in {@code context} refuse {@code java:} functions and
     * property functions, and bound the strings their expressions build by {@code limits} (see
     * {@link BoundedExpressions}). Sorting and DISTINCT keep at most {@value #SPILL_ROWS} rows
     * in memory and spill the rest to temporary files.
     */
    public static void install(Context context, AnswerLimits limits) {
        FunctionRegistry functions = FunctionRegistry.get(context);
        if (!(functions instanceof GuardedFunctions)) {
            FunctionRegistry.set(context, new GuardedFunctions(functions != null ? functions : FunctionRegistry.get()));
        }
        PropertyFunctionRegistry properties = PropertyFunctionRegistry.get(context);
        if (!(properties instanceof GuardedPropertyFunctions)) {
            PropertyFunctionRegistry.set(context, new GuardedPropertyFunctions(PropertyFunctionRegistry.chooseRegistry(context)));
        }
        BoundedExpressions.install(context, limits);
        if (!context.isDefined(ARQ.spillToDiskThreshold)) {
            context.set(ARQ.spillToDiskThreshold, SPILL_ROWS);
        }
    }

    private static void refuseJava(String iri) {
        if (QueryGuard.isJava(iri)) {
            throw new QueryDeniedException(QueryGuard.javaRefusal(iri));
        }
    }

    /** The function registry of a guarded context: the one it replaces, without {@code java:} IRIs, its functions bounded. */
    private static final class GuardedFunctions extends FunctionRegistry {
        private final FunctionRegistry base;

        GuardedFunctions(FunctionRegistry base) {
            this.base = base;
        }

        @Override
        public FunctionFactory get(String uri) {
            refuseJava(uri);
            FunctionFactory factory = super.isRegistered(uri) ? super.get(uri) : base.get(uri);
            return factory == null ? null : BoundedExpressions.bounded(factory);
        }

        @Override
        public boolean isRegistered(String uri) {
            return !QueryGuard.isJava(uri) && (super.isRegistered(uri) || base.isRegistered(uri));
        }

        @Override
        public Iterator<String> keys() {
            return base.keys();
        }
    }

    /** The property-function registry of a guarded context: the one it replaces, without {@code java:} IRIs. */
    private static final class GuardedPropertyFunctions extends PropertyFunctionRegistry {
        private final PropertyFunctionRegistry base;

        GuardedPropertyFunctions(PropertyFunctionRegistry base) {
            this.base = base;
        }

        @Override
        public boolean manages(String uri) {
            refuseJava(uri);
            return super.isRegistered(uri) || base.manages(uri);
        }

        @Override
        public PropertyFunctionFactory get(String uri) {
            refuseJava(uri);
            return super.isRegistered(uri) ? super.get(uri) : base.get(uri);
        }

        @Override
        public boolean isRegistered(String uri) {
            return !QueryGuard.isJava(uri) && (super.isRegistered(uri) || base.isRegistered(uri));
        }

        @Override
        public Iterator<String> keys() {
            return base.keys();
        }
    }
}
