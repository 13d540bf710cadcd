package org.tariffgraph.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Watches a request's connection while its answer is computed, and runs an action (stop
 * the query) as soon as the client has gone.
 *
 * <p>Jetty does not read from a connection while it handles a request on it, so it only
 * learns that the client left when it writes the answer. The kernel knows sooner: on Linux,
 * the connection's entry in {@code /proc/net/tcp} (or {@code tcp6}) turns to
 * {@code CLOSE_WAIT} when the client closes it, and disappears when the client resets it.
 * Every 100 ms one shared {@link Scanner} reads the table once for all the connections
 * watched at that moment, and looks at Jetty's own view of each; the cost of a tick grows
 * with the size of the table, not with the number of queries times the size of the table.
 */
final class ClientWatch {

    private static final long PERIOD_MS = 100;
    private static final Scanner SCANNER = new Scanner(TcpTable::read);

    static {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tariffgraph-client-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(SCANNER::tick, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private final Scanner scanner;
    private final BooleanSupplier open;
    private final TcpTable.Connection connection;
    private final Runnable onGone;
    private final AtomicBoolean gone = new AtomicBoolean();

    private ClientWatch(Scanner scanner, BooleanSupplier open, TcpTable.Connection connection, Runnable onGone) {
        this.scanner = scanner;
        this.open = open;
        this.connection = connection;
        this.onGone = onGone;
    }

    /** Starts watching the connection of {@code request}; {@link #stop()} it once the answer is computed. */
    static ClientWatch start(HttpServletRequest request, Runnable onGone) {
        ServletContextRequest jettyRequest = ServletContextRequest.getServletContextRequest(request);
        if (jettyRequest == null) {
            return new ClientWatch(SCANNER, () -> true, null, onGone);
        }
        EndPoint endPoint = jettyRequest.getConnectionMetaData().getConnection().getEndPoint();
        ClientWatch watch = SCANNER.watch(endPoint::isOpen,
                TcpTable.Connection.of(request.getRemoteAddr(), request.getLocalPort(), request.getRemotePort()), onGone);
        jettyRequest.addFailureListener(failure -> watch.gone());
        return watch;
    }

    boolean clientGone() {
        return gone.get();
    }

    /** Stops watching: the scanner no longer looks at this connection. */
    void stop() {
        scanner.unwatch(this);
    }

    private void gone() {
        if (gone.compareAndSet(false, true)) {
            onGone.run();
        }
    }

    /**
     * Looks at every watched connection once a tick: Jetty's view of each, and one read of the
     * kernel's table for all of them. The table is read only while something is watched.
     */
    static final class Scanner {
        private final Supplier<List<String>> table;
        private final Set<ClientWatch> watched = ConcurrentHashMap.newKeySet();

        /** @param table the lines of the kernel's table, or null where it cannot be read */
        Scanner(Supplier<List<String>> table) {
            this.table = table;
        }

        /**
         * Watches a connection: gone when {@code open} turns false, or, when the connection can
         * be named in the kernel's table, when the table shows it closed by the client or no more.
         */
        ClientWatch watch(BooleanSupplier open, TcpTable.Connection connection, Runnable onGone) {
            ClientWatch watch = new ClientWatch(this, open, connection, onGone);
            watched.add(watch);
            return watch;
        }

        void unwatch(ClientWatch watch) {
            watched.remove(watch);
        }

        /** One look at every connection watched now. */
        void tick() {
            if (watched.isEmpty()) {
                return;
            }
            List<ClientWatch> now = new ArrayList<>(watched);
            Map<TcpTable.Connection, List<ClientWatch>> inTable = new HashMap<>();
            for (ClientWatch watch : now) {
                if (!watched.contains(watch)) {
                    continue;
                }
                if (!watch.open.getAsBoolean()) {
                    watch.gone();
                } else if (watch.connection != null) {
                    inTable.computeIfAbsent(watch.connection, c -> new ArrayList<>()).add(watch);
                }
            }
            if (inTable.isEmpty()) {
                return;
            }
            List<String> lines = table.get();
            if (lines == null) {
                return;
            }
            for (TcpTable.Connection closed : TcpTable.closedByPeer(lines, inTable.keySet())) {
                inTable.get(closed).stream().filter(watched::contains).forEach(ClientWatch::gone);
            }
        }
    }
}
