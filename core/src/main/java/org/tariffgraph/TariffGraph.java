package org.tariffgraph;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.tariffgraph.align.Aligner;
import org.tariffgraph.export.Exporter;
import org.tariffgraph.export.NetworkExporter;
import org.tariffgraph.load.GraphLoader;
import org.tariffgraph.load.LoadException;
import org.tariffgraph.load.StoreLoader;
import org.tariffgraph.load.UnionDefaultGraph;
import org.tariffgraph.load.WriteProgress;
import org.tariffgraph.query.Catalogue;
import org.tariffgraph.query.QueryResult;
import org.tariffgraph.query.QueryRunner;
import org.tariffgraph.remote.RemoteDataset;
import org.tariffgraph.remote.RemoteStore;
import org.tariffgraph.text.SourceFolders;
import org.tariffgraph.search.TextSearch;
import org.tariffgraph.validate.EvidenceCheck;
import org.tariffgraph.validate.IdentifierCheck;
import org.tariffgraph.validate.InputDigest;
import org.tariffgraph.validate.Report;
import org.tariffgraph.validate.ShapeCheck;
import org.tariffgraph.validate.ValidatedState;
import org.tariffgraph.validate.ViolationChecks;

/**
 * The tariffgraph knowledge graph: load it, validate it, query it, export it.
 *
 * <p>A graph is read from a home folder laid out as the repository is: the ontology in
 * {@code ontology/tariffgraph.ttl}, its SHACL shapes in {@code ontology/shapes.ttl}, its
 * violation queries in {@code ontology/checks/}, the facts as TriG files under
 * {@code data/}, and the query catalogue in {@code queries/}. Without a home folder, the
 * graph that ships inside this library is read. Every option can be pointed elsewhere.
 * A graph kept in a persistent store holds it open until {@link #close()}.
 *
 * <pre>{@code
 * try (TariffGraph graph = TariffGraph.builder().build()) {
 *     Report report = graph.validate();
 *     if (!report.passed()) {
 *         throw new IllegalStateException(report.format());
 *     }
 *     QueryResult.Rows statements = graph.catalogue().select("who-said-what");
 *     for (Map<String, Node> row : statements.rowMaps()) {
 *         System.out.println(row.get("speaker").getLiteralLexicalForm() + ": " + row.get("words").getLiteralLexicalForm());
 *     }
 * }
 * }</pre>
 */
public final class TariffGraph implements AutoCloseable {

    private static final Logger STORE_LOG = LoggerFactory.getLogger("org.tariffgraph.store");

    /** The persistent store, to release on close; null in memory. */
    private final DatasetGraph tdb;
    /** The stored named graphs, with their text index. */
    private final DatasetGraph store;
    /** What the last load into this graph wrote, when it loaded files. */
    private final Load load;
    private final DatasetGraph dataset;
    private final Path shapesFile;
    private final Path checksDir;
    private final Catalogue catalogue;
    private final Duration timeout;
    private final ValidatedState validatedState;
    /** The digest of the files and code the checks read, made while the files load; null without a validated state. */
    private final CompletableFuture<InputDigest> inputs;
    private final Path storeDir;

    private TariffGraph(Builder builder) {
        this.validatedState = builder.validatedState;
        this.storeDir = builder.storeDir;
        this.inputs = validatedState == null ? null : CompletableFuture.supplyAsync(() -> {
            InputDigest digest = new InputDigest().code().file("ontology", builder.ontologyFile())
                    .file("shapes", builder.shapesFile()).folder("checks", builder.checksDir());
            if (builder.storeDir == null) {
                builder.dataDirs().forEach(dir -> digest.folder("data", dir));
            }
            return digest;
        });
        long start = System.nanoTime();
        if (builder.remote != null) {
            RemoteDataset remote = RemoteDataset.connect(builder.remote, builder.timeout, PrefixMapFactory.create());
            long quads = fillRemote(remote, builder);
            this.tdb = null;
            this.store = remote.storedGraphs();
            this.load = quads >= 0 ? new Load(quads, Duration.ofNanos(System.nanoTime() - start)) : null;
            this.dataset = remote;
        } else if (builder.storeDir != null) {
            DatasetGraph existing = connect(builder.storeDir);
            boolean empty = Txn.calculateRead(existing, () -> !existing.listGraphNodes().hasNext());
            long quads = empty || builder.replaceStore ? fill(builder) : -1;
            this.tdb = quads >= 0 ? connect(builder.storeDir) : existing;
            this.store = WriteProgress.of(TextSearch.beside(tdb, builder.storeDir, quads >= 0));
            this.load = quads >= 0 ? new Load(quads, Duration.ofNanos(System.nanoTime() - start)) : null;
            this.dataset = UnionDefaultGraph.view(store);
        } else {
            this.tdb = null;
            DatasetGraph memory = DatasetGraphFactory.createTxnMem();
            long quads = GraphLoader.loadInto(memory, builder.ontologyFile(), builder.dataDirs(), false, () -> { });
            this.store = TextSearch.inMemory(memory);
            this.load = new Load(quads, Duration.ofNanos(System.nanoTime() - start));
            this.dataset = UnionDefaultGraph.view(store);
        }
        if (builder.align && builder.remote == null) {
            align(store, dataset, tdb != null);
        }
        this.shapesFile = builder.shapesFile();
        this.checksDir = builder.checksDir();
        this.timeout = builder.timeout;
        Path queries = builder.queriesDir();
        Catalogue queryFiles = builder.queriesDir != null || Files.isDirectory(queries)
                ? Catalogue.fromFolder(queries) : Catalogue.empty();
        this.catalogue = queryFiles.over(runner());
    }

