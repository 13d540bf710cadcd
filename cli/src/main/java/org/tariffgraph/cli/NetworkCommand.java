package org.tariffgraph.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tariffgraph.export.NetworkExporter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code network}: who said what about whom, as GraphML. */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = {"Write the network of who said what about whom, and which statement answers which, as GraphML",
            "for Gephi, Cytoscape or yEd. Nodes: speakers, statements, what they are about, the speakers' organisations;",
            "edges: said, about, responds to, holds role at."})
final class NetworkCommand implements Callable<Integer> {

    @Mixin
    Io io;

    @Mixin
    GraphOptions graph;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE (completely or not at all) instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        NetworkExporter exporter = graph.load().networkExporter();
        io.writeFileOrOut(output, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            exporter.writeGraphML(writer);
            writer.flush();
        });
        return 0;
    }
}
