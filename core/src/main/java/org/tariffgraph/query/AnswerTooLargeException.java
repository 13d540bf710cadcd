package org.tariffgraph.query;

import org.apache.jena.query.QueryException;

/** An answer with more rows, triples, quads, JSON objects or bytes than the limit it was read under. */
public final class AnswerTooLargeException extends QueryException {

    private static final long serialVersionUID = 1L;

    private final String unit;
    private final long limit;

    AnswerTooLargeException(String unit, long limit) {
        super("the answer has more than " + limit + " " + unit);
        this.unit = unit;
        this.limit = limit;
    }

    /**
     * What was counted: {@code rows}, {@code triples}, {@code quads} or {@code items}; or
     * {@code bytes}, the memory the answer takes, as estimated while it was read.
     */
    public String unit() {
        return unit;
    }

    public long limit() {
        return limit;
    }
}
