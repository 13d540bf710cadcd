package org.tariffgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TestHomes;
import org.tariffgraph.server.Pbkdf2Credential;

/**
 * The guarantee of the persistent store: a load or an update killed mid-way (kill -9)
 * leaves the data as it was before or as it is after, never half. Each case kills a real
 * process at several moments and then reads the store.
 */
class StoreDurabilityTest {

    private static final String BIG = "http://example.org/big";

    @TempDir
    Path tmp;

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    /** Reads a process's standard error until a line contains {@code marker}; the rest is drained in the background. */
    private static void awaitLine(Process process, String marker) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = err.readLine()) != null) {
            if (line.contains(marker)) {
                Thread drain = new Thread(() -> err.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new AssertionError("the process ended without logging '" + marker + "'");
    }

    /** The number of triples the store holds in each of the given graphs, read after the kill. */
    private static long[] count(Path store, String... graphs) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        try {
            return Txn.calculateRead(dsg, () -> {
                long[] n = new long[graphs.length];
                for (int i = 0; i < graphs.length; i++) {
                    n[i] = dsg.getGraph(NodeFactory.createURI(graphs[i])).size();
                }
                return n;
            });
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    private static void writeTriples(Writer out, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            out.write("<http://example.org/s" + i + "> <http://example.org/p> \"value " + i + "\" .\n");
        }
    }

    @Test
    void aLoadKilledMidwayLeavesTheStoreEmptyOrComplete() throws Exception {
        int n = 300_000;
        Path data = Files.createDirectories(tmp.resolve("data"));
        try (Writer out = Files.newBufferedWriter(data.resolve("big.trig"))) {
            out.write("<" + BIG + "> {\n");
            writeTriples(out, n);
            out.write("}\n");
        }
        List<Long> outcomes = new ArrayList<>();
        // Kills at moments after the write transaction has begun; the last run is not killed.
        for (int delay : new int[] {0, 100, 300, 600, 1000, -1}) {
            Path store = tmp.resolve("store-" + outcomes.size());
            Process load = start("load", "--home", TestHomes.repo().toString(), "--data", data.toString(), "--store", store.toString());
            awaitLine(load, "in one transaction");
            if (delay >= 0) {
                Thread.sleep(delay);
                load.destroyForcibly();
            }
            load.waitFor();
            long big = count(store, BIG)[0];
            assertTrue(big == 0 || big == n, "after a kill " + delay + " ms into the write the store holds " + big + " of " + n + " triples");
            outcomes.add(big);
        }
        assertEquals(n, outcomes.get(outcomes.size() - 1), "an unkilled load completes");
        assertTrue(outcomes.contains(0L), "some kill landed before the commit: the test proves something; outcomes " + outcomes);
    }

    @Test
    void anUpdateKilledMidwayLeavesTheStoreAsBeforeOrAfter() throws Exception {
        String article = "https://w3id.org/tariffgraph/graph/article/prepsaret-2025-chinese-mining-rig-makers-us-production";
        Path passwords = tmp.resolve("passwords");
        Files.writeString(passwords, "curator: " + Pbkdf2Credential.hash("s3cret".toCharArray()) + "\n");
        StringBuilder update = new StringBuilder("INSERT DATA { GRAPH <" + BIG + "> {\n");
        int n = 50_000;
        try (var out = new java.io.StringWriter()) {
            writeTriples(out, n);
            update.append(out).append("} }");
        }
        HttpClient client = HttpClient.newHttpClient();
        List<Long> outcomes = new ArrayList<>();
        for (int delay : new int[] {0, 100, 300, 600, 1000, -1}) {
            Path store = tmp.resolve("store-" + outcomes.size());
            assertEquals(0, Cli.run("load", "--home", TestHomes.repo().toString(), "--store", store.toString()).exitCode());
            // Release the store this process opened, so that the server can take it.
            TDBInternal.expel(DatabaseMgr.connectDatasetGraph(store.toString()));
            long articleBefore = count(store, article)[0];
            Process server = start("serve", "--home", TestHomes.repo().toString(),
                    "--store", store.toString(), "--port", "0", "--enable-update", "--password-file", passwords.toString(), "--no-access-log");
            try {
                String url = readyUrl(server).replace("/sparql", "/update");
                CompletableFuture<HttpResponse<String>> sent = client.sendAsync(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/sparql-update")
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("curator:s3cret".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(update.toString())).build(), HttpResponse.BodyHandlers.ofString());
                // The server logs the update just before it opens the write transaction.
                CompletableFuture<Void> logged = CompletableFuture.runAsync(() -> {
                    try {
                        awaitLine(server, "applies an update");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                CompletableFuture.anyOf(logged, sent).get(60, TimeUnit.SECONDS);
                assertTrue(logged.isDone() || sent.join().statusCode() / 100 == 2,
                        "the update was refused: " + (sent.isDone() ? sent.join().statusCode() + " " + sent.join().body() : ""));
                if (delay >= 0) {
                    Thread.sleep(delay);
                } else {
                    int status = sent.get(60, TimeUnit.SECONDS).statusCode();
                    assertTrue(status == 200 || status == 204, "the update answered " + status);
                }
            } finally {
                server.destroyForcibly().waitFor();
            }
            long[] after = count(store, BIG, article);
            assertTrue(after[0] == 0 || after[0] == n, "after a kill " + delay + " ms into the update it left " + after[0] + " of " + n + " triples");
            assertEquals(articleBefore, after[1], "the rest of the data is as it was");
            outcomes.add(after[0]);
        }
        assertEquals(n, outcomes.get(outcomes.size() - 1), "an update that is not killed is kept");
        assertTrue(outcomes.contains(0L), "some kill landed before the commit: the test proves something; outcomes " + outcomes);
    }

    /** Reads the server's standard output up to its ready line. */
    private static String readyUrl(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("SPARQL endpoint ready at ")) {
                return line.substring("SPARQL endpoint ready at ".length());
            }
        }
        throw new AssertionError("the server did not start");
    }
}
