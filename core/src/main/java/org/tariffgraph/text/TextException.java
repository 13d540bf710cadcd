package org.tariffgraph.text;

/** A text that cannot be used as a source: unreadable, empty, not UTF-8, binary; or words not found in it once. */
public final class TextException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TextException(String message) {
        super(message);
    }

    public TextException(String message, Throwable cause) {
        super(message, cause);
    }
}