    /**
     * Fills the persistent store from the files with the bulk loader, all or nothing (see
     * {@link StoreLoader}), logging its progress; the store's connection is released and must
     * be opened again. Every update's write transaction logs its progress too (see
     * {@link WriteProgress}).
     *
     * @return the number of quads loaded
     */
    private static long fill(Builder builder) {
        STORE_LOG.info("loading the files into a new generation of the store {}; it replaces the current one when complete", builder.storeDir);
        long start = System.nanoTime();
        long quads = StoreLoader.fill(builder.storeDir, builder.ontologyFile(), builder.dataDirs(),
                n -> STORE_LOG.info("{} quads written into the store, not yet committed ({} quads/s)", n, perSecond(n, start)));
        STORE_LOG.info("the store {} is committed: {} quads ({} quads/s)", builder.storeDir, quads, perSecond(quads, start));
        return quads;
    }

    private static long perSecond(long quads, long startNanos) {
        return quads * 1_000_000_000L / Math.max(1, System.nanoTime() - startNanos);
    }

    /**
     * What a load wrote: the quads and how long it took, from reading the first file to the
     * text index built over them.
     */
    public record Load(long quads, Duration took) {

        /** Quads per second. */
        public long rate() {
            return quads * 1_000_000_000L / Math.max(1, took.toNanos());
        }
    }

    /**
     * What building this graph loaded from the files: always for a graph in memory; for a
     * store, when it was empty or asked to be replaced, and empty when it was served as it was.
     */
    public java.util.Optional<Load> load() {
        return java.util.Optional.ofNullable(load);
    }

    /**
     * Puts the files into the remote store, graph by graph with the alignment graph made here,
     * when it holds none of tariffgraph's graphs or when asked to replace them; then checks
     * that its default graph is the union of its named graphs.
     *
     * @return the number of quads put, or -1 when the store was served as it was
     */
    private static long fillRemote(RemoteDataset remote, Builder builder) {
        long quads = -1;
        if (builder.replaceStore || !remote.listGraphNodes().hasNext()) {
            DatasetGraph local = GraphLoader.load(builder.ontologyFile(), builder.dataDirs());
            if (builder.align) {
                align(local, UnionDefaultGraph.view(local), false);
            }
            STORE_LOG.info("putting the files into the {}, graph by graph", builder.remote);
            Txn.executeRead(local, () -> remote.push(local, STORE_LOG::info));
            remote.prefixes().putAll(local.prefixes());
            quads = Txn.calculateRead(local, () -> org.apache.jena.atlas.iterator.Iter.count(local.find()));
        } else {
            remote.prefixes().putAll(GraphLoader.parseTurtle(builder.ontologyFile()).getPrefixMapping());
        }
        remote.checkUnionDefaultGraph();
        return quads;
    }

    /**
     * Adds the links between reports that agree or conflict (see {@link Aligner}) as the
     * derived graph {@value Aligner#GRAPH}. A persistent store keeps the graph it has, made
     * when the store was filled: updates do not redo it.
     */
    private static void align(DatasetGraph store, DatasetGraph union, boolean persistent) {
        Node name = NodeFactory.createURI(Aligner.GRAPH);
        if (persistent && Txn.calculateRead(store, () -> store.containsGraph(name))) {
            return;
        }
        Graph links = Aligner.align(union);
        Txn.executeWrite(store, () -> links.find().forEachRemaining(t -> store.add(name, t.getSubject(), t.getPredicate(), t.getObject())));
    }

