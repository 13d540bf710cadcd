package org.tariffgraph.load;

/** A file or folder that cannot be loaded; the message names the file and, where known, the line. */
public class LoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LoadException(String message) {
        super(message);
    }

    public LoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
