package org.tariffgraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tariffgraph.export.Exporter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code export}: the whole dataset, or one named graph. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the whole dataset as TriG or N-Quads, or one named graph (--graph) as Turtle, N-Triples or JSON-LD.",
            "With --output the file is written completely or not at all."})
final class ExportCommand implements Callable<Integer> {

    /** The formats of the export: two for the whole dataset, three for one graph. */
    enum Format {
        TRIG(Exporter.DatasetFormat.TRIG, null), NQUADS(Exporter.DatasetFormat.NQUADS, null),
        TURTLE(null, Exporter.GraphFormat.TURTLE), NTRIPLES(null, Exporter.GraphFormat.NTRIPLES), JSONLD(null, Exporter.GraphFormat.JSONLD);

        final Exporter.DatasetFormat dataset;
        final Exporter.GraphFormat graph;

        Format(Exporter.DatasetFormat dataset, Exporter.GraphFormat graph) {
            this.dataset = dataset;
            this.graph = graph;
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Mixin
    Io io;

    @Mixin
    GraphOptions graph;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "trig",
            description = "One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}): trig or nquads for the dataset; turtle, ntriples or jsonld for one graph.")
    Format format;

    @Option(names = "--graph", paramLabel = "IRI", description = "The named graph to write, for turtle, ntriples and jsonld.")
    String graphName;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (format.graph != null && graphName == null) {
            throw io.usage(format + " holds one graph: name it with --graph IRI");
        }
        if (format.dataset != null && graphName != null) {
            throw io.usage(format + " holds the whole dataset: drop --graph, or use turtle, ntriples or jsonld");
        }
        Exporter exporter = graph.load().exporter();
        try {
            io.writeFileOrOut(output, out -> {
                if (format.dataset != null) {
                    exporter.writeDataset(out, format.dataset);
                } else {
                    exporter.writeGraph(out, graphName, format.graph);
                }
            });
        } catch (IllegalArgumentException e) {
            // No such graph: nothing was written, and an earlier file is left as it was.
            throw io.usage(e.getMessage());
        }
        return 0;
    }
}
