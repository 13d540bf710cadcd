package org.tariffgraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.tariffgraph.export.Exporter;
import org.tariffgraph.export.NetworkExporter;
import org.tariffgraph.load.GraphLoader;
import org.tariffgraph.load.LoadException;
import org.tariffgraph.load.UnionDefaultGraph;
import org.tariffgraph.query.Catalogue;
import org.tariffgraph.query.CatalogueQuery;
import org.tariffgraph.query.QueryResult;
import org.tariffgraph.query.QueryRunner;
import org.tariffgraph.server.SparqlServer;
import org.tariffgraph.validate.EvidenceCheck;
import org.tariffgraph.validate.IdentifierCheck;
import org.tariffgraph.validate.Report;
import org.tariffgraph.validate.ShapeCheck;
import org.tariffgraph.validate.ViolationChecks;

/**
 * The tariffgraph knowledge graph: load it, validate it, query it, export it, serve it.
 *
 * <p>A graph is read from a home folder laid out as the repository is: the ontology in
 * {@code ontology/tariffgraph.ttl}, its SHACL shapes in {@code ontology/shapes.ttl}, its
 * violation queries in {@code ontology/checks/}, the facts as TriG files under
 * {@code data/}, and the query catalogue in {@code queries/}. Every option can be pointed
 * elsewhere.
 *
 * <pre>{@code
 * TariffGraph graph = TariffGraph.builder().home(Path.of(".")).build();
 * Report report = graph.validate();
 * if (!report.passed()) {
 *     throw new IllegalStateException(report.format());
 * }
 * QueryResult statements = graph.query("who-said-what");
 * for (Map<String, Node> row : statements.rowMaps()) {
 *     System.out.println(row.get("speaker").getLiteralLexicalForm() + ": " + row.get("words").getLiteralLexicalForm());
 * }
 * SparqlServer server = graph.server().port(3030).build().start();
 * }</pre>
 */
public final class TariffGraph {

    private static final Logger STORE_LOG = LoggerFactory.getLogger("org.tariffgraph.store");

    private final DatasetGraph store;
    private final DatasetGraph dataset;
    private final Path shapesFile;
    private final Path checksDir;
    private final Catalogue catalogue;
    private final Duration timeout;

    private TariffGraph(Builder builder) {
        this.store = builder.storeDir == null
                ? GraphLoader.load(builder.ontologyFile(), builder.dataDirs())
                : openStore(builder);
        this.dataset = UnionDefaultGraph.view(store);
        this.shapesFile = builder.shapesFile();
        this.checksDir = builder.checksDir();
        Path queries = builder.queriesDir();
        this.catalogue = builder.queriesDir != null || Files.isDirectory(queries)
                ? Catalogue.fromFolder(queries) : Catalogue.empty();
        this.timeout = builder.timeout;
    }

    /**
     * Opens the persistent store; fills it from the files, in one transaction, when it is
     * empty or when asked to replace what it holds.
     */
    private static DatasetGraph openStore(Builder builder) {
        DatasetGraph tdb;
        try {
            tdb = DatabaseMgr.connectDatasetGraph(builder.storeDir.toString());
        } catch (RuntimeException e) {
            throw new LoadException(builder.storeDir + ": cannot open the store: " + e.getMessage(), e);
        }
        boolean empty = Txn.calculateRead(tdb, () -> !tdb.listGraphNodes().hasNext());
        if (empty || builder.replaceStore) {
            GraphLoader.loadInto(tdb, builder.ontologyFile(), builder.dataDirs(), builder.replaceStore,
                    () -> STORE_LOG.info("writing the files into the store {} in one transaction", builder.storeDir));
            STORE_LOG.info("the store {} is committed", builder.storeDir);
        }
        return tdb;
    }

    /** Loads the graph from the current folder, laid out as the repository is. */
    public static TariffGraph load() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The loaded dataset: one named graph per source and for the ontology, entities and
     * enrichment; its default graph is the union of the named graphs.
     */
    public DatasetGraph dataset() {
        return dataset;
    }

    /**
     * Validates the data against the SHACL shapes and runs every violation query. The two
     * run side by side, each in its own read transaction.
     */
    public Report validate() {
        ShapeCheck shapes = ShapeCheck.fromFile(shapesFile);
        ViolationChecks checks = ViolationChecks.fromFolder(checksDir);
        CompletableFuture<Report> shapeReport = CompletableFuture.supplyAsync(
                () -> Txn.calculateRead(dataset, () -> shapes.validate(dataset.getDefaultGraph())));
        Report checkReport = checks.run(dataset);
        return shapeReport.join().and(checkReport);
    }

    /**
     * Checks every evidence span against the source texts in {@code sourcesDir}, and every
     * external identifier against the verified list in {@code sourcesDir/README.md}.
     */
    public Report checkEvidence(Path sourcesDir) {
        return EvidenceCheck.run(dataset, sourcesDir).and(IdentifierCheck.run(dataset, sourcesDir));
    }

    /** The query catalogue, read from {@code queries/}; empty when there is no such folder. */
    public Catalogue catalogue() {
        return catalogue;
    }

