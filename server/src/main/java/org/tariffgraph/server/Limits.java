package org.tariffgraph.server;

import org.tariffgraph.query.AnswerLimits;

/**
 * What one request may ask of the endpoint, and how many queries it computes at once.
 *
 * <p>The defaults of the memory limits come from the heap ({@link AnswerLimits#forHeap}): a
 * quarter of it is shared among the queries that may run at once, for their answers, and as
 * much again for the strings their expressions build, so that no query, and no number of
 * clients, can run the server out of memory.
 *
 * @param maxQueryLength       the longest query, in characters
 * @param maxBodyBytes         the largest request body, in bytes
 * @param maxRows              the most rows (SELECT), triples (CONSTRUCT, DESCRIBE), quads or JSON objects an answer may have
 * @param maxAnswerBytes       the most memory an answer may take, in bytes, as estimated while it is read
 * @param maxStringLength      the longest string, in characters, that an expression may build
 * @param maxConcurrentQueries the most queries computed at once; more wait briefly, then are answered 503
 */
public record Limits(int maxQueryLength, long maxBodyBytes, int maxRows, long maxAnswerBytes, long maxStringLength,
                     int maxConcurrentQueries) {

    /** 100,000 characters, 10 MB, 100,000 rows; answers, strings and queries at once from the heap. */
    public static final Limits DEFAULT = new Limits(100_000, 10L * 1024 * 1024, 100_000);

    public Limits {
        if (maxQueryLength <= 0 || maxBodyBytes <= 0 || maxRows <= 0 || maxAnswerBytes <= 0 || maxStringLength <= 0
                || maxConcurrentQueries <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * Limits with {@link AnswerLimits#defaultConcurrency()} queries at once, and memory limits
     * derived from this JVM's heap for that many.
     */
    public Limits(int maxQueryLength, long maxBodyBytes, int maxRows) {
        this(maxQueryLength, maxBodyBytes, maxRows, AnswerLimits.defaultConcurrency());
    }

    /** Limits with memory limits derived from this JVM's heap for {@code maxConcurrentQueries} queries at once. */
    public Limits(int maxQueryLength, long maxBodyBytes, int maxRows, int maxConcurrentQueries) {
        this(maxQueryLength, maxBodyBytes, maxRows, AnswerLimits.forHeap(Runtime.getRuntime().maxMemory(), maxConcurrentQueries),
                maxConcurrentQueries);
    }

    private Limits(int maxQueryLength, long maxBodyBytes, int maxRows, AnswerLimits memory, int maxConcurrentQueries) {
        this(maxQueryLength, maxBodyBytes, maxRows, memory.maxBytes(), memory.maxStringLength(), maxConcurrentQueries);
    }

    /** These limits with another answer size, in bytes. */
    public Limits withMaxAnswerBytes(long bytes) {
        return new Limits(maxQueryLength, maxBodyBytes, maxRows, bytes, maxStringLength, maxConcurrentQueries);
    }

    /** These limits with another longest string, in characters. */
    public Limits withMaxStringLength(long length) {
        return new Limits(maxQueryLength, maxBodyBytes, maxRows, maxAnswerBytes, length, maxConcurrentQueries);
    }

    /** These limits with another number of queries at once; the memory limits stay as they are. */
    public Limits withMaxConcurrentQueries(int queries) {
        return new Limits(maxQueryLength, maxBodyBytes, maxRows, maxAnswerBytes, maxStringLength, queries);
    }

    /** What one query may hold in memory. */
    public AnswerLimits answerLimits() {
        return new AnswerLimits(maxRows, maxAnswerBytes, maxStringLength);
    }
}
