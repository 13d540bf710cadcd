package org.tariffgraph.linkeddata;

import java.util.List;

/**
 * The Content-Security-Policy of every response: scripts and styles only from this server's
 * own files, no inline script, no plugin, no framing, and requests only to this server. A
 * page whose library inserts a fixed inline style (the query page) gets a policy that allows
 * exactly that style by its hash, never inline styles in general.
 */
public final class ContentSecurityPolicy {

    /** The policy of every response but the query page's. */
    public static final String DEFAULT = of(List.of(), List.of());

    private ContentSecurityPolicy() {}

    /**
     * The policy, allowing also the inline {@code <style>} elements and {@code style}
     * attributes whose text has one of these hashes ({@code sha256-...}).
     */
    static String of(List<String> styleElementHashes, List<String> styleAttributeHashes) {
        StringBuilder policy = new StringBuilder("default-src 'none'; script-src 'self'; style-src 'self'");
        if (!styleElementHashes.isEmpty()) {
            policy.append("; style-src-elem 'self'");
            styleElementHashes.forEach(h -> policy.append(" '").append(h).append('\''));
        }
        if (!styleAttributeHashes.isEmpty()) {
            policy.append("; style-src-attr 'unsafe-hashes'");
            styleAttributeHashes.forEach(h -> policy.append(" '").append(h).append('\''));
        }
        return policy.append("; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self';"
                + " frame-ancestors 'none'; base-uri 'none'").toString();
    }
}