    private static DatasetGraph connect(Path folder) {
        try {
            return DatabaseMgr.connectDatasetGraph(folder.toString());
        } catch (RuntimeException e) {
            throw new LoadException(folder + ": cannot open the store: " + e.getMessage(), e);
        }
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
     * run side by side, each in its own read transaction. Over a remote store, both run over
     * a copy of its graphs read whole: the shapes look at each node many times, and a store's
     * own evaluation may differ from SPARQL's (Virtuoso's transitive paths with neither end
     * bound, its {@code BIND(EXISTS {...})}), which must not make a check pass.
     */
    public Report validate() {
        ShapeCheck shapes = ShapeCheck.fromFile(shapesFile);
        ViolationChecks checks = ViolationChecks.fromFolder(checksDir);
        DatasetGraph checked = dataset instanceof RemoteDataset remote ? UnionDefaultGraph.view(remote.copy()) : dataset;
        CompletableFuture<Report> shapeReport = CompletableFuture.supplyAsync(
                () -> Txn.calculateRead(checked, () -> shapes.validate(checked.getDefaultGraph())));
        Report checkReport = checks.run(checked);
        return shapeReport.join().and(checkReport);
    }

    /**
     * Every check of the graph: {@link #validate()}, and {@link #checkEvidence(SourceFolders)}
     * when there are source texts. With a {@linkplain Builder#validatedState validated state},
     * the checks run only when these exact inputs have not passed them before; the report then
     * says it is {@linkplain Report#remembered() remembered}.
     */
    public Report checkAll(Optional<SourceFolders> sources) {
        if (validatedState == null) {
            return runChecks(sources);
        }
        InputDigest digest = inputs.join();
        if (storeDir != null) {
            digest.store("store", storeDir);
        }
        digest.text("sources");
        sources.ifPresent(folders -> folders.folders().forEach(folder -> digest.folder("sources", folder)));
        return validatedState.check(digest.hex(), () -> runChecks(sources));
    }

    private Report runChecks(Optional<SourceFolders> sources) {
        Report report = validate();
        return sources.isPresent() ? report.and(checkEvidence(sources.get())) : report;
    }

    /**
     * Checks every evidence span against the source texts in {@code sourcesDir}, and every
     * external identifier against the verified list in {@code sourcesDir/README.md}.
     */
    public Report checkEvidence(Path sourcesDir) {
        return checkEvidence(SourceFolders.of(sourcesDir));
    }

    /**
     * Checks every evidence span against the source texts, each found by its file name in the
     * first folder that has it, and every external identifier against the verified lists in
     * the folders' {@code README.md} files.
     */
    public Report checkEvidence(SourceFolders sources) {
        // Over a remote store, the spans are read from a copy of its graphs: a store's own
        // evaluation may differ from SPARQL's (Virtuoso gives BIND(EXISTS {...}) as true on
        // every row), and a check must not pass because of it.
        DatasetGraph checked = dataset instanceof RemoteDataset remote ? UnionDefaultGraph.view(remote.copy()) : dataset;
        return EvidenceCheck.run(checked, sources).and(IdentifierCheck.run(checked, sources));
    }

    /**
     * The query catalogue, read from {@code queries/} (empty when there is no such folder),
     * ready to run its queries over this graph by id.
     */
    public Catalogue catalogue() {
        return catalogue;
    }

    /**
     * Runs SPARQL text to completion over the whole graph. Federated queries
     * ({@code SERVICE}) are refused. A catalogue query is run by id with
     * {@code catalogue().run(id)}.
     *
     * @throws org.apache.jena.query.QueryParseException if the text is not SPARQL
     * @throws org.apache.jena.query.QueryDeniedException if it could reach outside the graph
     * @throws org.apache.jena.query.QueryCancelledException if it runs longer than the time-out
     * @throws org.tariffgraph.query.AnswerTooLargeException if its answer would take more memory than the
     *     {@link org.tariffgraph.query.AnswerLimits#defaults() default limits} allow
     * @throws org.tariffgraph.query.StringTooLongException if its expressions build longer strings than they allow
     */
    public QueryResult query(String sparql) {
        return runner().run(sparql);
    }

    /**
     * Runs a SELECT query; see {@link #query(String)}.
     *
     * @throws IllegalArgumentException if the text is another kind of query
     */
    public QueryResult.Rows select(String sparql) {
        return runner().select(sparql);
    }

    /** Triples per named graph, largest first. */
    public QueryResult.Rows triplesPerGraph() {
        return select("""
                SELECT ?graph (COUNT(*) AS ?triples) WHERE { GRAPH ?graph { ?s ?p ?o } }
                GROUP BY ?graph ORDER BY DESC(?triples) ?graph""");
    }

