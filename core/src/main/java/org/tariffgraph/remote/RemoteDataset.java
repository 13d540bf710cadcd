package org.tariffgraph.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shared.AddDeniedException;
import org.apache.jena.shared.DeleteDeniedException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphBaseFind;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Transactional;
import org.apache.jena.sparql.core.TransactionalNull;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphZero;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.system.Txn;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.tariffgraph.vocab.TG;

/**
 * tariffgraph's graphs in a remote SPARQL 1.1 store, as a Jena dataset: its named graphs are
 * the store's graphs under {@code https://w3id.org/tariffgraph/}, its default graph their
 * union as the store answers it. A query over it is sent to the store whole
 * ({@link RemoteQueryEngine}); a {@code find} is one SELECT; a whole named graph is read by the
 * Graph Store Protocol when the store has one. It is read-only: {@link #push} replaces graphs.
 *
 * <p>Transactions are accepted and do nothing: a remote store keeps no snapshot across
 * requests, so two queries in one "read transaction" may see different data if the store is
 * written to meanwhile.
 *
 * <p>Blank nodes cannot be sent back to a store (an answer names them only within itself), so
 * a {@code find} with a blank node is refused; the whole graph that holds it (the ontology's
 * lists and restrictions) can be read with {@link #getGraph}{@code .find()}.
 */
public final class RemoteDataset extends DatasetGraphBaseFind {

    private static final String PREFIX = TG.BASE;
    private static final Var G = Var.alloc("g");
    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var O = Var.alloc("o");

    private final SparqlClient client;
    private final PrefixMap prefixes;
    private final Transactional txn = TransactionalNull.create();
    private boolean virtuoso;

    private RemoteDataset(SparqlClient client, PrefixMap prefixes) {
        this.client = client;
        this.prefixes = prefixes;
    }

    /**
     * Connects to the store and checks what can be checked before any data is read: that it
     * answers SPARQL queries, and that it holds no graphs but tariffgraph's, apart from
     * Virtuoso's own system graphs, which Virtuoso always has. Call
     * {@link #checkUnionDefaultGraph()} once the store holds data.
     *
     * @param timeout  the longest a request of the library's own (a find, a count) may wait for the store
     * @param prefixes the prefixes of the data, which a store does not keep
     * @throws RemoteStoreException if the store cannot be reached or does not meet the assumptions
     */
    public static RemoteDataset connect(RemoteStore store, Duration timeout, PrefixMap prefixes) {
        RemoteQueryEngine.register();
        RemoteDataset dataset = new RemoteDataset(new SparqlClient(store, timeout), PrefixMapFactory.create(prefixes));
        dataset.probe();
        return dataset;
    }

    /** The graphs every Virtuoso holds of its own: its mapping schema, and the graphs it makes at start. */
    private static final List<String> VIRTUOSO_GRAPHS = List.of(
            "http://www.openlinksw.com/", "http://www.w3.org/ns/ldp#", "http://localuriqaserver/");

    private void probe() {
        SparqlClient.Call ask = client.call("ASK {}");
        ask.ask();
        virtuoso = ask.server().startsWith("Virtuoso");
        List<String> foreign = new ArrayList<>();
        for (String graph : allGraphs()) {
            if (!graph.startsWith(PREFIX) && !(virtuoso && VIRTUOSO_GRAPHS.stream().anyMatch(graph::startsWith))) {
                foreign.add(graph);
            }
        }
        if (!foreign.isEmpty()) {
            throw new RemoteStoreException(502, "The remote store at " + client.store().query() + " holds graphs that are not tariffgraph's ("
                    + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                    + (foreign.size() > 5 ? " and " + (foreign.size() - 5) + " more" : "")
                    + "): its default graph is the union of all its graphs, so their triples would be in the answers."
                    + " Give tariffgraph a store, repository or dataset of its own.");
        }
    }

