package org.tariffgraph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.tariffgraph.load.GraphLoader;
import org.tariffgraph.load.UnionDefaultGraph;
import org.tariffgraph.validate.EvidenceCheck;
import org.tariffgraph.validate.IdentifierCheck;
import org.tariffgraph.validate.Report;
import org.tariffgraph.validate.ShapeCheck;
import org.tariffgraph.validate.ViolationChecks;

/**
 * The tariffgraph knowledge graph: load it, validate it, check its evidence.
 *
 * <p>A graph is read from a home folder laid out as the repository is: the ontology in
 * {@code ontology/tariffgraph.ttl}, its SHACL shapes in {@code ontology/shapes.ttl}, its
 * violation queries in {@code ontology/checks/}, and the facts as TriG files under
 * {@code data/}. Every option can be pointed elsewhere.
 *
 * <pre>{@code
 * TariffGraph graph = TariffGraph.builder().home(Path.of(".")).build();
 * Report report = graph.validate();
 * if (!report.passed()) {
 *     System.err.print(report.format());
 * }
 * }</pre>
 */
public final class TariffGraph {

    private final DatasetGraph store;
    private final DatasetGraph dataset;
    private final Path shapesFile;
    private final Path checksDir;

    private TariffGraph(Builder builder) {
        this.store = GraphLoader.load(builder.ontologyFile(), builder.dataDirs());
        this.dataset = UnionDefaultGraph.view(store);
        this.shapesFile = builder.shapesFile();
        this.checksDir = builder.checksDir();
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

    /** Validates the data against the SHACL shapes and runs every violation query. */
    public Report validate() {
        Graph union = dataset.getDefaultGraph();
        ShapeCheck shapes = ShapeCheck.fromFile(shapesFile);
        ViolationChecks checks = ViolationChecks.fromFolder(checksDir);
        return Txn.calculateRead(dataset, () -> shapes.validate(union)).and(checks.run(dataset));
    }

    /**
     * Checks every evidence span against the source texts in {@code sourcesDir}, and every
     * external identifier against the verified list in {@code sourcesDir/README.md}.
     */
    public Report checkEvidence(Path sourcesDir) {
        return EvidenceCheck.run(dataset, sourcesDir).and(IdentifierCheck.run(dataset, sourcesDir));
    }

    /** Options for loading a graph; every path defaults to the layout under {@link #home(Path)}. */
    public static final class Builder {
        private Path home = Path.of(System.getProperty("tariffgraph.home", "."));
        private Path ontologyFile;
        private Path shapesFile;
        private Path checksDir;
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

        List<Path> dataDirs() {
            return dataDirs.isEmpty() ? List.of(home.resolve("data")) : List.copyOf(dataDirs);
        }
    }
}
