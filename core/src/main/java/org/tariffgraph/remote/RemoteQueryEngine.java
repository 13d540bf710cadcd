package org.tariffgraph.remote;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIteratorBase;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.expr.E_Str;
import org.apache.jena.sparql.expr.E_StrStartsWith;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransform;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.tariffgraph.query.QueryGuard;
import org.tariffgraph.vocab.TG;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.PrintSerializableBase;

/**
 * Runs a query over a {@link RemoteDataset} by sending it whole to the store, so that the
 * store's own engine and indexes answer it, not a pattern at a time over HTTP. Registered with
 * Jena, it serves every way a query reaches the dataset: the library's runner, the checks,
 * and the endpoint's query operation, each with its time-out, which stops the request.
 *
 * <p>SELECT is sent as it is and ASK as ASK. CONSTRUCT, DESCRIBE and JSON queries are sent as
 * the SELECT of the variables their templates use, with the same pattern and modifiers, and
 * Jena builds their answers from the rows here, as it does for a local dataset.
 *
 * <p>Before anything is sent, a function named by an IRI is refused unless it is an XML
 * Schema cast or an XPath or math function of the W3C: a store's own functions (Virtuoso's
 * {@code bif:} and {@code sql:}) can read files or fetch URLs, which the endpoint never does
 * on a client's behalf. Predicates in those namespaces are refused as well.
 */
final class RemoteQueryEngine implements QueryEngineFactory {

    private static final RemoteQueryEngine INSTANCE = new RemoteQueryEngine();
    private static final List<String> ALLOWED_FUNCTIONS = List.of(
            "http://www.w3.org/2001/XMLSchema#",
            "http://www.w3.org/2005/xpath-functions#",
            "http://www.w3.org/2005/xpath-functions/math#");
    private static final List<String> STORE_NAMESPACES = List.of(
            "http://www.openlinksw.com/schemas/bif#",
            "http://www.openlinksw.com/schemas/sql#");
    /** Jena's full-text search, whose index is kept beside a local dataset and never in a remote store. */
    private static final String JENA_TEXT = "http://jena.apache.org/text#";

    private static boolean registered;

    private RemoteQueryEngine() {}

    /** Registers the engine with Jena, once. */
    static synchronized void register() {
        if (!registered) {
            QueryEngineRegistry.addFactory(INSTANCE);
            registered = true;
        }
    }

    /**
     * Takes every query over a remote dataset that a SPARQL 1.1 store can read. A query in
     * Jena's extended syntax alone (such as {@code LATERAL}) is left to Jena's own engine,
     * which answers it here pattern by pattern, each pattern a query to the store: slower,
     * but the same answer. A query that may not be sent is taken, to be refused.
     */
    @Override
    public boolean accept(Query query, DatasetGraph dataset, Context context) {
        return dataset instanceof RemoteDataset && (isSparql11(query) || refusal(query) != null);
    }

    private static boolean isSparql11(Query query) {
        try {
            QueryFactory.create(query.serialize(), Syntax.syntaxSPARQL_11);
            return true;
        } catch (QueryParseException e) {
            return false;
        }
    }

    @Override
    public Plan create(Query query, DatasetGraph dataset, Binding inputBinding, Context context) {
        if (inputBinding != null && !inputBinding.isEmpty()) {
            throw new UnsupportedOperationException("initial bindings are not sent to a remote store; substitute them into the query");
        }
        String refusal = refusal(query);
        if (refusal != null) {
            throw new QueryDeniedException(refusal);
        }
        return new RemotePlan(((RemoteDataset) dataset).client(), query);
    }

    /** Plans built from algebra (as updates and {@code SERVICE} need) are not run remotely. */
    @Override
    public boolean accept(Op op, DatasetGraph dataset, Context context) {
        return false;
    }

    @Override
    public Plan create(Op op, DatasetGraph dataset, Binding inputBinding, Context context) {
        throw new UnsupportedOperationException("algebra is not run on a remote store");
    }

    /** Why the query may not be sent to the store, or null if it may. */
    static String refusal(Query query) {
        return QueryGuard.firstProblem(query, iri -> ALLOWED_FUNCTIONS.stream().anyMatch(iri::startsWith) ? null
                : "<" + iri + ">: a remote store is sent only the functions of SPARQL and the W3C's"
                        + " XML Schema casts, XPath and math functions; a store's own functions may read files or fetch URLs",
                RemoteQueryEngine::predicateProblem);
    }

    private static String predicateProblem(Node predicate) {
        if (predicate.isURI() && predicate.getURI().startsWith(JENA_TEXT)) {
            return "<" + predicate.getURI() + ">: full-text search reads Jena's text index, which is built beside a local"
                    + " dataset and not kept in a remote store; search with the store's own full-text search, or over a local copy";
        }
        if (predicate.isURI() && STORE_NAMESPACES.stream().anyMatch(predicate.getURI()::startsWith)) {
            return "<" + predicate.getURI() + ">: a store's own functions are not sent to it, since they may read files or fetch URLs";
        }
        return null;
    }

