package org.tariffgraph.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tariffgraph.TariffGraph;
import org.tariffgraph.load.LoadException;
import org.tariffgraph.query.QueryRunner;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code tariffgraph} command line. Exit codes: 0 ok, 1 a check failed or the data
 * could not be loaded, 2 a usage error.
 *
 * <pre>{@code
 * int exit = Main.commandLine().execute("validate", "--sources", "../shared/sources");
 * }</pre>
 */
@Command(name = "tariffgraph",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Trade-policy news as an evidence-anchored knowledge graph.",
        subcommands = {
            ServeCommand.class,
            QueryCommand.class,
            QueriesCommand.class,
            ValidateCommand.class,
            LoadCommand.class,
            CheckEvidenceCommand.class,
            ExportCommand.class,
            NetworkCommand.class,
            HashPasswordCommand.class,
            StatsCommand.class,
            WarmUpCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    /** Exit code of a check that found problems, or of data that could not be loaded. */
    public static final int CHECK_FAILED = 1;
    /** Exit code of a usage error, as picocli gives it. */
    public static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Folder holding ontology/ and data/ (default: the current folder).")
    Path home;

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "A data folder to load instead of <home>/data; repeat for several.")
    List<Path> dataDirs = new ArrayList<>();

    public static void main(String[] args) {
        CommandLine cmd = commandLine();
        int exit = cmd.execute(args);
        cmd.getOut().flush();
        cmd.getErr().flush();
        System.exit(exit);
    }

    /**
     * The configured command line, for running commands in-process. It writes UTF-8 to
     * standard output and standard error whatever the platform charset: under a C or POSIX
     * locale that charset is ASCII, and every character of the data beyond it (a ’, an é)
     * would be printed as '?'.
     */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(utf8Writer(System.out));
        cmd.setErr(utf8Writer(System.err));
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof LoadException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return CHECK_FAILED;
            }
            throw e;
        });
        return cmd;
    }

    private static PrintWriter utf8Writer(OutputStream stream) {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)), true);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: give one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** Loads the graph as the global options say. */
    TariffGraph loadGraph() {
        return loadGraph(Duration.ofSeconds(10));
    }

    /**
     * The time-out of a command's {@code --timeout SECONDS} option.
     *
     * @throws CommandLine.ParameterException, a usage error, if it is not positive
     */
    static Duration timeout(CommandSpec command, double seconds) {
        try {
            return QueryRunner.positive(Duration.ofMillis(Math.round(seconds * 1000)));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), "--timeout must be positive");
        }
    }

    /** Loads the graph as the global options say, with a query time-out. */
    TariffGraph loadGraph(Duration timeout) {
        return graphBuilder().timeout(timeout).build();
    }

    /** A graph builder set up as the global options say. */
    TariffGraph.Builder graphBuilder() {
        TariffGraph.Builder builder = TariffGraph.builder().home(home());
        dataDirs.forEach(builder::data);
        return builder;
    }

    Path home() {
        return home != null ? home : Path.of(".");
    }

    /** Where the source texts are by default: {@code ../shared/sources} beside the home folder. */
    Path defaultSources() {
        return home().toAbsolutePath().resolve("../shared/sources").normalize();
    }

    /**
     * The source texts to check the evidence against: those of a {@code --sources} option
     * when given (a missing folder then fails the check), else the default folder when it
     * exists; empty when there is none to check.
     */
    Optional<Path> sourcesToCheck(Path given) {
        if (given != null) {
            return Optional.of(given);
        }
        Path dir = defaultSources();
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
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

    /** The version from the jar's manifest, when run from a jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"tariffgraph " + (version != null ? version : "(development build)")};
        }
    }
}
