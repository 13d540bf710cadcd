package org.tariffgraph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.tariffgraph.TariffGraph;
import org.tariffgraph.draft.Draft;
import org.tariffgraph.draft.Drafter;
import org.tariffgraph.draft.ReportMetadata;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code draft}: the facts of a new report, drafted from its text for a curator to review. */
@Command(name = "draft", mixinStandardHelpOptions = true,
        description = {"Draft the facts of a news report from its plain text (UTF-8) into a TriG file in this project's model:",
            "page segments, quotes and paraphrases with their speakers, roles, quantities, dates and the names it mentions,",
            "each with its evidence, marked as drafted and unreviewed. Names are matched to the entities of the graph.",
            "The report's graph is named after the file (publisher-2025-topic.txt gives .../graph/article/publisher-2025-topic).",
            "Nothing is written if the text cannot be read, or if the output file exists."})
final class DraftCommand implements Callable<Integer> {

    @Mixin
    Io io;

    @Mixin
    GraphOptions graph;

    @Parameters(paramLabel = "SOURCE.txt", description = "The report's text, plain UTF-8.")
    Path source;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "Where the report was published (http or https).")
    String url;

    @Option(names = "--publisher", required = true, paramLabel = "NAME", description = "Who published it, as named in the entities or new.")
    String publisher;

    @Option(names = "--published", required = true, paramLabel = "DATE", description = "When it was published (YYYY-MM-DD); dates without a year are read against it.")
    LocalDate published;

    @Option(names = "--title", paramLabel = "TEXT", description = "The headline (default: the first line of the text).")
    String title;

    @Option(names = "--output", required = true, paramLabel = "FILE.trig", description = "The TriG file to write; it must not exist yet.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(output)) {
            throw io.usage(output + " exists: drafting never writes over a file, which may hold a curator's work; give a new name or remove it");
        }
        ReportMetadata meta;
        try {
            meta = new ReportMetadata(url, publisher, published, title);
        } catch (IllegalArgumentException e) {
            throw io.usage(e.getMessage());
        }
        TariffGraph loaded = graph.load();
        Draft draft = Drafter.over(loaded.dataset()).draft(source, meta);
        if (loaded.exporter().graphNames().contains(draft.graphIri())) {
            throw new Failures.CommandFailure("the data already holds the graph <" + draft.graphIri() + ">: rename " + source.getFileName()
                    + ", or remove the article's file from the data first");
        }
        io.writeFile(output, draft::writeTrig);
        String counts = draft.counts().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", "));
        io.err().println("drafted " + counts + " from " + source.getFileName() + " into <" + draft.graphIri()
                + ">; every fact is unreviewed until a review accepts it");
        return 0;
    }
}
