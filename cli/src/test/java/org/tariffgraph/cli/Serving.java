package org.tariffgraph.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine;

/** {@code serve} run in this process on its own thread, from its ready line until {@link #stop()}. */
record Serving(Thread thread, String queryUrl, CompletableFuture<Integer> exit) {

    static final String READY = "SPARQL endpoint ready at ";

    /**
     * Runs the command line with these arguments (a {@code serve} command), its standard output
     * and error written to {@code out} and {@code err}, and waits up to {@code deadline} for the
     * ready line; the serving thread is interrupted when it does not come.
     */
    static Serving start(StringWriter out, StringWriter err, Duration deadline, List<String> args) throws InterruptedException {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread thread = new Thread(() -> exit.complete(cmd.execute(args.toArray(String[]::new))));
        thread.start();
        long end = System.nanoTime() + deadline.toNanos();
        try {
            while (out.toString().lines().noneMatch(line -> line.startsWith(READY))) {
                assertTrue(System.nanoTime() < end && !exit.isDone(), "server did not start: " + out + err);
                Thread.sleep(20);
            }
        } catch (AssertionError | InterruptedException e) {
            thread.interrupt();
            throw e;
        }
        String line = out.toString().lines().filter(l -> l.startsWith(READY)).findFirst().orElseThrow();
        return new Serving(thread, line.substring(READY.length()).strip(), exit);
    }

    /** Reads a {@code serve} process's standard output up to its ready line, and gives the address it names. */
    static String readyUrl(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(READY)) {
                return line.substring(READY.length());
            }
        }
        throw new AssertionError("the server did not start: " + new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    int port() {
        return URI.create(queryUrl).getPort();
    }

    /** Interrupts the serving thread and gives its exit code. */
    int stop() throws Exception {
        thread.interrupt();
        return exit.get(20, TimeUnit.SECONDS);
    }
}
