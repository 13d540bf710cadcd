package org.tariffgraph.cli;

import java.nio.file.Path;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where a command that rewrites a TriG file writes it: to a new file, or over the one it
 * read. One must be chosen, since rewriting drops the file's comments and layout. A mixin.
 */
final class TargetFile {

    static final class Choice {
        @Option(names = "--output", paramLabel = "FILE", required = true, description = "Write the result to FILE, whole or not at all.")
        Path output;

        @Option(names = "--in-place", required = true, description = "Write the result over the file read (its comments and layout are not kept).")
        boolean inPlace;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    /** The file to write, given the file read. */
    Path target(Path read) {
        return choice.inPlace ? read : choice.output;
    }
}
