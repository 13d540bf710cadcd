package org.tariffgraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tariffgraph.TariffGraph;
import org.tariffgraph.validate.Report;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code validate}: SHACL shapes and violation queries, and with {@code --sources} the evidence too. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check the data against the SHACL shapes and the violation queries.",
            "With --sources, also check every evidence span against the source texts.",
            "Exit 0 when every check passes, 1 with a report naming each problem."})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = "--sources", paramLabel = "DIR",
            description = "Folder of source texts; when given, evidence is checked against them.")
    Path sources;

    @Override
    public Integer call() {
        TariffGraph graph = main.loadGraph();
        Report report = graph.validate();
        if (sources != null) {
            report = report.and(graph.checkEvidence(sources));
        }
        main.out().println(report.format());
        return report.passed() ? 0 : Main.CHECK_FAILED;
    }
}
