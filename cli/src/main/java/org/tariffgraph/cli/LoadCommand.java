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
            "with its updates. A store that holds data is only refilled with --replace.",
            "With --remote instead of --store: put every named graph into a remote SPARQL 1.1 store by the Graph Store",
            "Protocol (--remote-gsp), one graph at a time, each read back and compared; 'serve --remote' serves it."})
final class LoadCommand implements Callable<Integer> {

    @Mixin
    Io io;

    @Mixin
    GraphOptions graph;

    @Option(names = "--store", paramLabel = "DIR", description = "The store's folder; created if missing. Give this or --remote.")
    Path store;

    @Option(names = "--replace", description = "Replace everything the store holds with the files.")
    boolean replace;

    @Override
    public Integer call() {
        boolean remote = graph.remote.given();
        if (remote == (store != null)) {
            throw io.usage("give where to load: --store DIR or --remote QUERY-URL with --remote-gsp URL");
        }
        if (remote && graph.remote.gsp == null) {
            throw io.usage("loading a remote store needs its Graph Store Protocol endpoint: --remote-gsp URL");
        }
        String where = remote ? "the remote store " + graph.remote.query : "the store " + store;
        TariffGraph.Builder builder = graph.builder().replaceStore(replace);
        if (!remote) {
            builder.store(store);
        }
        try (TariffGraph loaded = builder.build()) {
            Optional<TariffGraph.Load> load = loaded.load();
            if (load.isPresent()) {
                io.out().printf(Locale.ROOT, "loaded %d quads into %s in %.1f s (%d quads/s)%s%n",
                        load.get().quads(), where, load.get().took().toMillis() / 1000.0, load.get().rate(), remote ? "" : ", with its text index");
            } else {
                io.out().println(where + " already holds data and was left as it is; --replace refills it");
            }
            io.out().flush();
        }
        return 0;
    }
}
