package org.tariffgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;

class ClientWatchTest {

    private static final String SLOW = "SELECT ?x WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STR(?c) = CONCAT(STR(?f), STR(?i), \"none\")) }";

    /** A row of the kernel's table for a connection to local port 3030 from 127.0.0.1:{@code port}. */
    private static String row(int port, String state) {
        return String.format("   1: 0100007F:0BD6 0100007F:%04X %s 00000000:00000000 00:00000000 00000000     0        0 1 1 0 20 4 30 10 -1",
                port, state);
    }

    @Test
    void oneScanOfTheTableServesEveryWatchedConnection() {
        List<String> table = new ArrayList<>(List.of("  sl  local_address rem_address   st"));
        AtomicInteger reads = new AtomicInteger();
        ClientWatch.Scanner scanner = new ClientWatch.Scanner(() -> {
            reads.incrementAndGet();
            return List.copyOf(table);
        });
        List<AtomicBoolean> gone = new ArrayList<>();
        List<ClientWatch> watches = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AtomicBoolean flag = new AtomicBoolean();
            gone.add(flag);
            table.add(row(40000 + i, "01"));
            watches.add(scanner.watch(() -> true, TcpTable.Connection.of("127.0.0.1", 3030, 40000 + i), () -> flag.set(true)));
        }
        scanner.tick();
        assertEquals(1, reads.get(), "one read of the table for five connections");
        assertEquals(List.of(false, false, false, false, false), gone.stream().map(AtomicBoolean::get).toList());

        table.set(2, row(40001, "08"));
        table.remove(4);
        scanner.tick();
        assertEquals(2, reads.get());
        assertEquals(List.of(false, true, false, true, false), gone.stream().map(AtomicBoolean::get).toList());
        assertTrue(watches.get(1).clientGone() && watches.get(3).clientGone());

        // Unwatched connections are no longer looked for; with none watched, the table is not read.
        watches.forEach(ClientWatch::stop);
        table.clear();
        scanner.tick();
        assertEquals(2, reads.get(), "the table was read with nothing to watch");
    }

    @Test
    void aConnectionJettyClosedIsGoneWithoutTheTable() {
        AtomicInteger reads = new AtomicInteger();
        ClientWatch.Scanner scanner = new ClientWatch.Scanner(() -> {
            reads.incrementAndGet();
            return null;
        });
        AtomicBoolean open = new AtomicBoolean(true);
        AtomicBoolean gone = new AtomicBoolean();
        ClientWatch watch = scanner.watch(open::get, null, () -> gone.set(true));
        scanner.tick();
        assertTrue(!gone.get() && !watch.clientGone());
        open.set(false);
        scanner.tick();
        assertTrue(gone.get() && watch.clientGone());
        watch.stop();
    }

    /** Jetty does not notice a client that leaves while a query runs: only the kernel's table, on Linux, tells. */
    @Test
    @EnabledOnOs(OS.LINUX)
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
