package org.tariffgraph.remote;

/**
 * The remote store could not be reached, refused a request, or sent an answer that is not
 * known to be complete. The message says which store URL, what happened and, where it can,
 * what to change; it never holds a password.
 */
public class RemoteStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status an endpoint in front of the store answers with, such as 502 or 503. */
    private final int status;

    public RemoteStoreException(int status, String message) {
        super(message);
        this.status = status;
    }

    public RemoteStoreException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /**
     * The status for a client of an endpoint in front of the store: 400 when the store
     * refused the query itself, 503 when it ran out of time, 502 for every other fault of
     * the store or of the way to it.
     */
    public int status() {
        return status;
    }
}
