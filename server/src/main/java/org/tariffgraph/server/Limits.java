package org.tariffgraph.server;

/**
 * What one request may ask of the endpoint.
 *
 * @param maxQueryLength the longest query, in characters
 * @param maxBodyBytes   the largest request body, in bytes
 * @param maxRows        the most rows (SELECT) or triples (CONSTRUCT) an answer may have
 */
public record Limits(int maxQueryLength, long maxBodyBytes, int maxRows) {

    /** 100,000 characters, 10 MB, 100,000 rows. */
    public static final Limits DEFAULT = new Limits(100_000, 10L * 1024 * 1024, 100_000);

    public Limits {
        if (maxQueryLength <= 0 || maxBodyBytes <= 0 || maxRows <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
