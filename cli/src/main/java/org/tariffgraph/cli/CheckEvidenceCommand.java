package org.tariffgraph.cli;

import java.util.concurrent.Callable;

import org.tariffgraph.validate.Report;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code check-evidence}: every quote and offset against the source text it points into. */
@Command(name = "check-evidence", mixinStandardHelpOptions = true,
        description = {"Check every evidence span against its source text: SHA-256, offsets, quote, prefix and suffix,",
            "that every character of the page is in one segment and every sentence of the story is evidence,",
            "and that every external identifier is on the verified list of the sources folders' README.md.",
            "Exit 0 when all hold, 1 with a report naming each problem."})
final class CheckEvidenceCommand implements Callable<Integer> {

    @Mixin
    Io io;

    @Mixin
    GraphOptions graph;

    @Mixin
    SourcesOption sources;

    @Override
    public Integer call() {
        Report report = graph.load().checkEvidence(sources.orDefault(graph));
        io.out().println(report.format());
        return report.passed() ? 0 : Main.CHECK_FAILED;
    }
}
