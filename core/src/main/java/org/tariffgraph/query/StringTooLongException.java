package org.tariffgraph.query;

import org.apache.jena.query.QueryExecException;

/**
 * A query whose expressions built a string (or number) longer than the limit, or more
 * characters in all than one query may build; it is stopped before it can take the heap.
 */
public final class StringTooLongException extends QueryExecException {

    private static final long serialVersionUID = 1L;

    private final long limit;
    private final boolean inAll;

    private StringTooLongException(String message, long limit, boolean inAll) {
        super(message);
        this.limit = limit;
        this.inAll = inAll;
    }

    static StringTooLongException oneString(long limit) {
        return new StringTooLongException("an expression built a string or number of more than " + limit
                + " characters, the longest one query may build", limit, false);
    }

    static StringTooLongException allStrings(long limit) {
        return new StringTooLongException("the query's expressions built more than " + limit
                + " characters of strings in all, the most one query may build", limit, true);
    }

    public long limit() {
        return limit;
    }

    /** True when the strings together passed the limit, false when one string did. */
    public boolean inAll() {
        return inAll;
    }
}
