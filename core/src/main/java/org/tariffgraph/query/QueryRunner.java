package org.tariffgraph.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.riot.system.Prefixes;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;

/**
 * Runs a query to completion over a dataset, within a time limit and a policy on federated
 * queries, in a context guarded by {@link ExecutionGuard}.
 *
 * <pre>{@code
 * QueryResult result = QueryRunner.create(dataset).timeout(Duration.ofSeconds(10)).run("SELECT * { ?s ?p ?o } LIMIT 1");
 * }</pre>
 */
public final class QueryRunner {

    private final DatasetGraph dataset;
    private Duration timeout = Duration.ofSeconds(10);
    private ServicePolicy services = ServicePolicy.none();
    private AnswerLimits limits = AnswerLimits.defaults();

    private QueryRunner(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    public static QueryRunner create(DatasetGraph dataset) {
        return new QueryRunner(dataset);
    }

    /** The longest a query may run; zero or negative for no limit. Ten seconds by default. */
    public QueryRunner timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * Checks a time-out given to an option that always sets a limit.
     *
     * @throws IllegalArgumentException if it is zero or negative
     */
    public static Duration positive(Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
        return timeout;
    }

    /** Which endpoints {@code SERVICE} may call; none by default. */
    public QueryRunner services(ServicePolicy services) {
        this.services = services;
        return this;
    }

    /**
     * How much memory a query may take: its answer, and the strings its expressions build;
     * {@link AnswerLimits#defaults()}, from this JVM's heap, by default.
     */
    public QueryRunner limits(AnswerLimits limits) {
        this.limits = limits;
        return this;
    }

    /**
     * Parses and runs a query.
     *
     * @throws org.apache.jena.query.QueryParseException if the text is not SPARQL
     * @throws org.apache.jena.query.QueryDeniedException if it could reach outside the dataset (see {@link QueryGuard})
     * @throws org.apache.jena.query.QueryCancelledException if it runs out of time
     * @throws AnswerTooLargeException if its answer passes the limits
     * @throws StringTooLongException if its expressions build more than the limits allow
     */
    public QueryResult run(String queryText) {
        return run(QueryFactory.create(queryText));
    }

    /**
     * Parses and runs a SELECT query; see {@link #run(String)}.
     *
     * @throws IllegalArgumentException if the text is another kind of query
     */
    public QueryResult.Rows select(String queryText) {
        Query query = QueryFactory.create(queryText);
        if (!query.isSelectType()) {
            throw new IllegalArgumentException("not a SELECT query");
        }
        return (QueryResult.Rows) run(query);
    }

    /** Runs a parsed query; see {@link #run(String)}. */
    public QueryResult run(Query query) {
        Set<String> graphs = QueryGuard.heldGraphs(dataset);
        String refusal = new QueryGuard(services).refusal(query, graphs);
        if (refusal != null) {
            throw new QueryDeniedException(refusal);
        }
        // The dataset's own settings too, such as its text index.
        Context context = ARQ.getContext().copy();
        context.putAll(dataset.getContext());
        services.install(context);
        ExecutionGuard.install(context, limits);
        return Txn.calculateRead(dataset, () -> {
            var builder = QueryExec.newBuilder().dataset(dataset).query(query).context(context);
            if (!timeout.isZero() && !timeout.isNegative()) {
                builder.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            try (QueryExec exec = builder.build()) {
                return complete(exec, query, limits);
            }
        });
    }

    /** {@link #complete(QueryExec, Query, AnswerLimits)} with a limit on the number of items alone. */
    public static QueryResult complete(QueryExec exec, Query query, long maxItems) {
        return complete(exec, query, new AnswerLimits(maxItems, Long.MAX_VALUE, Long.MAX_VALUE));
    }

    /**
     * Reads the whole answer of an execution into memory, counting as it goes: rows for
     * SELECT, triples for CONSTRUCT and DESCRIBE, quads for a CONSTRUCT with GRAPH templates,
     * objects for a JSON query; and the bytes they take, estimated from the characters of
     * their terms (two bytes each, as if none were shared) and a fixed cost per term and item.
     * A DESCRIBE is counted as its descriptions are added, not once they are all made.
     *
     * @throws AnswerTooLargeException as soon as a count passes its limit
     * @throws org.apache.jena.query.QueryCancelledException if the execution runs out of time
     */
    public static QueryResult complete(QueryExec exec, Query query, AnswerLimits limits) {
        if (query.isSelectType()) {
            RowSet rows = exec.select();
            List<Var> vars = rows.getResultVars();
            Meter meter = new Meter(limits, "rows");
            List<Binding> all = new ArrayList<>();
            rows.forEachRemaining(row -> {
                meter.add(AnswerSize.of(row, vars));
                all.add(row);
            });
            return new QueryResult.Rows(vars, all);
        }
        if (query.isAskType()) {
            return new QueryResult.Ask(exec.ask());
        }
        if (query.isJsonType()) {
            Meter meter = new Meter(limits, "items");
            List<JsonObject> items = new ArrayList<>();
            exec.execJsonItems().forEachRemaining(item -> {
                meter.add(AnswerSize.of(item));
                items.add(item);
            });
            return new QueryResult.JsonItems(items);
        }
        if (query.isConstructQuad()) {
            Meter meter = new Meter(limits, "quads");
            DatasetGraph quads = DatasetGraphFactory.create();
            quads.prefixes().putAll(Prefixes.adapt(query.getPrefixMapping()));
            exec.constructQuads().forEachRemaining(quad -> {
                if (!quads.contains(quad)) {
                    meter.add(AnswerSize.of(quad));
                    quads.add(quad);
                }
            });
            return new QueryResult.Quads(quads);
        }
        Graph graph = GraphFactory.createDefaultGraph();
        graph.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
        Meter meter = new Meter(limits, "triples");
        Graph counted = new GraphWrapper(graph) {
            @Override
            public void add(Triple triple) {
                if (!graph.contains(triple)) {
                    meter.add(AnswerSize.of(triple));
                    graph.add(triple);
                }
            }
        };
        if (query.isConstructType()) {
            exec.constructTriples().forEachRemaining(counted::add);
        } else {
            exec.describe(counted);
        }
        return new QueryResult.Triples(graph);
    }

    /** The items and bytes of an answer read so far, against their limits. */
    private static final class Meter {
        private final AnswerLimits limits;
        private final String unit;
        private long items;
        private long bytes;

        Meter(AnswerLimits limits, String unit) {
            this.limits = limits;
            this.unit = unit;
        }

        void add(long itemBytes) {
            items++;
            bytes += itemBytes;
            if (items > limits.maxItems()) {
                throw new AnswerTooLargeException(unit, limits.maxItems());
            }
            if (bytes > limits.maxBytes()) {
                throw new AnswerTooLargeException("bytes", limits.maxBytes());
            }
        }
    }
}
