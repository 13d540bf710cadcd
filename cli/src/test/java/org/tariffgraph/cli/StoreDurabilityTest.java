package org.tariffgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
 * process at moments inside its write transaction, told by the store's own log line
 * "N quads written into the store, not yet committed", and then reads the store.
 */
class StoreDurabilityTest {

    private static final String BIG = "http://example.org/big";
    private static final String WRITTEN = " quads written into the store, not yet committed";

    @TempDir
    Path tmp;

    /** When to kill a process: on the log line that says how many quads the open transaction holds, or never. */
    private record Trial(long quadsWritten) {
        static final Trial NEVER = new Trial(-1);

        boolean kills() {
            return quadsWritten >= 0;
        }
    }

    /** What one trial saw: whether the process logged written data before it was killed, and what the store held after. */
    private record Outcome(Trial trial, boolean writtenBeforeKill, long big) {}

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    /**
     * Reads a process's standard error until a line contains {@code marker}, and tells
     * whether it did; the rest is drained in the background.
     */
    private static boolean awaitLine(Process process, String marker) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = err.readLine()) != null) {
            if (line.contains(marker)) {
                Thread drain = new Thread(() -> err.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return true;
            }
        }
        return false;
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

    /** The number of quads the store holds in all its graphs. */
    private static long total(Path store) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        try {
            return Txn.calculateRead(dsg, () -> {
                long[] n = {0};
                dsg.listGraphNodes().forEachRemaining(g -> n[0] += dsg.getGraph(g).size());
                return n[0];
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

    /** At least one kill landed after data was written in the transaction, and the store showed the state before it. */
    private static void assertSomeKillLandedInsideTheTransaction(List<Outcome> outcomes) {
        assertTrue(outcomes.stream().anyMatch(o -> o.trial().kills() && o.writtenBeforeKill() && o.big() == 0),
                "no trial was killed after data was written and before the commit: " + outcomes);
    }

    @Test
    void aLoadKilledMidwayLeavesTheStoreEmptyOrComplete() throws Exception {
        int n = 30_000;
        Path data = Files.createDirectories(tmp.resolve("data"));
        try (Writer out = Files.newBufferedWriter(data.resolve("big.trig"))) {
            out.write("<" + BIG + "> {\n");
            writeTriples(out, n);
            out.write("}\n");
        }
        List<Outcome> outcomes = new ArrayList<>();
        Long complete = null;
        // Killed with a third of the data written, with nearly all of it written (near the commit), and not killed.
        for (Trial trial : List.of(new Trial(10_000), new Trial(30_000), Trial.NEVER)) {
            Path store = tmp.resolve("store-" + outcomes.size());
            Process load = start("load", "--home", TestHomes.repo().toString(), "--data", data.toString(), "--store", store.toString());
            boolean written = awaitLine(load, trial.kills() ? " " + trial.quadsWritten() + WRITTEN : WRITTEN);
            assertTrue(written, "the load logged no written data inside its transaction");
            if (trial.kills()) {
                load.destroyForcibly();
            }
            load.waitFor();
            long big = count(store, BIG)[0];
            long all = total(store);
            assertTrue(big == 0 && all == 0 || big == n, "after a kill at " + trial + " the store holds " + big + " of " + n
                    + " triples of the big graph and " + all + " in all");
            if (!trial.kills()) {
                complete = all;
            }
            outcomes.add(new Outcome(trial, written, big));
        }
        assertEquals(n, outcomes.get(outcomes.size() - 1).big(), "an unkilled load completes");
        assertTrue(complete != null && complete > n, "the unkilled load holds the repository's data too");
        assertSomeKillLandedInsideTheTransaction(outcomes);
    }

    @Test
    void anUpdateKilledMidwayLeavesTheStoreAsBeforeOrAfter() throws Exception {
        String article = "https://w3id.org/tariffgraph/graph/article/prepsaret-2025-chinese-mining-rig-makers-us-production";
        Path passwords = tmp.resolve("passwords");
        Files.writeString(passwords, "curator: " + Pbkdf2Credential.hash("s3cret".toCharArray()) + "\n");
        StringBuilder update = new StringBuilder("INSERT DATA { GRAPH <" + BIG + "> {\n");
        int n = 30_000;
        try (StringWriter out = new StringWriter()) {
            writeTriples(out, n);
            update.append(out).append("} }");
        }
        HttpClient client = HttpClient.newHttpClient();
        List<Outcome> outcomes = new ArrayList<>();
        // Killed with a third of the update written, with all of it written (near the commit), and not killed.
        for (Trial trial : List.of(new Trial(10_000), new Trial(30_000), Trial.NEVER)) {
            Path store = tmp.resolve("store-" + outcomes.size());
            assertEquals(0, Cli.run("load", "--home", TestHomes.repo().toString(), "--store", store.toString()).exitCode());
            // Release the store this process opened, so that the server can take it.
            TDBInternal.expel(DatabaseMgr.connectDatasetGraph(store.toString()));
            long articleBefore = count(store, article)[0];
            Process server = start("serve", "--home", TestHomes.repo().toString(),
                    "--store", store.toString(), "--port", "0", "--enable-update", "--password-file", passwords.toString(), "--no-access-log");
            boolean written;
            try {
                String url = Serving.readyUrl(server).replace("/sparql", "/update");
                CompletableFuture<Boolean> logged = CompletableFuture.supplyAsync(() -> {
                    try {
                        return awaitLine(server, trial.kills() ? " " + trial.quadsWritten() + WRITTEN : WRITTEN);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                CompletableFuture<HttpResponse<String>> sent = client.sendAsync(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/sparql-update")
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("curator:s3cret".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(update.toString())).build(), HttpResponse.BodyHandlers.ofString());
                CompletableFuture.anyOf(logged, sent).get(120, TimeUnit.SECONDS);
                if (!logged.isDone()) {
                    // The update answered first: what it logged while it wrote is already in the pipe.
                    try {
                        logged.get(10, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        // It logged nothing.
                    }
                }
                written = logged.isDone() && logged.join();
                assertTrue(written, "the update logged no written data inside its transaction"
                        + (sent.isDone() ? "; it answered " + sent.join().statusCode() + " " + sent.join().body() : ""));
                if (!trial.kills()) {
                    int status = sent.get(120, TimeUnit.SECONDS).statusCode();
                    assertTrue(status == 200 || status == 204, "the update answered " + status);
                }
            } finally {
                server.destroyForcibly().waitFor();
            }
            long[] after = count(store, BIG, article);
            assertTrue(after[0] == 0 || after[0] == n, "after a kill at " + trial + " the update left " + after[0] + " of " + n + " triples");
            assertEquals(articleBefore, after[1], "the rest of the data is as it was");
            outcomes.add(new Outcome(trial, written, after[0]));
        }
        assertEquals(n, outcomes.get(outcomes.size() - 1).big(), "an update that is not killed is kept");
        assertSomeKillLandedInsideTheTransaction(outcomes);
    }

}
