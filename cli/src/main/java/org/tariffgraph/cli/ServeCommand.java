package org.tariffgraph.cli;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.tariffgraph.TariffGraph;
import org.tariffgraph.query.AnswerLimits;
import org.tariffgraph.query.ServicePolicy;
import org.tariffgraph.server.Limits;
import org.tariffgraph.server.SparqlServer;
import org.tariffgraph.validate.Report;
import org.tariffgraph.validate.ValidatedState;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/** {@code serve}: validate the graph, then serve it over SPARQL until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Validate the graph, then serve it: the workbench (query editor, timeline, network, linked-data pages) at <url>/,",
            "SPARQL query at <url>/kg/sparql, read-only Graph Store at <url>/kg/get, health at <url>/$/ping.",
            "Read-only and loopback-only unless told otherwise; federated SERVICE is off.",
            "Refuses to start, with the report and exit 1, when the data is invalid."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    Io io;

    @Mixin
    GraphOptions graph;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "3030", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Longest a query or update may run before it is answered 503: seconds (10) or with a unit (500ms, 10s, 2m) (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--allow-service", paramLabel = "URL", description = "A remote endpoint federated queries (SERVICE) may call; repeat for several.")
    List<String> allowedServices = new ArrayList<>();

    @Option(names = "--enable-update", description = "Serve SPARQL update at <url>/kg/update, for the users of --password-file only.")
    boolean enableUpdate;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Users allowed to update, one 'user: PBKDF2:...' line each, made by 'tariffgraph hash-password'; needed by --enable-update.")
    Path passwordFile;

    /** The evidence is checked against these source texts before serving, when there are any. */
    @Mixin
    SourcesOption sources;

    @Option(names = "--store", paramLabel = "DIR", description = "Serve a persistent store (TDB2) kept in DIR, filled from the files when empty; updates then last.")
    Path store;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Where to remember the inputs that passed every check, so that a start with the same inputs skips them (default: $XDG_CACHE_HOME/tariffgraph or ~/.cache/tariffgraph).")
    Path cache;

    @Option(names = "--recheck", description = "Run every check, even on inputs that passed them before.")
    boolean recheck;

    @Option(names = "--no-access-log", description = "Do not log a line per request.")
    boolean noAccessLog;

    @Option(names = "--no-validate", description = {"Serve without validating the data first (shapes, checks, evidence): for a large store",
        "that was validated when it was loaded. A warning says so."})
    boolean noValidate;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "100000", description = "Most rows or triples in an answer (default: ${DEFAULT-VALUE}); more is answered 422.")
    int maxRows;

    @Option(names = "--max-query-length", paramLabel = "CHARS", defaultValue = "100000", description = "Longest query (default: ${DEFAULT-VALUE}); longer is answered 413. Updates are bounded by --max-body.")
    int maxQueryLength;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "10485760", description = "Largest request body (default: ${DEFAULT-VALUE}); larger is answered 413.")
    long maxBody;

    @Option(names = "--max-answer-bytes", paramLabel = "BYTES", description = {"Most memory one answer may take, estimated as it is read; more is answered 422.",
        "The strings one query builds may hold half as many characters in all (default: a quarter of the heap, shared by --max-concurrent-queries)."})
    Long maxAnswerBytes;

    @Option(names = "--max-string-length", paramLabel = "CHARS", description = "Longest string (or number) an expression may build; longer is answered 422 (default: a sixteenth of --max-answer-bytes).")
    Long maxStringLength;

    @Option(names = "--max-concurrent-queries", paramLabel = "N", description = "Most queries computed at once; another waits 5 s for a place, then is answered 503 with Retry-After (default: two per processor).")
    Integer maxConcurrentQueries;

    @Override
    public Integer call() throws Exception {
        if (enableUpdate && passwordFile == null) {
            throw io.usage("--enable-update needs --password-file: update is only ever served to authenticated users");
        }
        if (!enableUpdate && passwordFile != null) {
            throw io.usage("--password-file is only used with --enable-update");
        }
        Limits limits;
        try {
            limits = new Limits(maxQueryLength, maxBody, maxRows,
                    maxConcurrentQueries != null ? maxConcurrentQueries : AnswerLimits.defaultConcurrency());
            if (maxAnswerBytes != null) {
                limits = limits.withMaxAnswerBytes(maxAnswerBytes);
            }
            limits = limits.withMaxStringLength(maxStringLength != null ? maxStringLength
                    : maxAnswerBytes != null ? AnswerLimits.stringLengthFor(maxAnswerBytes) : limits.maxStringLength());
        } catch (IllegalArgumentException e) {
            throw io.usage("--max-rows, --max-query-length, --max-body, --max-answer-bytes, --max-string-length and --max-concurrent-queries must be positive");
        }
        if (store != null && graph.remote.given()) {
            throw io.usage("--store and --remote name two places for the graph: give one");
        }
        if (enableUpdate && graph.remote.given()) {
            throw io.usage("--enable-update serves updates of a local graph; a remote store is read-only here: update it through its own endpoint");
        }
        // A remote store may change behind this process: its checks are never remembered. Without
        // checks (--no-validate) there is nothing to remember, and the inputs are not digested.
        boolean remembered = !recheck && !noValidate && !graph.remote.given();
        TariffGraph.Builder graphBuilder = graph.builder().timeout(timeout)
                .validatedState(remembered ? (cache != null ? cache : ValidatedState.defaultFolder()) : null);
        if (store != null) {
            graphBuilder.store(store);
        }
        try (TariffGraph loaded = graphBuilder.build()) {
            return serve(loaded, limits);
        }
    }

    private int serve(TariffGraph loaded, Limits limits) {
        loaded.load().ifPresent(load -> io.err().printf(Locale.ROOT, "loaded %d quads in %.1f s (%d quads/s)%n",
                load.quads(), load.took().toMillis() / 1000.0, load.rate()));
        if (noValidate) {
            io.err().println("warning: serving the data without validating it (--no-validate)");
        } else {
            Report report = loaded.checkAll(sources.toCheck(graph));
            if (!report.passed()) {
                io.err().println(report.format());
                io.err().println("error: the data is invalid; not serving it");
                return Main.CHECK_FAILED;
            }
            if (report.remembered()) {
                io.err().println("The same inputs passed every check before; not checking them again (--recheck checks them).");
            }
        }
        io.err().flush();
        SparqlServer.Builder builder = SparqlServer.builder(loaded).host(host).port(port)
                .services(ServicePolicy.allow(allowedServices)).limits(limits).accessLog(!noAccessLog);
        if (enableUpdate) {
            try {
                builder.updateWithPasswordFile(passwordFile);
            } catch (IllegalArgumentException e) {
                throw io.usage(e.getMessage());
            }
        }
        SparqlServer server;
        try {
            server = builder.build().start();
        } catch (RuntimeException e) {
            if (causedByBind(e)) {
                io.err().println("error: cannot listen on " + host + ":" + port + ": the address is in use or not available");
                return Main.CHECK_FAILED;
            }
            throw e;
        }
        // Stopped by a signal (the hook) or by interrupting this thread; the hook is removed once serving ends.
        Thread hook = new Thread(server::stop, "tariffgraph-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            // The ready line comes last, and stays as it is: scripts wait for it.
            io.out().println("Workbench at " + server.serverUrl());
            io.out().println("SPARQL endpoint ready at " + server.queryUrl());
            io.out().flush();
            server.join();
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof InterruptedException) && !Thread.currentThread().isInterrupted()) {
                throw e;
            }
        } finally {
            server.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: the JVM is stopping anyway.
            }
        }
        return 0;
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
