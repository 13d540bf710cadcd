package org.tariffgraph.load;

import java.util.function.LongConsumer;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store that logs, from inside each write transaction, how much it has written so far:
 * "10000 quads written into the store, not yet committed", and again every 10,000 quads
 * added or deleted. A long load or update shows its progress, and a line of this kind
 * proves that the transaction holds written, uncommitted data at that moment (the
 * durability tests kill the process on it).
 *
 * <p>The count belongs to the transaction's thread: a transaction is bound to its thread,
 * and readers may end theirs while a writer writes.
 */
public final class WriteProgress extends DatasetGraphWrapper {

    /** Quads between two progress lines. */
    public static final long EVERY = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger("org.tariffgraph.store");

    private final ThreadLocal<long[]> written = ThreadLocal.withInitial(() -> new long[1]);
    private final LongConsumer progress;

    /** @param progress told the number of quads written so far in the transaction, every {@link #EVERY} */
    WriteProgress(DatasetGraph store, LongConsumer progress) {
        super(store);
        this.progress = progress;
    }

    /** {@code store}, logging the progress of its write transactions. */
    public static DatasetGraph of(DatasetGraph store) {
        return new WriteProgress(store, n -> LOG.info("{} quads written into the store, not yet committed", n));
    }

    @Override
    public void add(Quad quad) {
        super.add(quad);
        wrote();
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        super.add(g, s, p, o);
        wrote();
    }

    @Override
    public void delete(Quad quad) {
        super.delete(quad);
        wrote();
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        super.delete(g, s, p, o);
        wrote();
    }

    private void wrote() {
        long n = ++written.get()[0];
        if (n % EVERY == 0) {
            progress.accept(n);
        }
    }

    @Override
    public void commit() {
        written.get()[0] = 0;
        super.commit();
    }

    @Override
    public void abort() {
        written.get()[0] = 0;
        super.abort();
    }

    @Override
    public void end() {
        written.get()[0] = 0;
        super.end();
    }
}
