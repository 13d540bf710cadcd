package org.tariffgraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.system.Txn;
import org.tariffgraph.TariffGraph;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code load}: fill a persistent store from the files, in one transaction. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load the ontology and data files into a persistent store (Apache Jena TDB2), in one transaction:",
            "if the load is killed, the store is left as it was before. 'serve --store DIR' serves it, with its updates.",
            "A store that holds data is only refilled with --replace."})
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
            long quads = Txn.calculateRead(loaded.dataset(), () -> {
                long[] n = {0};
                loaded.dataset().listGraphNodes().forEachRemaining(g -> n[0] += loaded.dataset().getGraph(g).size());
                return n[0];
            });
            io.out().println("the store " + store + " holds " + quads + " triples in " + loaded.exporter().graphNames().size() + " graphs");
            io.out().flush();
        }
        return 0;
    }
}