    /**
     * The query as the store is sent it: a SELECT as it is; for CONSTRUCT, DESCRIBE and JSON
     * queries, the SELECT of the variables their templates use, over the same pattern, with
     * the same dataset, grouping, order, slice and VALUES; null for a DESCRIBE of IRIs alone.
     */
    static Query remoteForm(Query query) {
        if (query.isSelectType() || query.isAskType()) {
            return query;
        }
        if (query.isDescribeType() && (query.getQueryPattern() == null || isEmpty(query.getQueryPattern()))) {
            return null;
        }
        Query select = new Query();
        select.setQuerySelectType();
        select.setPrefixMapping(query.getPrefixMapping());
        if (query.explicitlySetBaseURI()) {
            select.setBaseURI(query.getBaseURI());
        }
        query.getGraphURIs().forEach(select::addGraphURI);
        query.getNamedGraphURIs().forEach(select::addNamedGraphURI);
        select.setQueryPattern(query.getQueryPattern());
        Collection<Var> vars = templateVars(query);
        if (vars.isEmpty()) {
            select.setQueryResultStar(true);
        } else {
            vars.forEach(select::addResultVar);
        }
        if (query.hasGroupBy()) {
            query.getGroupBy().forEachVarExpr((v, e) -> select.addGroupBy(v, e));
        }
        if (query.hasHaving()) {
            query.getHavingExprs().forEach(select::addHavingCondition);
        }
        if (query.hasOrderBy()) {
            query.getOrderBy().forEach(select::addOrderBy);
        }
        if (query.hasLimit()) {
            select.setLimit(query.getLimit());
        }
        if (query.hasOffset()) {
            select.setOffset(query.getOffset());
        }
        if (query.hasValues()) {
            select.setValuesDataBlock(query.getValuesVariables(), query.getValuesData());
        }
        return select;
    }

    /**
     * Keeps every {@code GRAPH ?var} to tariffgraph's graphs, with a filter on the graph's
     * name beside it: a store may hold graphs of its own (Virtuoso's system graphs always are),
     * which are no part of the dataset. Reaches into groups, unions, optionals, {@code EXISTS}
     * and subqueries.
     */
    static Query scopeNamedGraphs(Query query) {
        ElementTransform scope = new ElementTransformCopyBase() {
            @Override
            public Element transform(ElementNamedGraph el, Node gn, Element subElt) {
                ElementNamedGraph graph = new ElementNamedGraph(gn, subElt);
                if (!Var.isVar(gn)) {
                    return graph;
                }
                ElementGroup group = new ElementGroup();
                group.addElement(graph);
                group.addElementFilter(new ElementFilter(new E_StrStartsWith(new E_Str(new ExprVar(gn)),
                        NodeValue.makeString(TG.BASE))));
                return group;
            }
        };
        return QueryTransformOps.transform(query, scope);
    }

    private static boolean isEmpty(Element pattern) {
        return pattern instanceof ElementGroup group && group.isEmpty();
    }

    private static Collection<Var> templateVars(Query query) {
        Set<Var> vars = new LinkedHashSet<>();
        if (query.isConstructType()) {
            for (Quad quad : query.getConstructTemplate().getQuads()) {
                for (Node n : new Node[] {quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject()}) {
                    if (Var.isVar(n)) {
                        vars.add(Var.alloc(n));
                    }
                }
            }
        } else if (query.isDescribeType()) {
            if (!query.isQueryResultStar()) {
                vars.addAll(query.getProjectVars());
            }
        } else if (query.isJsonType()) {
            query.getJsonMapping().values().stream().filter(Var::isVar).forEach(n -> vars.add(Var.alloc(n)));
        }
        return vars;
    }

    /** One remote execution: its rows, read as Jena asks for them, and stopped when it is cancelled. */
    private static final class RemotePlan extends PrintSerializableBase implements Plan {
        private final SparqlClient client;
        private final Query query;

        RemotePlan(SparqlClient client, Query query) {
            this.client = client;
            this.query = query;
        }

        @Override
        public Op getOp() {
            return Algebra.compile(query);
        }

        @Override
        public QueryIterator iterator() {
            return new RemoteRows(client, query);
        }

        @Override
        public void close() {}

        @Override
        public void output(IndentedWriter out, SerializationContext sCxt) {
            out.print("(remote " + client.store().query() + ")");
        }
    }

    /**
     * The rows of the store's answer. The request is sent when the first row is asked for;
     * cancelling (a time-out, a client gone) aborts it, and the reader then stops with
     * {@link QueryCancelledException}.
     */
    private static final class RemoteRows extends QueryIteratorBase {
        private final SparqlClient client;
        private final Query query;
        private volatile SparqlClient.Call call;
        private volatile boolean cancelled;
        private RowSet rows;
        private boolean started;
        private Binding single;

        RemoteRows(SparqlClient client, Query query) {
            this.client = client;
            this.query = query;
        }

        private void start() {
            started = true;
            Query remote = remoteForm(query);
            if (remote == null) {
                single = BindingFactory.empty();
                return;
            }
            call = client.call(scopeNamedGraphs(remote).serialize());
            if (cancelled) {
                call.abort();
            }
            if (query.isAskType()) {
                single = call.ask() ? BindingFactory.empty() : null;
            } else {
                rows = call.select();
            }
        }

        @Override
        protected boolean hasNextBinding() {
            try {
                if (!started) {
                    start();
                }
                if (rows == null) {
                    return single != null;
                }
                return rows.hasNext();
            } catch (QueryCancelledException | QueryDeniedException | RemoteStoreException e) {
                throw e;
            } catch (RuntimeException e) {
                throw call != null ? call.failure(e) : e;
            }
        }

        @Override
        protected Binding moveToNextBinding() {
            if (rows == null) {
                Binding b = single;
                single = null;
                return b;
            }
            try {
                return rows.next();
            } catch (RuntimeException e) {
                throw call.failure(e);
            }
        }

        @Override
        protected void closeIterator() {
            SparqlClient.Call c = call;
            if (c != null) {
                c.close();
            }
        }

        @Override
        protected void requestCancel() {
            cancelled = true;
            SparqlClient.Call c = call;
            if (c != null) {
                c.abort();
            }
        }

        @Override
        public void output(IndentedWriter out, SerializationContext sCxt) {
            out.print("(remote rows)");
        }
    }
}
