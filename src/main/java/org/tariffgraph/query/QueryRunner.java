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
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;

/**
 * Runs a query to completion over a dataset, within a time limit and a policy on federated
 * queries.
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
        return Txn.calculateRead(dataset, () -> {
            var builder = QueryExec.newBuilder().dataset(dataset).query(query).context(context);
            if (!timeout.isZero() && !timeout.isNegative()) {
                builder.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            try (QueryExec exec = builder.build()) {
                if (query.isSelectType()) {
                    RowSet rows = exec.select();
                    List<Binding> all = new ArrayList<>();
                    rows.forEachRemaining(all::add);
                    return QueryResult.rows(rows.getResultVars(), all);
                }
                if (query.isAskType()) {
                    return QueryResult.bool(exec.ask());
                }
                if (query.isJsonType()) {
                    List<JsonObject> items = new ArrayList<>();
                    exec.execJsonItems().forEachRemaining(items::add);
                    return QueryResult.json(items);
                }
                if (query.isConstructQuad()) {
                    DatasetGraph quads = DatasetGraphFactory.create();
                    quads.prefixes().putAll(org.apache.jena.riot.system.Prefixes.adapt(query.getPrefixMapping()));
                    exec.constructQuads().forEachRemaining(quads::add);
                    return QueryResult.dataset(quads);
                }
                Graph graph = GraphFactory.createDefaultGraph();
                graph.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
                if (query.isConstructType()) {
                    exec.construct(graph);
                } else {
                    exec.describe(graph);
                }
                return QueryResult.graph(graph);
            }
        });
    }
}
