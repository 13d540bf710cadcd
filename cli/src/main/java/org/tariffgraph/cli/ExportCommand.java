package org.tariffgraph.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.tariffgraph.export.Exporter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code export}: the whole dataset, or one named graph. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the whole dataset as TriG or N-Quads, or one named graph (--graph) as Turtle, N-Triples or JSON-LD.",
            "With --output the file is written completely or not at all."})
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "trig",
            description = "trig (default) or nquads for the dataset; turtle, ntriples or jsonld for one graph.")
    String format;

    @Option(names = "--graph", paramLabel = "IRI", description = "The named graph to write, for turtle, ntriples and jsonld.")
    String graph;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        String key = format.toUpperCase(Locale.ROOT).replace("-", "");
        Exporter.DatasetFormat datasetFormat = enumValue(Exporter.DatasetFormat.class, key);
        Exporter.GraphFormat graphFormat = enumValue(Exporter.GraphFormat.class, key);
        if (datasetFormat == null && graphFormat == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown format '" + format + "'; use trig, nquads, turtle, ntriples or jsonld");
        }
        if (graphFormat != null && graph == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), format + " holds one graph: name it with --graph IRI");
        }
        if (datasetFormat != null && graph != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), format + " holds the whole dataset: drop --graph, or use turtle, ntriples or jsonld");
        }
        Exporter exporter = main.loadGraph().exporter();
        try {
            if (output == null) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                write(exporter, buffer, datasetFormat, graphFormat);
                main.out().print(buffer.toString(StandardCharsets.UTF_8));
                main.out().flush();
            } else {
                main.writeFile(output, out -> write(exporter, out, datasetFormat, graphFormat));
            }
        } catch (IllegalArgumentException e) {
            // No such graph: nothing was written.
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return 0;
    }

    private void write(Exporter exporter, OutputStream out, Exporter.DatasetFormat datasetFormat, Exporter.GraphFormat graphFormat) {
        if (datasetFormat != null) {
            exporter.writeDataset(out, datasetFormat);
        } else {
            exporter.writeGraph(out, graph, graphFormat);
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
