package org.tariffgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

class UpdateRateLimitTest {

    /** A clock the test moves by hand, in nanoseconds. */
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private void advance(long amount, TimeUnit unit) {
        now.addAndGet(unit.toNanos(amount));
    }

    private static final Handler NO_CONTENT = new Handler.Abstract() {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(204);
            callback.succeeded();
            return true;
        }
    };

    @Test
    void allowsABurstThenOneRequestASecond() {
        UpdateRateLimit limit = new UpdateRateLimit(NO_CONTENT, "/kg/update", now::get);
        for (int i = 0; i < UpdateRateLimit.BURST; i++) {
            assertTrue(limit.take("192.0.2.1"), "request " + (i + 1) + " of the burst");
        }
        assertFalse(limit.take("192.0.2.1"), "the burst is used up");
        advance(999, TimeUnit.MILLISECONDS);
        assertFalse(limit.take("192.0.2.1"), "not yet a second later");
        advance(1, TimeUnit.MILLISECONDS);
        assertTrue(limit.take("192.0.2.1"), "one more after a second");
        assertFalse(limit.take("192.0.2.1"));
    }

    @Test
    void refillsNoMoreThanTheBurstHoweverLongItWaits() {
        UpdateRateLimit limit = new UpdateRateLimit(NO_CONTENT, "/kg/update", now::get);
        while (limit.take("192.0.2.1")) {
            // use up the burst
        }
        advance(1, TimeUnit.HOURS);
        int allowed = 0;
        while (limit.take("192.0.2.1")) {
            allowed++;
        }
        assertEquals(UpdateRateLimit.BURST, allowed);
    }

    @Test
    void eachAddressHasItsOwnAllowance() {
        UpdateRateLimit limit = new UpdateRateLimit(NO_CONTENT, "/kg/update", now::get);
        while (limit.take("192.0.2.1")) {
            // use up the burst
        }
        assertTrue(limit.take("192.0.2.2"));
        assertFalse(limit.take("192.0.2.1"));
    }

    @Test
    void answers429AtTheUpdatePathUntilTheClockHasMoved() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new UpdateRateLimit(NO_CONTENT, "/kg/update", now::get));
        server.start();
        try {
            String base = "http://127.0.0.1:" + connector.getLocalPort();
            for (int i = 0; i < UpdateRateLimit.BURST; i++) {
                assertEquals(204, Http.update(base + "/kg/update", "CLEAR SILENT GRAPH <urn:x:g>", null, null).statusCode());
            }
            HttpResponse<String> tooMany = Http.update(base + "/kg/update", "CLEAR SILENT GRAPH <urn:x:g>", null, null);
            assertEquals(429, tooMany.statusCode());
            assertTrue(tooMany.body().contains("Too many update requests"), tooMany.body());
            assertEquals(204, Http.get(base + "/kg/sparql", "*/*").statusCode(), "other paths are not limited");
            advance(1, TimeUnit.SECONDS);
            assertEquals(204, Http.update(base + "/kg/update", "CLEAR SILENT GRAPH <urn:x:g>", null, null).statusCode());
            assertEquals(429, Http.update(base + "/kg/update", "CLEAR SILENT GRAPH <urn:x:g>", null, null).statusCode());
        } finally {
            server.stop();
        }
    }
}
