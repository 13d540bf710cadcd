package org.tariffgraph.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Limits how often one address may call the update endpoint, before any password is
 * checked: each check costs a PBKDF2 hash on purpose, so unlimited attempts would let
 * anyone keep the processors busy, or guess passwords quickly. A burst of
 * {@value #BURST} requests, then one a second; more are answered 429.
 */
final class UpdateRateLimit extends Handler.Wrapper {

    static final int BURST = 10;
    private static final long NANOS_PER_TOKEN = 1_000_000_000L;
    private static final int MAX_ADDRESSES = 10_000;

    private final String path;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Tokens of one address, counted in nanoseconds of refill: one token a second, at most {@link #BURST}. */
    private final class Bucket {
        private long credit = BURST * NANOS_PER_TOKEN;
        private long last = nanoTime.getAsLong();

        synchronized boolean take() {
            long now = nanoTime.getAsLong();
            credit = Math.min(BURST * NANOS_PER_TOKEN, credit + Math.max(0, now - last));
            last = now;
            if (credit < NANOS_PER_TOKEN) {
                return false;
            }
            credit -= NANOS_PER_TOKEN;
            return true;
        }
    }

    /** @param path the path of the update endpoint, compared with each request's path as Jetty dispatches it: decoded and normalised */
    UpdateRateLimit(Handler inner, String path) {
        this(inner, path, System::nanoTime);
    }

    /** With a clock of nanoseconds, such as {@link System#nanoTime}, that tests can move by hand. */
    UpdateRateLimit(Handler inner, String path, LongSupplier nanoTime) {
        super(inner);
        this.path = path;
        this.nanoTime = nanoTime;
    }

    /** Takes one request from the allowance of an address; false if it has none left. */
    boolean take(String address) {
        if (buckets.size() > MAX_ADDRESSES) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(address, k -> new Bucket()).take();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (path.equals(request.getHttpURI().getCanonicalPath()) && !take(Request.getRemoteAddr(request))) {
            Response.writeError(request, response, callback, 429,
                    "Too many update requests from this address; try again in a few seconds.");
            return true;
        }
        return super.handle(request, response, callback);
    }
}