    /** Instances per class over all graphs, most numerous first. */
    public QueryResult.Rows instancesPerClass() {
        return select("""
                SELECT ?class (COUNT(DISTINCT ?instance) AS ?instances) WHERE { ?instance a ?class }
                GROUP BY ?class ORDER BY DESC(?instances) ?class""");
    }

    /** The longest a query may run, through the library or a server of this graph. */
    public Duration timeout() {
        return timeout;
    }

    private QueryRunner runner() {
        return QueryRunner.create(dataset).timeout(timeout);
    }

    /** Writes the stored named graphs: all of them, or one. */
    public Exporter exporter() {
        return new Exporter(store);
    }

    /** The network of who said what about whom, for GraphML. */
    public NetworkExporter networkExporter() {
        return new NetworkExporter(dataset);
    }

    /**
     * Releases the persistent store, if the graph is kept in one, so that another process
     * may open it; an in-memory graph holds nothing to release. The graph is not to be used
     * afterwards.
     */
    @Override
    public void close() {
        store.close();
        if (tdb != null) {
            TDBInternal.expel(tdb);
        }
    }

    /** Options for loading a graph; every path defaults to the layout under {@link #home(Path)}. */
    public static final class Builder {
        private Path home;
        private Path ontologyFile;
        private Path shapesFile;
        private Path checksDir;
        private Path queriesDir;
        private Path storeDir;
        private RemoteStore remote;
        private boolean replaceStore;
        private boolean align = true;
        private ValidatedState validatedState;
        private Duration timeout = Duration.ofSeconds(10);
        private final List<Path> dataDirs = new ArrayList<>();

        private Builder() {}

        /**
         * The folder that holds {@code ontology/} and {@code data/}; by default, the copy of
         * the repository's graph that ships inside this library.
         */
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

        /**
         * Keeps the dataset in a remote SPARQL 1.1 store instead of in this process (see
         * {@link RemoteStore} for what is assumed of it): queries are sent to it whole. A store
         * that holds none of tariffgraph's graphs is filled from the files, graph by graph by
         * the Graph Store Protocol; one that holds them is served as it is.
         */
        public Builder remote(RemoteStore store) {
            this.remote = store;
            return this;
        }

        /**
         * With {@link #store}: replace what the store holds with the files, in one transaction.
         * With {@link #remote}: replace tariffgraph's graphs in the remote store, one at a time.
         */
        public Builder replaceStore(boolean replace) {
            this.replaceStore = replace;
            return this;
        }

        /**
         * Whether to add the derived graph of links between reports that agree or conflict
         * ({@link Aligner}); on by default.
         */
        public Builder align(boolean align) {
            this.align = align;
            return this;
        }

        /**
         * Remembers in this folder the inputs that passed every check of {@link TariffGraph#checkAll},
         * so that a start with the same inputs skips them (see {@link ValidatedState}); by
         * default nothing is remembered and the checks always run.
         */
        public Builder validatedState(Path folder) {
            this.validatedState = folder == null ? null : ValidatedState.in(folder);
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
            return ontologyFile != null ? ontologyFile : home().resolve("ontology/tariffgraph.ttl");
        }

        Path shapesFile() {
            return shapesFile != null ? shapesFile : home().resolve("ontology/shapes.ttl");
        }

        Path checksDir() {
            return checksDir != null ? checksDir : home().resolve("ontology/checks");
        }

        Path queriesDir() {
            return queriesDir != null ? queriesDir : home().resolve("queries");
        }

        List<Path> dataDirs() {
            return dataDirs.isEmpty() ? List.of(home().resolve("data")) : List.copyOf(dataDirs);
        }

        private Path home() {
            if (home == null) {
                home = bundledHome();
            }
            return home;
        }
    }

    /** Where the copy of the repository's graph lies inside this library: a folder, or a folder in its jar. */
    private static final String BUNDLED = "/org/tariffgraph/home/";

    /** The home folder of the graph that ships inside this library, as a path in its jar (or its classes folder). */
    static Path bundledHome() {
        URL marker = TariffGraph.class.getResource(BUNDLED + "ontology/tariffgraph.ttl");
        if (marker == null) {
            throw new LoadException("this build of the library holds no graph (" + BUNDLED + "); give a home folder");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    // Opened before: Path.of finds it.
                }
            }
            return Path.of(uri).getParent().getParent();
        } catch (URISyntaxException | IOException e) {
            throw new LoadException("cannot read the graph inside the library at " + marker + ": " + e.getMessage(), e);
        }
    }
}
