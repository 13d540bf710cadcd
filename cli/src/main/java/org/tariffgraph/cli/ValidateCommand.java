package org.tariffgraph.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.tariffgraph.TariffGraph;
import org.tariffgraph.text.SourceFolders;
import org.tariffgraph.validate.Report;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code validate}: SHACL shapes, violation queries, and the evidence against the source texts. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check the data against the SHACL shapes and the violation queries, and every evidence span",
            "against the source texts (those of the --sources folders, or of ../shared/sources beside the home folder when it exists).",
            "Exit 0 when every check passes, 1 with a report naming each problem."})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    Io io;

    @Mixin
    GraphOptions graph;

    @Mixin
    SourcesOption sources;

    @Override
    public Integer call() {
        TariffGraph loaded = graph.load();
        Report report = loaded.validate();
        Optional<SourceFolders> dir = sources.toCheck(graph);
        if (dir.isPresent()) {
            report = report.and(loaded.checkEvidence(dir.get()));
        } else {
            io.err().println("note: the evidence was not checked: no source texts at " + graph.defaultSources() + " (give --sources DIR)");
        }
        io.out().println(report.format());
        return report.passed() ? 0 : Main.CHECK_FAILED;
    }
}