    /**
     * Checks that the default graph is the union of the named graphs, with one triple of a
     * tariffgraph graph: a store whose default graph is a graph of its own (Fuseki without
     * {@code unionDefaultGraph}, Stardog without {@code query.all.graphs}) would answer every
     * query without {@code GRAPH} with nothing. Nothing is checked while the store holds no
     * graph of tariffgraph's.
     *
     * @throws RemoteStoreException if the triple is not in the default graph
     */
    public void checkUnionDefaultGraph() {
        List<Binding> sample = rows(client.call("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \""
                + PREFIX + "\") && !isBlank(?s) && !isBlank(?o)) } LIMIT 1"));
        if (sample.isEmpty()) {
            return;
        }
        Binding row = sample.get(0);
        String triple = term(row.get(S)) + " " + term(row.get(P)) + " " + term(row.get(O));
        if (!client.call("ASK { " + triple + " }").ask()) {
            throw new RemoteStoreException(502, "The default graph of the remote store at " + client.store().query()
                    + " is not the union of its named graphs: " + triple + " is in <" + row.get(G).getURI()
                    + "> but not in the default graph, so every query without GRAPH would miss it. Configure the store so"
                    + " (Fuseki and TDB2: tdb2:unionDefaultGraph true; Stardog: query.all.graphs=true).");
        }
    }

    /**
     * Whether the store said it is Virtuoso, whose default graph is the union of all its
     * graphs as a bag: its system graphs' triples are in it too, and a triple held by two
     * graphs matches twice.
     */
    public boolean isVirtuoso() {
        return virtuoso;
    }

    /** The store's every named graph, including those of others. */
    private Set<String> allGraphs() {
        Set<String> graphs = new TreeSet<>();
        // GROUP BY rather than DISTINCT: the same answer, and Virtuoso finds it forty times faster.
        for (Binding row : rows(client.call("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"))) {
            Node g = row.get(G);
            if (g != null && g.isURI()) {
                graphs.add(g.getURI());
            }
        }
        return graphs;
    }

    SparqlClient client() {
        return client;
    }

    /** The store this dataset reads. */
    public RemoteStore store() {
        return client.store();
    }

    /**
     * Makes the store's tariffgraph graphs those of {@code local}: each named graph is put
     * whole by the Graph Store Protocol, one request per graph, then read back and compared
     * value for value (see {@link StoredValues}); the
     * store's tariffgraph graphs that {@code local} does not hold are removed. It is not one
     * transaction: a failure leaves the graphs before it replaced and the others as they were,
     * and running the push again completes it.
     *
     * @param progress told of each graph as it is done
     * @throws RemoteStoreException if a request fails, or the store holds a graph otherwise
     *     than it was put: a triple lost, added, or a literal changed in value
     */
    public void push(DatasetGraph local, Consumer<String> progress) {
        List<Node> names = new ArrayList<>();
        local.listGraphNodes().forEachRemaining(names::add);
        names.sort((a, b) -> a.getURI().compareTo(b.getURI()));
        int done = 0;
        for (Node name : names) {
            Graph graph = local.getGraph(name);
            try {
                client.putGraph(name, graph);
                String difference = StoredValues.difference(graph, client.getGraph(name));
                if (difference != null) {
                    throw new RemoteStoreException(502, "The remote store does not hold <" + name.getURI() + "> as it was put: "
                            + difference + ". Its answers would not be the data's.");
                }
            } catch (RemoteStoreException e) {
                throw new RemoteStoreException(e.status(), e.getMessage() + " (" + done + " of " + names.size()
                        + " graphs were replaced before this one; push again to complete the load)", e);
            }
            done++;
            progress.accept("put <" + name.getURI() + ">: " + graph.size() + " triples (" + done + " of " + names.size() + ")");
        }
        if (virtuoso) {
            long held = 0;
            for (Node name : names) {
                held += local.getGraph(name).size();
            }
            long repeated = held - local.getUnionGraph().size();
            if (repeated > 0) {
                progress.accept("warning: " + repeated + " triples are held by more than one graph, and Virtuoso's default graph"
                        + " repeats a triple once for each graph that holds it: a query without GRAPH counts them more than once");
            }
        }
        Set<String> kept = new LinkedHashSet<>();
        names.forEach(n -> kept.add(n.getURI()));
        for (Node stale : listGraphs()) {
            if (!kept.contains(stale.getURI())) {
                client.deleteGraph(stale);
                progress.accept("removed <" + stale.getURI() + ">, which the files no longer hold");
            }
        }
    }

    /** The named graphs of tariffgraph in the store, sorted by name. */
    private List<Node> listGraphs() {
        List<Node> graphs = new ArrayList<>();
        for (String g : allGraphs()) {
            if (g.startsWith(PREFIX)) {
                graphs.add(NodeFactory.createURI(g));
            }
        }
        return graphs;
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        return listGraphs().iterator();
    }

