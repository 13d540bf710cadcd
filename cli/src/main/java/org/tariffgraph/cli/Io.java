package org.tariffgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command does with its terminal: print to the command line's UTF-8 output and
 * error streams, refuse a usage, and write a file whole or not at all. A mixin: each command
 * has one, bound to it.
 */
@Command
final class Io {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** A usage error of this command (exit 2), with its message. */
    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(command.commandLine(), message);
    }

    /** Something that writes to a stream. */
    interface StreamWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a file whole or not at all: into a temporary file beside it, then moved into
     * place, so that a failure leaves any earlier file as it was.
     */
    void writeFile(Path file, StreamWriter writer) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.writeTo(out);
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        err().println("wrote " + absolute);
    }

    /** Writes to {@code file} whole or not at all, or to standard output when it is null. */
    void writeFileOrOut(Path file, StreamWriter writer) throws IOException {
        if (file != null) {
            writeFile(file, writer);
            return;
        }
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        writer.writeTo(buffer);
        out().print(buffer.toString(java.nio.charset.StandardCharsets.UTF_8));
        out().flush();
    }
}
