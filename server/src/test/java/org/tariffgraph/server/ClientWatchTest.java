package org.tariffgraph.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;

class ClientWatchTest {

    private static final String SLOW = "SELECT ?x WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STR(?c) = CONCAT(STR(?f), STR(?i), \"none\")) }";

    @Test
    void aQueryStopsWhenItsClientGoesAway() throws Exception {
        SparqlServer server = SparqlServer.builder(TariffGraph.builder().home(TestHomes.repo()).build()).port(0)
                .timeout(Duration.ofSeconds(60)).accessLog(false).build().start();
        try {
            Thread worker = null;
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET /kg/sparql?query=" + Http.encode(SLOW) + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(800);
                worker = busyQueryThread();
                assertTrue(worker != null, "the query is running");
            }
            // The client has gone: within a few seconds the query thread must be done with it.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (busyQueryThread() != null && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(busyQueryThread() == null, "the query went on after its client left");
        } finally {
            server.stop();
        }
    }

    /** A server thread that is evaluating a query, found by its stack. */
    private static Thread busyQueryThread() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().endsWith("BufferedQueryProcessor")))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(null);
    }
}
