package org.tariffgraph.query;

/**
 * How much memory one query may take: its answer, which is held whole until it is complete,
 * and the strings (and numbers) its expressions build on the way. A row limit alone does not
 * bound memory: one row can hold a string of any length.
 *
 * <p>The defaults ({@link #forHeap}) share a quarter of the heap among the queries that may
 * run at once: each may hold that share in its answer, and as many bytes again in the strings
 * its expressions build, so that all of them together stay within half the heap.
 *
 * @param maxItems        the most rows, triples, quads or JSON objects an answer may have
 * @param maxBytes        the most bytes an answer may take in memory, as {@link QueryRunner}
 *                        estimates them while it reads the answer; the strings one query's
 *                        expressions build may hold half as many characters (two bytes each) in all
 * @param maxStringLength the longest string, in characters, or number, in digits, that one
 *                        expression may build
 */
public record AnswerLimits(long maxItems, long maxBytes, long maxStringLength) {

    /** The share of the heap that the answers of all the queries running at once may take. */
    private static final int HEAP_SHARE = 4;
    /** How many strings of the longest length fit in one query's answer. */
    private static final int STRINGS_PER_ANSWER = 16;

    public AnswerLimits {
        if (maxItems <= 0 || maxBytes <= 0 || maxStringLength <= 0) {
            throw new IllegalArgumentException("answer limits must be positive");
        }
    }

    /**
     * Limits that let {@code concurrentQueries} queries run at once in a heap of
     * {@code heapBytes}: a quarter of the heap shared among them for answers, and strings
     * of up to a sixteenth of one answer's share. No limit on the number of items.
     */
    public static AnswerLimits forHeap(long heapBytes, int concurrentQueries) {
        if (heapBytes <= 0 || concurrentQueries <= 0) {
            throw new IllegalArgumentException("the heap and the number of queries must be positive");
        }
        long bytes = Math.max(1L << 20, heapBytes / HEAP_SHARE / concurrentQueries);
        return new AnswerLimits(Long.MAX_VALUE, bytes, stringLengthFor(bytes));
    }

    /** The longest string by default for answers of {@code maxBytes}: sixteen such strings fill one. */
    public static long stringLengthFor(long maxBytes) {
        return Math.max(1, maxBytes / STRINGS_PER_ANSWER);
    }

    /** The limits for this JVM's heap and {@link #defaultConcurrency()} queries at once. */
    public static AnswerLimits defaults() {
        return forHeap(Runtime.getRuntime().maxMemory(), defaultConcurrency());
    }

    /** How many queries may be computed at once by default: two per processor. */
    public static int defaultConcurrency() {
        return Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** The most characters all the strings one query's expressions build may hold together. */
    public long maxBuiltCharacters() {
        return Math.max(maxStringLength, maxBytes / 2);
    }

    public AnswerLimits withMaxItems(long items) {
        return new AnswerLimits(items, maxBytes, maxStringLength);
    }

    public AnswerLimits withMaxBytes(long bytes) {
        return new AnswerLimits(maxItems, bytes, maxStringLength);
    }

    public AnswerLimits withMaxStringLength(long length) {
        return new AnswerLimits(maxItems, maxBytes, length);
    }
}