    @Override
    public boolean containsGraph(Node graphNode) {
        if (Quad.isDefaultGraph(graphNode) || Quad.isUnionGraph(graphNode)) {
            return true;
        }
        return graphNode.isURI() && graphNode.getURI().startsWith(PREFIX)
                && client.call("ASK { GRAPH " + term(graphNode) + " { ?s ?p ?o } }").ask();
    }

    @Override
    public Graph getDefaultGraph() {
        return new RemoteGraph(null);
    }

    @Override
    public Graph getUnionGraph() {
        return getDefaultGraph();
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return Quad.isDefaultGraph(graphNode) || Quad.isUnionGraph(graphNode) ? getDefaultGraph() : new RemoteGraph(graphNode);
    }

    /**
     * tariffgraph's graphs read whole into an in-memory dataset, each by the Graph Store
     * Protocol when the store has one: for work that looks at the data many times, such as
     * the SHACL shapes.
     */
    public DatasetGraph copy() {
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        List<Node> names = listGraphs();
        Txn.executeWrite(copy, () -> {
            copy.prefixes().putAll(prefixes);
            for (Node name : names) {
                new RemoteGraph(name).find().forEachRemaining(t -> copy.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
            }
        });
        return copy;
    }

    /**
     * Finds in the named graphs only, as a local dataset with a union default graph does: the
     * default graph is a view of them and holds no triple of its own.
     */
    @Override
    protected Iterator<Quad> findAny(Node s, Node p, Node o) {
        return findInAnyNamedGraphs(s, p, o);
    }

    /**
     * The named graphs with an empty default graph, as they are stored: what an export writes,
     * without the union view's copy of every triple in the default graph.
     */
    public DatasetGraph storedGraphs() {
        return new DatasetGraphWrapper(this) {
            @Override
            public Graph getDefaultGraph() {
                return GraphZero.instance();
            }

            @Override
            public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
                return g != null && Quad.isDefaultGraph(g) ? Iter.nullIterator() : super.find(g, s, p, o);
            }

            @Override
            public Iterator<Quad> find(Quad quad) {
                return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
            }
        };
    }

    @Override
    protected Iterator<Quad> findInDftGraph(Node s, Node p, Node o) {
        return Iter.map(new RemoteGraph(null).find(s, p, o), t -> Quad.create(Quad.defaultGraphIRI, t));
    }

    @Override
    protected Iterator<Quad> findInSpecificNamedGraph(Node g, Node s, Node p, Node o) {
        if (!g.isURI() || !g.getURI().startsWith(PREFIX)) {
            return Iter.nullIterator();
        }
        return Iter.map(new RemoteGraph(g).find(s, p, o), t -> Quad.create(g, t));
    }

    @Override
    protected Iterator<Quad> findInAnyNamedGraphs(Node s, Node p, Node o) {
        if (isAny(s) && isAny(p) && isAny(o)) {
            return Iter.flatMap(listGraphs().iterator(), g -> findInSpecificNamedGraph(g, s, p, o));
        }
        String pattern = "GRAPH ?g { " + slot(s, "?s") + " " + slot(p, "?p") + " " + slot(o, "?o") + " }";
        RowSet rows = client.call("SELECT ?g ?s ?p ?o WHERE { " + pattern + " FILTER(STRSTARTS(STR(?g), \"" + PREFIX + "\")) }").select();
        return Iter.map(rows, row -> Quad.create(row.get(G), value(row, S, s), value(row, P, p), value(row, O, o)));
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        throw new AddDeniedException(readOnly());
    }

    @Override
    public void removeGraph(Node graphName) {
        throw new DeleteDeniedException(readOnly());
    }

    @Override
    public void add(Quad quad) {
        throw new AddDeniedException(readOnly());
    }

    @Override
    public void delete(Quad quad) {
        throw new DeleteDeniedException(readOnly());
    }

    private static String readOnly() {
        return "a remote store is read-only here: load it with 'tariffgraph load --remote', or update it through its own endpoint";
    }

