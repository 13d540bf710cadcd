package org.tariffgraph.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.atlas.io.IO;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.DatabaseOps;
import org.apache.jena.tdb2.sys.StoreConnection;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.tariffgraph.vocab.TG;

/**
 * Fills a persistent store (Apache Jena TDB2) from the files with Jena's bulk loader, all or
 * nothing.
 *
 * <p>The bulk loaders are fast because they build the node table and each index in turn,
 * each in a transaction of its own: killed half-way, a store they load into would be left
 * half-loaded. So the files are loaded into a new generation of the store, a folder
 * {@code Data-NNNN-tmp} beside the current {@code Data-MMMM}, and the store switches to it by
 * one atomic rename to {@code Data-NNNN}, the name TDB2 opens (it opens the highest-numbered
 * {@code Data-} folder, as after a compaction). Killed before the rename, the store is as it
 * was, and TDB2 removes the {@code -tmp} folder when it next opens the store; killed after,
 * it holds the new data. The old generation is deleted after the switch.
 *
 * <pre>{@code
 * long quads = StoreLoader.fill(Path.of("store"), ontologyFile, List.of(Path.of("data")), n -> System.err.println(n));
 * DatasetGraph store = DatabaseMgr.connectDatasetGraph("store");
 * }</pre>
 */
public final class StoreLoader {

    private static final Pattern GENERATION = Pattern.compile("Data-(\\d+)");

    private StoreLoader() {}

    /**
     * Replaces whatever the store in {@code storeDir} holds by the ontology and the data
     * files. The store must not be open in another process; in this one, its connection is
     * released, and must be opened again afterwards.
     *
     * @param progress told the number of quads loaded so far, at 10,000, 20,000 ... 100,000,
     *     200,000 ... 1,000,000, 2,000,000 ...
     * @return the number of quads loaded
     * @throws LoadException if a file is missing, does not parse or breaks the layout rules;
     *     the store is then as it was
     */
    public static long fill(Path storeDir, Path ontologyFile, List<Path> dataDirs, LongConsumer progress) {
        Graph ontology = GraphLoader.parseTurtle(ontologyFile);
        List<Path> files = GraphLoader.dataFiles(dataDirs);
        try {
            Files.createDirectories(storeDir);
        } catch (IOException e) {
            throw new LoadException(storeDir + ": cannot create the store's folder: " + e.getMessage(), e);
        }
        // Held open while loading: TDB2 locks the store against other processes.
        DatasetGraph current = DatabaseMgr.connectDatasetGraph(storeDir.toString());
        int next = generation(DatabaseOps.findStorageLocation(storeDir)) + 1;
        Path tmp = storeDir.resolve(String.format(Locale.ROOT, "Data-%04d-tmp", next));
        Path target = storeDir.resolve(String.format(Locale.ROOT, "Data-%04d", next));
        if (Files.exists(tmp)) {
            IO.deleteAll(tmp);
        }
        long quads;
        Location location = Location.create(tmp);
        try {
            Files.createDirectories(tmp);
            DatasetGraph fresh = StoreConnection.connectCreate(location).getDatasetGraph();
            quads = bulkLoad(fresh, ontology, files, progress);
        } catch (IOException e) {
            throw new LoadException(tmp + ": cannot write the new store: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            StoreConnection.internalExpel(location, true);
            IO.deleteAll(tmp);
            throw e;
        }
        StoreConnection.internalExpel(location, true);
        TDBInternal.expel(current, true);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            deleteOlderGenerations(storeDir, next);
        } catch (IOException e) {
            throw new UncheckedIOException(storeDir + ": cannot switch the store to its new data: " + e.getMessage(), e);
        }
        return quads;
    }

    /**
     * Streams the ontology and the files into an empty store through Jena's phased bulk
     * loader, or the one the system property {@code tariffgraph.loader} names (parallel,
     * sequential, light or basic), to compare them.
     */
    private static long bulkLoad(DatasetGraph fresh, Graph ontology, List<Path> files, LongConsumer progress) {
        org.apache.jena.system.progress.MonitorOutput quiet = (format, args) -> { };
        DataLoader loader = switch (System.getProperty("tariffgraph.loader", "phased")) {
            case "parallel" -> LoaderFactory.parallelLoader(fresh, quiet);
            case "sequential" -> LoaderFactory.sequentialLoader(fresh, quiet);
            case "basic" -> LoaderFactory.basicLoader(fresh, quiet);
            case "light" -> LoaderFactory.createLoader(org.apache.jena.tdb2.loader.main.LoaderPlans.loaderPlanLight, fresh, quiet);
            default -> LoaderFactory.phasedLoader(fresh, quiet);
        };
        loader.startBulk();
        try {
            StreamRDF into = loader.stream();
            Progress counted = new Progress(progress);
            PrefixMap prefixes = PrefixMapFactory.create(ontology.getPrefixMapping());
            ontology.find().forEachRemaining(t -> {
                into.quad(Quad.create(TG.ontologyGraph, t));
                counted.add();
            });
            GraphLoader.stream(files, prefixes, quad -> {
                into.quad(quad);
                counted.add();
            });
            prefixes.forEach(into::prefix);
            loader.finishBulk();
            return counted.count;
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
    }

    /** Counts the quads loaded and tells the count at 10,000 steps, then 100,000, then every million. */
    private static final class Progress {
        private final LongConsumer progress;
        private long count;
        private long step = 10_000;

        Progress(LongConsumer progress) {
            this.progress = progress;
        }

        void add() {
            count++;
            if (count % step == 0) {
                progress.accept(count);
                if (count == step * 10) {
                    step *= 10;
                }
            }
        }
    }

    /** The number of a {@code Data-NNNN} folder; 0 for none. */
    private static int generation(Path folder) {
        if (folder == null) {
            return 0;
        }
        Matcher m = GENERATION.matcher(folder.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static void deleteOlderGenerations(Path storeDir, int current) throws IOException {
        try (Stream<Path> entries = Files.list(storeDir)) {
            for (Path entry : entries.toList()) {
                Matcher m = GENERATION.matcher(entry.getFileName().toString());
                if (m.matches() && Integer.parseInt(m.group(1)) < current && Files.isDirectory(entry)) {
                    IO.deleteAll(entry);
                }
            }
        }
    }
}