    /**
     * Runs a catalogue query by its id, or else the given SPARQL text, to completion over
     * the whole graph. Federated queries ({@code SERVICE}) are refused.
     *
     * @throws org.apache.jena.query.QueryParseException if the text is neither an id nor SPARQL
     * @throws org.apache.jena.query.QueryCancelledException if it runs longer than the time-out
     * @throws org.tariffgraph.query.AnswerTooLargeException if its answer would take more memory than the
     *     {@link org.tariffgraph.query.AnswerLimits#defaults() default limits} allow
     * @throws org.tariffgraph.query.StringTooLongException if its expressions build longer strings than they allow
     */
    public QueryResult query(String idOrText) {
        String text = catalogue.get(idOrText.strip()).map(CatalogueQuery::text).orElse(idOrText);
        return QueryRunner.create(dataset).timeout(timeout).run(text);
    }

    /** Triples per named graph, largest first. */
    public QueryResult triplesPerGraph() {
        return QueryRunner.create(dataset).timeout(timeout).run("""
                SELECT ?graph (COUNT(*) AS ?triples) WHERE { GRAPH ?graph { ?s ?p ?o } }
                GROUP BY ?graph ORDER BY DESC(?triples) ?graph""");
    }

    /** Instances per class over all graphs, most numerous first. */
    public QueryResult instancesPerClass() {
        return QueryRunner.create(dataset).timeout(timeout).run("""
                SELECT ?class (COUNT(DISTINCT ?instance) AS ?instances) WHERE { ?instance a ?class }
                GROUP BY ?class ORDER BY DESC(?instances) ?class""");
    }

    /** Writes the stored named graphs: all of them, or one. */
    public Exporter exporter() {
        return new Exporter(store);
    }

    /** The network of who said what about whom, for GraphML. */
    public NetworkExporter networkExporter() {
        return new NetworkExporter(dataset);
    }

    /** A server for this graph, to configure and start; read-only and loopback-only by default. */
    public SparqlServer.Builder server() {
        return SparqlServer.builder(dataset).timeout(timeout);
    }

    /** Options for loading a graph; every path defaults to the layout under {@link #home(Path)}. */
    public static final class Builder {
        private Path home = Path.of(System.getProperty("tariffgraph.home", "."));
        private Path ontologyFile;
        private Path shapesFile;
        private Path checksDir;
        private Path queriesDir;
        private Path storeDir;
        private boolean replaceStore;
        private Duration timeout = Duration.ofSeconds(10);
        private final List<Path> dataDirs = new ArrayList<>();

        private Builder() {}

        /** The folder that holds {@code ontology/} and {@code data/}; the current folder by default. */
        public Builder home(Path home) {
            this.home = Objects.requireNonNull(home, "home");
            return this;
        }

        /** The ontology file; {@code ontology/tariffgraph.ttl} under the home folder by default. */
        public Builder ontology(Path file) {
            this.ontologyFile = file;
            return this;
        }

        /** The SHACL shapes file; {@code ontology/shapes.ttl} under the home folder by default. */
        public Builder shapes(Path file) {
            this.shapesFile = file;
            return this;
        }

        /** The folder of violation queries; {@code ontology/checks/} under the home folder by default. */
        public Builder checks(Path folder) {
            this.checksDir = folder;
            return this;
        }

        /**
         * Keeps the dataset in a persistent, transactional store (Apache Jena TDB2) in this
         * folder instead of in memory. An empty store is filled from the files in one
         * transaction; a store that holds data is served as it is, with its updates.
         */
        public Builder store(Path folder) {
            this.storeDir = folder;
            return this;
        }

        /** With {@link #store}: replace what the store holds with the files, in one transaction. */
        public Builder replaceStore(boolean replace) {
            this.replaceStore = replace;
            return this;
        }

        /** The folder of catalogue queries; {@code queries/} under the home folder by default. */
        public Builder queries(Path folder) {
            this.queriesDir = folder;
            return this;
        }

        /** The longest a query may run, through the library or the server; 10 seconds by default. */
        public Builder timeout(Duration timeout) {
            this.timeout = QueryRunner.positive(timeout);
            return this;
        }

        /** Adds a data folder; when none is added, {@code data/} under the home folder is used. */
        public Builder data(Path folder) {
            this.dataDirs.add(Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /**
         * Reads every file and builds the graph.
         *
         * @throws org.tariffgraph.load.LoadException if a file is missing or malformed; the
         *     message names the file and line
         */
        public TariffGraph build() {
            return new TariffGraph(this);
        }

        Path ontologyFile() {
            return ontologyFile != null ? ontologyFile : home.resolve("ontology/tariffgraph.ttl");
        }

        Path shapesFile() {
            return shapesFile != null ? shapesFile : home.resolve("ontology/shapes.ttl");
        }

        Path checksDir() {
            return checksDir != null ? checksDir : home.resolve("ontology/checks");
        }

        Path queriesDir() {
            return queriesDir != null ? queriesDir : home.resolve("queries");
        }

        List<Path> dataDirs() {
            return dataDirs.isEmpty() ? List.of(home.resolve("data")) : List.copyOf(dataDirs);
        }
    }
}
