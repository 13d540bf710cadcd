package org.tariffgraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tariffgraph.text.SourceFolders;

import picocli.CommandLine.Option;

/** The {@code --sources} of the commands that check evidence against the source texts. A mixin. */
final class SourcesOption {

    @Option(names = "--sources", paramLabel = "DIR",
            description = {"A folder of source texts, searched by each source's tg:fileName; repeat for several",
                "(the first article's, then your own reports'). A missing folder is a failure.",
                "Default: ../shared/sources beside the home folder."})
    List<Path> folders = new ArrayList<>();

    /** The folders given, or else the default one, whether or not it exists. */
    SourceFolders orDefault(GraphOptions graph) {
        return folders.isEmpty() ? SourceFolders.of(graph.defaultSources()) : new SourceFolders(folders);
    }

    /**
     * The folders to check the evidence against: those given (a missing one then fails the
     * check), else the default folder when it exists; empty when there is none.
     */
    Optional<SourceFolders> toCheck(GraphOptions graph) {
        if (!folders.isEmpty()) {
            return Optional.of(new SourceFolders(folders));
        }
        Path dir = graph.defaultSources();
        return Files.isDirectory(dir) ? Optional.of(SourceFolders.of(dir)) : Optional.empty();
    }
}
