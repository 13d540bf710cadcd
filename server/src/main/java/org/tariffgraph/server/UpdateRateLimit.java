package org.tariffgraph.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Limits how often one address may call the update endpoint, before any password is
 * checked: each check costs a PBKDF2 hash on purpose, so unlimited attempts would let
 * anyone keep the processors busy. A burst of {@value #BURST} requests, then one a second;
 * more are answered 429.
 */
final class UpdateRateLimit extends Handler.Wrapper {

    static final int BURST = 10;
    private static final double PER_SECOND = 1.0;
    private static final int MAX_ADDRESSES = 10_000;

    private final String path;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Tokens of one address: refilled with time, one taken per request. */
    private static final class Bucket {
        private double tokens = BURST;
        private long last = System.nanoTime();

        synchronized boolean take() {
            long now = System.nanoTime();
            tokens = Math.min(BURST, tokens + (now - last) / 1e9 * PER_SECOND);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }

    UpdateRateLimit(Handler inner, String path) {
        super(inner);
        this.path = path;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String target = request.getHttpURI().getPath();
        if (target != null && target.startsWith(path)) {
            if (buckets.size() > MAX_ADDRESSES) {
                buckets.clear();
            }
            if (!buckets.computeIfAbsent(Request.getRemoteAddr(request), k -> new Bucket()).take()) {
                Response.writeError(request, response, callback, 429,
                        "Too many update requests from this address; try again in a few seconds.");
                return true;
            }
        }
        return super.handle(request, response, callback);
    }
}
