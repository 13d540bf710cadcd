package org.tariffgraph.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.tariffgraph.TariffGraph;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of every command that reads the graph: where its files are, and the remote
 * store that holds it, if one does. A mixin.
 */
final class GraphOptions {

    @Option(names = "--home", paramLabel = "DIR", description = "Folder holding ontology/, data/ and queries/ (default: the current folder).")
    Path home;

    @Option(names = "--data", paramLabel = "DIR", description = "A data folder to load instead of <home>/data; repeat for several.")
    List<Path> data = new ArrayList<>();

    @Mixin
    RemoteOptions remote;

    Path home() {
        return home != null ? home : Path.of(".");
    }

    /** A graph builder set up as the options say. */
    TariffGraph.Builder builder() {
        TariffGraph.Builder builder = TariffGraph.builder().home(home());
        data.forEach(builder::data);
        if (remote.given()) {
            builder.remote(remote.store());
        }
        return builder;
    }

    /** The graph, read as the options say, with a query time-out. */
    TariffGraph load(Duration timeout) {
        return builder().timeout(timeout).build();
    }

    /** The graph, read as the options say. */
    TariffGraph load() {
        return builder().build();
    }

    /** Where the source texts are by default: {@code ../shared/sources} beside the home folder. */
    Path defaultSources() {
        return home().toAbsolutePath().resolve("../shared/sources").normalize();
    }
}
