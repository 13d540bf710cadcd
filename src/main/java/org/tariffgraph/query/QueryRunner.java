package org.tariffgraph.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.riot.system.Prefixes;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
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
     * Parses and runs a query.
     *
     * @throws org.apache.jena.query.QueryParseException if the text is not SPARQL
     * @throws org.apache.jena.query.QueryDeniedException if it could reach outside the dataset (see {@link QueryGuard})
     * @throws org.apache.jena.query.QueryCancelledException if it runs out of time
     */
    public QueryResult run(String queryText) {
        return run(QueryFactory.create(queryText));
    }

    /** Runs a parsed query; see {@link #run(String)}. */
    public QueryResult run(Query query) {
        Set<String> graphs = QueryGuard.graphNames(dataset);
        String refusal = new QueryGuard(services).refusal(query, graphs);
        if (refusal != null) {
            throw new QueryDeniedException(refusal);
        }
        Context context = ARQ.getContext().copy();
        services.install(context);
        ExecutionGuard.install(context);
        return Txn.calculateRead(dataset, () -> {
            var builder = QueryExec.newBuilder().dataset(dataset).query(query).context(context);
            if (!timeout.isZero() && !timeout.isNegative()) {
                builder.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            try (QueryExec exec = builder.build()) {
                return complete(exec, query, Long.MAX_VALUE);
            }
        });
    }

    /**
     * Reads the whole answer of an execution into memory, counting as it goes: rows for
     * SELECT, triples for CONSTRUCT and DESCRIBE, quads for a CONSTRUCT with GRAPH templates,
     * objects for a JSON query.
     *
     * @throws AnswerTooLargeException as soon as the count passes {@code maxItems}
     * @throws org.apache.jena.query.QueryCancelledException if the execution runs out of time
     */
    public static QueryResult complete(QueryExec exec, Query query, long maxItems) {
        if (query.isSelectType()) {
            RowSet rows = exec.select();
            List<Binding> all = new ArrayList<>();
            rows.forEachRemaining(row -> add(all, row, maxItems, "rows"));
            return QueryResult.rows(rows.getResultVars(), all);
        }
        if (query.isAskType()) {
            return QueryResult.bool(exec.ask());
        }
        if (query.isJsonType()) {
            List<JsonObject> items = new ArrayList<>();
            exec.execJsonItems().forEachRemaining(item -> add(items, item, maxItems, "items"));
            return QueryResult.json(items);
        }
        if (query.isConstructQuad()) {
            DatasetGraph quads = DatasetGraphFactory.create();
            quads.prefixes().putAll(Prefixes.adapt(query.getPrefixMapping()));
            long[] count = {0};
            exec.constructQuads().forEachRemaining(quad -> {
                quads.add(quad);
                check(++count[0], maxItems, "quads");
            });
            return QueryResult.dataset(quads);
        }
        Graph graph = GraphFactory.createDefaultGraph();
        graph.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
        if (query.isConstructType()) {
            exec.constructTriples().forEachRemaining(triple -> {
                graph.add(triple);
                check(graph.size(), maxItems, "triples");
            });
        } else {
            exec.describe(graph);
            check(graph.size(), maxItems, "triples");
        }
        return QueryResult.graph(graph);
    }

    private static <T> void add(List<T> list, T item, long maxItems, String unit) {
        list.add(item);
        check(list.size(), maxItems, unit);
    }

    private static void check(long count, long maxItems, String unit) {
        if (count > maxItems) {
            throw new AnswerTooLargeException(unit, maxItems);
        }
    }
}
