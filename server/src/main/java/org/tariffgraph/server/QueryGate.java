package org.tariffgraph.server;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many queries the endpoint computes at once. Each holds its answer in memory
 * until the answer is complete, so memory grows with the number computed together; and on
 * a few processors more at once only makes each slower. A query beyond the bound waits
 * {@value #WAIT_MILLIS} ms for a place, in the order of arrival, and is then turned away, to be
 * answered 503 with {@code Retry-After}.
 */
final class QueryGate {

    static final long WAIT_MILLIS = 5_000;
    /** Seconds a turned-away client is asked to wait before it tries again. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final int places;
    private final long waitMillis;
    private final Semaphore free;

    QueryGate(int places) {
        this(places, WAIT_MILLIS);
    }

    QueryGate(int places, long waitMillis) {
        this.places = places;
        this.waitMillis = waitMillis;
        this.free = new Semaphore(places, true);
    }

    /** Takes a place, waiting briefly for one; false when none came free. */
    boolean enter() {
        try {
            return free.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives back a place taken by {@link #enter()}. */
    void leave() {
        free.release();
    }

    int places() {
        return places;
    }
}
