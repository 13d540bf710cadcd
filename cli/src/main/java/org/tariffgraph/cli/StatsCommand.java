package org.tariffgraph.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.tariffgraph.TariffGraph;
import org.tariffgraph.query.OutputFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code stats}: triples per graph, instances per class. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print the number of triples in each named graph and of instances of each class.")
final class StatsCommand implements Callable<Integer> {

    @Mixin
    Io io;

    @Mixin
    GraphOptions graph;

    @Override
    public Integer call() throws IOException {
        TariffGraph loaded = graph.load();
        io.writeFileOrOut(null, out -> {
            loaded.triplesPerGraph().write(out, OutputFormat.TABLE);
            loaded.instancesPerClass().write(out, OutputFormat.TABLE);
        });
        return 0;
    }
}
