package org.tariffgraph.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.http.auth.AuthChallenge;

/**
 * HTTP basic and digest authentication to the store, answered here rather than by Jena's
 * {@code AuthEnv}. Jena leaves the body of each 401 it answers unread, which keeps the
 * connection busy; a store with few connections (Virtuoso has ten by default) then stalls
 * after a few challenges. Here the 401 is read and closed, the challenge is kept per endpoint,
 * and later requests are signed before they are sent: basic at once, digest with the same
 * nonce and a growing count until the store says it is stale. The password stays in this
 * object: no global registry, no header in a log of the library's.
 */
final class Authentication {

    private final String user;
    private final String password;
    private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();

    Authentication(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /** A challenge a store gave for an endpoint, with the count of the requests signed for it. */
    private record Challenge(AuthChallenge challenge, String clientNonce, AtomicLong count) {}

    /** Whether the endpoint of {@code uri} has challenged before, so that a request to it can be signed before it is sent. */
    boolean knows(URI uri) {
        return challenges.containsKey(endpoint(uri));
    }

    /** Signs a request to {@code uri} when its endpoint has challenged before. */
    void sign(HttpRequest.Builder request, String method, URI uri) {
        Challenge c = challenges.get(endpoint(uri));
        if (c != null) {
            request.setHeader("Authorization", authorization(c, method, uri));
        }
    }

    /**
     * Takes the challenge of a 401 answer, whose body is read and closed here; true if the
     * request is worth sending again, signed: a challenge this class answers, and not one it
     * has just failed (unless the store says only that its nonce was stale).
     */
    boolean challenged(HttpResponse<InputStream> response, URI uri, boolean signed) {
        discard(response.body());
        AuthChallenge best = null;
        for (String header : response.headers().allValues("WWW-Authenticate")) {
            AuthChallenge parsed = AuthChallenge.parse(header);
            if (parsed != null && (parsed.authScheme == AuthScheme.DIGEST
                    || parsed.authScheme == AuthScheme.BASIC && (best == null || best.authScheme != AuthScheme.DIGEST))) {
                best = parsed;
            }
        }
        if (best == null) {
            return false;
        }
        boolean stale = "true".equalsIgnoreCase(best.authParams.getOrDefault("stale", "false"));
        if (signed && !stale) {
            return false;
        }
        challenges.put(endpoint(uri), new Challenge(best, newClientNonce(), new AtomicLong(1)));
        return true;
    }

    private String authorization(Challenge c, String method, URI uri) {
        AuthChallenge challenge = c.challenge();
        if (challenge.authScheme == AuthScheme.BASIC) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        String target = uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        String ha1 = md5(user + ":" + challenge.realm + ":" + password);
        String ha2 = md5(method + ":" + target);
        boolean qop = challenge.qop != null && challenge.qop.toLowerCase(Locale.ROOT).contains("auth");
        String nc = String.format("%08x", c.count().getAndIncrement());
        String response = qop ? md5(ha1 + ":" + challenge.nonce + ":" + nc + ":" + c.clientNonce() + ":auth:" + ha2)
                : md5(ha1 + ":" + challenge.nonce + ":" + ha2);
        StringBuilder header = new StringBuilder("Digest username=\"").append(user)
                .append("\", realm=\"").append(challenge.realm)
                .append("\", nonce=\"").append(challenge.nonce)
                .append("\", uri=\"").append(target)
                .append("\", response=\"").append(response).append('"');
        if (qop) {
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(c.clientNonce()).append('"');
        }
        if (challenge.opaque != null) {
            header.append(", opaque=\"").append(challenge.opaque).append('"');
        }
        return header.append(", algorithm=MD5").toString();
    }

    /** An endpoint: the URL without its query, which digest challenges are valid for. */
    private static String endpoint(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    private static String newClientNonce() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5, which HTTP digest authentication needs, is missing from this Java", e);
        }
    }

    /** Reads what is left of a body and closes it, so that its connection is free again. */
    static void discard(InputStream body) {
        if (body == null) {
            return;
        }
        try (InputStream in = body) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The connection is given up either way.
        }
    }
}