    @Override
    public PrefixMap prefixes() {
        return prefixes;
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public boolean supportsTransactionAbort() {
        return false;
    }

    @Override
    public void begin(TxnType type) {
        txn.begin(type);
    }

    @Override
    public void begin(ReadWrite readWrite) {
        txn.begin(readWrite);
    }

    @Override
    public boolean promote(Promote mode) {
        return txn.promote(mode);
    }

    @Override
    public void commit() {
        txn.commit();
    }

    @Override
    public void abort() {
        txn.abort();
    }

    @Override
    public void end() {
        txn.end();
    }

    @Override
    public ReadWrite transactionMode() {
        return txn.transactionMode();
    }

    @Override
    public TxnType transactionType() {
        return txn.transactionType();
    }

    @Override
    public boolean isInTransaction() {
        return txn.isInTransaction();
    }

    @Override
    public long size() {
        return listGraphs().size();
    }

    @Override
    public String toString() {
        return "tariffgraph's graphs in the " + client.store();
    }

    /** Every row of a SELECT answer, read now. */
    private static List<Binding> rows(SparqlClient.Call call) {
        List<Binding> all = new ArrayList<>();
        RowSet rows = call.select();
        try {
            rows.forEachRemaining(all::add);
        } catch (RuntimeException e) {
            throw call.failure(e);
        } finally {
            call.close();
        }
        return all;
    }

    private static boolean isAny(Node n) {
        return n == null || n == Node.ANY;
    }

    /** A term of a find as SPARQL: the variable when it is any, refused when it is a blank node. */
    private static String slot(Node n, String var) {
        return isAny(n) ? var : term(n);
    }

    static String term(Node n) {
        if (n.isBlank()) {
            throw new RemoteStoreException(502, "a blank node cannot be sent back to a remote store: an answer names it only within"
                    + " itself; read the whole graph that holds it instead");
        }
        return FmtUtils.stringForNode(n);
    }

    private static Node value(Binding row, Var var, Node given) {
        return isAny(given) ? row.get(var) : given;
    }

    /**
     * A graph of the store, or its default graph (the union) when {@code name} is null: each
     * find is a SELECT, the default graph's with DISTINCT since a store such as Virtuoso
     * repeats a triple once for each graph that holds it; a whole named graph is read by the
     * Graph Store Protocol when the store has one.
     */
    private final class RemoteGraph extends GraphBase {
        private final Node name;

        RemoteGraph(Node name) {
            this.name = name;
            getPrefixMapping().setNsPrefixes(org.apache.jena.riot.system.Prefixes.adapt(prefixes));
        }

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
            Node s = pattern.getMatchSubject();
            Node p = pattern.getMatchPredicate();
            Node o = pattern.getMatchObject();
            if (name != null && isAny(s) && isAny(p) && isAny(o) && client.hasGsp()) {
                return client.getGraph(name).find();
            }
            String triple = slot(s, "?s") + " " + slot(p, "?p") + " " + slot(o, "?o");
            String where = name == null ? triple : "GRAPH " + term(name) + " { " + triple + " }";
            SparqlClient.Call call = client.call("SELECT " + (name == null ? "DISTINCT " : "") + "?s ?p ?o WHERE { " + where + " }");
            RowSet rows = call.select();
            Iterator<Triple> triples = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    try {
                        boolean more = rows.hasNext();
                        if (!more) {
                            call.close();
                        }
                        return more;
                    } catch (RuntimeException e) {
                        call.close();
                        throw call.failure(e);
                    }
                }

                @Override
                public Triple next() {
                    Binding row = rows.next();
                    return Triple.create(value(row, S, s), value(row, P, p), value(row, O, o));
                }
            };
            return WrappedIterator.create(triples);
        }

        @Override
        protected int graphBaseSize() {
            String triples = name == null ? "{ SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }" : "GRAPH " + term(name) + " { ?s ?p ?o }";
            List<Binding> rows = rows(client.call("SELECT (COUNT(*) AS ?n) WHERE { " + triples + " }"));
            Node n = rows.isEmpty() ? null : rows.get(0).get(Var.alloc("n"));
            return n == null ? 0 : (int) Math.min(Integer.MAX_VALUE, Long.parseLong(n.getLiteralLexicalForm()));
        }

        @Override
        public void performAdd(Triple t) {
            throw new AddDeniedException(readOnly());
        }

        @Override
        public void performDelete(Triple t) {
            throw new DeleteDeniedException(readOnly());
        }
    }
}
