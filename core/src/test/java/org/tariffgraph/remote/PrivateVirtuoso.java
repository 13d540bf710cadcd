package org.tariffgraph.remote;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A Virtuoso of the tests' own: Debian's {@code virtuoso-t} started in a temporary folder with
 * its own database and {@code virtuoso.ini}, on two free loopback ports, never the system's
 * service. Its administrator gets a fresh random password; SPARQL update and the Graph Store
 * Protocol are served to it by digest authentication ({@code /sparql-auth},
 * {@code /sparql-graph-crud-auth}), queries to anyone ({@code /sparql}). Stop it with
 * {@link #close()} in {@code @AfterAll} or {@code finally}.
 *
 * <p>Where Virtuoso is not installed the test is skipped, saying so; in CI (the environment
 * variable {@code CI} set) it fails instead.
 *
 * <p>Its settings: answers of up to 150,000 rows ({@code ResultSetMaxRows}), above the
 * endpoint's default of 100,000; a query stopped by Virtuoso after 8 seconds
 * ({@code MaxQueryExecutionTime}), so that a query the tests give up on does not keep it busy.
 */
public final class PrivateVirtuoso implements AutoCloseable {

    /** Where Debian puts the server and its SQL client. */
    private static final List<String> SERVERS = List.of("/usr/bin/virtuoso-t", "/usr/local/bin/virtuoso-t");
    private static final List<String> CLIENTS = List.of("/usr/bin/isql-vt", "/usr/local/bin/isql-vt");
    public static final int MAX_ROWS = 150_000;

    private final Path dir;
    private final Process process;
    private final Path client;
    private final int sqlPort;
    private final int httpPort;
    private final String password;

    private PrivateVirtuoso(Path dir, Process process, Path client, int sqlPort, int httpPort, String password) {
        this.dir = dir;
        this.process = process;
        this.client = client;
        this.sqlPort = sqlPort;
        this.httpPort = httpPort;
        this.password = password;
    }

    /**
     * Starts a new, empty Virtuoso and waits until it answers SPARQL queries.
     *
     * @throws org.opentest4j.TestAbortedException outside CI when Virtuoso is not installed
     */
    public static PrivateVirtuoso start() {
        Path server = installed(SERVERS);
        Path client = installed(CLIENTS);
        if (server == null || client == null) {
            String missing = "Virtuoso is not installed (no virtuoso-t or isql-vt in /usr/bin; apt-get install virtuoso-opensource)";
            if (inCi(System.getenv())) {
                fail(missing + "; in CI the tests against a remote store must run");
            }
            Assumptions.abort(missing + "; the tests against a remote store are skipped outside CI");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("tariffgraph-virtuoso-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int sqlPort = freePort();
        int httpPort = freePort();
        Process process = null;
        try {
            Files.writeString(dir.resolve("virtuoso.ini"), ini(dir, sqlPort, httpPort), StandardCharsets.UTF_8);
            process = new ProcessBuilder(server.toString(), "-c", dir.resolve("virtuoso.ini").toString(), "+foreground")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("virtuoso.out").toFile())
                    .start();
            awaitSparql(process, dir, httpPort);
            String password = newPassword();
            sql(client, sqlPort, "dba", "SET PASSWORD dba " + password + ";", dir);
            return new PrivateVirtuoso(dir, process, client, sqlPort, httpPort, password);
        } catch (IOException | RuntimeException | InterruptedException e) {
            stop(process);
            deleteTree(dir);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Virtuoso did not start: " + e.getMessage(), e);
        }
    }

    /** The SPARQL query endpoint, open to anyone. */
    public String queryUrl() {
        return base() + "/sparql";
    }

    /** The SPARQL update endpoint, for the administrator by digest authentication. */
    public String updateUrl() {
        return base() + "/sparql-auth";
    }

    /** The Graph Store Protocol endpoint, for the administrator by digest authentication. */
    public String gspUrl() {
        return base() + "/sparql-graph-crud-auth";
    }

    public String user() {
        return "dba";
    }

    /** The administrator's password, new for each start. */
    public String password() {
        return password;
    }

    /** A remote store with every endpoint of this Virtuoso and its administrator's credentials. */
    public RemoteStore.Builder store() {
        return RemoteStore.builder().query(queryUrl()).update(updateUrl()).gsp(gspUrl()).credentials(user(), password);
    }

    /** Runs a SPARQL update on the store directly, through its SQL client, as another of its users would. */
    public void update(String sparqlUpdate) {
        try {
            sql(client, sqlPort, password, "SPARQL " + sparqlUpdate.replace('\n', ' ') + ";", dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Stops the server and removes its folder. */
    @Override
    public void close() {
        stop(process);
        deleteTree(dir);
    }

    private static void stop(Process process) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String ini(Path dir, int sqlPort, int httpPort) {
        String d = dir.toAbsolutePath().toString();
        return """
                [Database]
                DatabaseFile = %1$s/virtuoso.db
                ErrorLogFile = %1$s/virtuoso.log
                LockFile = %1$s/virtuoso.lck
                TransactionFile = %1$s/virtuoso.trx
                xa_persistent_file = %1$s/virtuoso.pxa
                ErrorLogLevel = 7
                FileExtend = 200
                MaxCheckpointRemap = 2000
                Striping = 0
                TempStorage = TempDatabase

                [TempDatabase]
                DatabaseFile = %1$s/virtuoso-temp.db
                TransactionFile = %1$s/virtuoso-temp.trx
                MaxCheckpointRemap = 2000
                Striping = 0

                [Parameters]
                ServerPort = 127.0.0.1:%2$d
                DisableUnixSocket = 1
                MaxClientConnections = 10
                CheckpointInterval = 60
                CaseMode = 2
                DirsAllowed = %1$s
                NumberOfBuffers = 10000
                MaxDirtyBuffers = 6000
                ThreadsPerQuery = 2

                [HTTPServer]
                ServerPort = 127.0.0.1:%3$d
                ServerRoot = %1$s
                MaxClientConnections = 10
                ServerThreads = 10
                EnabledDavVSP = 0

                [SPARQL]
                ResultSetMaxRows = %4$d
                MaxQueryExecutionTime = 8
                """.formatted(d, sqlPort, httpPort, MAX_ROWS);
    }

    /** Waits up to two minutes for the HTTP port to answer a SPARQL query; fails at once if the server stops. */
    private static void awaitSparql(Process process, Path dir, int httpPort) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ask = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/sparql?query=ASK%7B%7D"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("virtuoso-t stopped: " + tail(dir.resolve("virtuoso.log")));
            }
            try {
                if (http.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no SPARQL answer within two minutes: " + tail(dir.resolve("virtuoso.log")));
    }

    private static void sql(Path client, int sqlPort, String password, String statement, Path dir) throws IOException, InterruptedException {
        Process isql = new ProcessBuilder(client.toString(), "127.0.0.1:" + sqlPort, "dba", password, "exec=" + statement)
                .redirectErrorStream(true).redirectOutput(dir.resolve("isql.out").toFile()).start();
        if (!isql.waitFor(60, TimeUnit.SECONDS) || isql.exitValue() != 0
                || Files.readString(dir.resolve("isql.out"), StandardCharsets.UTF_8).contains("*** Error")) {
            isql.destroyForcibly();
            throw new IllegalStateException("isql failed: " + tail(dir.resolve("isql.out")));
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no " + file.getFileName() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String newPassword() {
        String letters = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder("Tg");
        for (int i = 0; i < 18; i++) {
            password.append(letters.charAt(random.nextInt(letters.length())));
        }
        return password.toString();
    }

    private static Path installed(List<String> candidates) {
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }

    static boolean inCi(Map<String, String> env) {
        String ci = env.get("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is not worth failing a test for.
        }
    }
}
