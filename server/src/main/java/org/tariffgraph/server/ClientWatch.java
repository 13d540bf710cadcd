package org.tariffgraph.server;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * Every 100 ms the watch looks there, as well as at Jetty's own view of the connection.
 */
final class ClientWatch {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tariffgraph-client-watch");
        t.setDaemon(true);
        return t;
    });
    private static final long PERIOD_MS = 100;

    private final AtomicBoolean gone = new AtomicBoolean();
    private final ScheduledFuture<?> check;

    private ClientWatch(EndPoint endPoint, String remoteAddress, int localPort, int remotePort, Runnable onGone) {
        this.check = endPoint == null ? null : TIMER.scheduleAtFixedRate(() -> {
            if ((!endPoint.isOpen() || TcpTable.closedByPeer(remoteAddress, localPort, remotePort)) && gone.compareAndSet(false, true)) {
                onGone.run();
            }
        }, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    static ClientWatch start(HttpServletRequest request, Runnable onGone) {
        EndPoint endPoint = null;
        ServletContextRequest jettyRequest = ServletContextRequest.getServletContextRequest(request);
        if (jettyRequest != null) {
            endPoint = jettyRequest.getConnectionMetaData().getConnection().getEndPoint();
            ClientWatch watch = new ClientWatch(endPoint, request.getRemoteAddr(), request.getLocalPort(), request.getRemotePort(), onGone);
            jettyRequest.addFailureListener(failure -> {
                if (watch.gone.compareAndSet(false, true)) {
                    onGone.run();
                }
            });
            return watch;
        }
        return new ClientWatch(null, null, 0, 0, onGone);
    }

    boolean clientGone() {
        return gone.get();
    }

    void stop() {
        if (check != null) {
            check.cancel(false);
        }
    }
}
