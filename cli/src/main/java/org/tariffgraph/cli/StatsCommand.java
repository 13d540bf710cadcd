package org.tariffgraph.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.tariffgraph.TariffGraph;
import org.tariffgraph.query.OutputFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code stats}: triples per graph, instances per class. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print the number of triples in each named graph and of instances of each class.")
final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        TariffGraph graph = main.loadGraph();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        graph.triplesPerGraph().write(out, OutputFormat.TABLE);
        graph.instancesPerClass().write(out, OutputFormat.TABLE);
        main.out().print(out.toString(StandardCharsets.UTF_8));
        main.out().flush();
        return 0;
    }
}
