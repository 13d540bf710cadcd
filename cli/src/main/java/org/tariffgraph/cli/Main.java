package org.tariffgraph.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code tariffgraph} command line. Exit codes: 0 ok, 1 a check failed, the data could
 * not be loaded or a query failed, 2 a usage error.
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
            DraftCommand.class,
            AnchorCommand.class,
            ReviewCommand.class,
            HashPasswordCommand.class,
            StatsCommand.class,
            WarmUpCommand.class,
            GenerateCorpusCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    /** Exit code of a check that found problems, of data that could not be loaded, or of a query that failed. */
    public static final int CHECK_FAILED = 1;
    /** Exit code of a usage error, as picocli gives it. */
    public static final int USAGE = 2;

    @Spec
    CommandSpec spec;

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
     * would be printed as '?'. Enum options take their values in any case; failures map to
     * exit codes in one place ({@link Failures}).
     */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(utf8Writer(System.out));
        cmd.setErr(utf8Writer(System.err));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        Failures failures = new Failures();
        cmd.setExecutionExceptionHandler(failures);
        cmd.setExitCodeExceptionMapper(failures);
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

    /** The version from the jar's manifest, when run from a jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"tariffgraph " + (version != null ? version : "(development build)")};
        }
    }
}
