package org.tariffgraph.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.tariffgraph.TariffGraph;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code load}: fill a persistent store from the files, all or nothing. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load the ontology and data files into a persistent store (Apache Jena TDB2) with the bulk loader,",
            "all or nothing: into a new generation of the store, which replaces the current one when complete, so a",
            "load that is killed leaves the store as it was. Builds the store's text index. 'serve --store DIR' serves it,",
            "with its updates. A store that holds data is only refilled with --replace."})
final class LoadCommand implements Callable<Integer> {

    @Mixin
    Io io;

    @Mixin
    GraphOptions graph;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "The store's folder; created if missing.")
    Path store;

    @Option(names = "--replace", description = "Replace everything the store holds with the files.")
    boolean replace;

    @Override
    public Integer call() {
        try (TariffGraph loaded = graph.builder().store(store).replaceStore(replace).build()) {
            Optional<TariffGraph.Load> load = loaded.load();
            if (load.isPresent()) {
                io.out().printf(Locale.ROOT, "loaded %d quads into the store %s in %.1f s (%d quads/s), with its text index%n",
                        load.get().quads(), store, load.get().took().toMillis() / 1000.0, load.get().rate());
            } else {
                io.out().println("the store " + store + " already holds data and was left as it is; --replace refills it");
            }
            io.out().flush();
        }
        return 0;
    }
}
