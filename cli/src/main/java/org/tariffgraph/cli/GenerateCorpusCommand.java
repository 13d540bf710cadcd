package org.tariffgraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tariffgraph.corpus.SyntheticCorpus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code generate-corpus}: write a synthetic corpus for the benchmarks; hidden, since it serves measurement only. */
@Command(name = "generate-corpus", hidden = true, mixinStandardHelpOptions = true,
        description = {"Write N synthetic articles shaped like the curated one, for measuring the graph at scale:",
            "<DIR>/data (load it with --data data --data <DIR>/data) and <DIR>/sources (their texts, for --sources).",
            "The same seed and size give the same bytes."})
final class GenerateCorpusCommand implements Callable<Integer> {

    @Mixin
    Io io;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "100", description = "Number of articles (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "An empty or new folder to write the corpus into.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (articles < 1) {
            throw io.usage("--articles must be at least 1");
        }
        if (Files.isDirectory(output)) {
            try (var entries = Files.list(output)) {
                if (entries.findAny().isPresent()) {
                    throw io.usage(output + " is not empty: write a corpus into a new or empty folder");
                }
            }
        }
        long start = System.nanoTime();
        long quads = SyntheticCorpus.builder().articles(articles).seed(seed).build()
                .write(output, n -> io.err().println(n + " articles written"));
        double seconds = (System.nanoTime() - start) / 1e9;
        io.out().printf("wrote %d articles, %d quads, into %s in %.1f s%n", articles, quads, output, seconds);
        return 0;
    }
}
