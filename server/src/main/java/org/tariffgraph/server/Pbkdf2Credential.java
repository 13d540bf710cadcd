package org.tariffgraph.server;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.eclipse.jetty.util.security.Credential;

/**
 * A password stored as a salted PBKDF2 hash, never in clear:
 * {@code PBKDF2:sha256:<iterations>:<salt, base64>:<hash, base64>}.
 *
 * <p>{@code tariffgraph hash-password} makes such a line for the password file of
 * {@code serve --enable-update}. A stored hash is checked whole when it is read, so that a
 * hash that could never match, or could not be checked at all, is refused at start and not
 * at a user's first login.
 */
public final class Pbkdf2Credential extends Credential {

    private static final long serialVersionUID = 1L;

    /** The prefix of a hashed password in the password file. */
    public static final String PREFIX = "PBKDF2:";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String FORMAT = "expected PBKDF2:sha256:<iterations>:<salt>:<hash>";
    /** The work factor OWASP recommends for PBKDF2 with HMAC-SHA-256. */
    static final int ITERATIONS = 600_000;
    /** More would make each login take seconds, and each attempt a way to keep the server busy. */
    static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private Pbkdf2Credential(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * Reads {@code PBKDF2:sha256:<iterations>:<salt>:<hash>}.
     *
     * @throws IllegalArgumentException naming what is wrong: the format, the iteration count
     *         (from 1 to {@value #MAX_ITERATIONS}), the salt or the hash (base64, not empty, a
     *         hash of 32 bytes)
     */
    public static Pbkdf2Credential parse(String stored) {
        String[] parts = stored.strip().split(":", -1);
        if (parts.length != 5 || !(parts[0] + ":").equals(PREFIX) || !parts[1].equals("sha256")) {
            throw new IllegalArgumentException("not a PBKDF2 password hash: " + FORMAT);
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            iterations = -1;
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("the iteration count of a PBKDF2 hash must be a whole number from 1 to "
                    + MAX_ITERATIONS + ", not '" + parts[2] + "'");
        }
        byte[] salt = base64(parts[3], "salt");
        byte[] hash = base64(parts[4], "hash");
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("the hash of a PBKDF2 hash must be " + HASH_BYTES + " bytes (HMAC-SHA-256), not "
                    + hash.length);
        }
        return new Pbkdf2Credential(iterations, salt, hash);
    }

    private static byte[] base64(String text, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " of a PBKDF2 hash is not valid base64: " + e.getMessage(), e);
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("the " + what + " of a PBKDF2 hash is empty: " + FORMAT);
        }
        return bytes;
    }

    /**
     * A credential that no password matches, as costly to check as a stored one of
     * {@code iterations}: a random hash of a random salt.
     */
    static Pbkdf2Credential unmatchable(int iterations) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[HASH_BYTES];
        random.nextBytes(salt);
        random.nextBytes(hash);
        return new Pbkdf2Credential(iterations, salt, hash);
    }

    /** The work factor of this hash. */
    int iterations() {
        return iterations;
    }

    /** A new hash of a password, with a fresh random salt. */
    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        byte[] hash = derive(password, salt, ITERATIONS);
        return PREFIX + "sha256:" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":" + Base64.getEncoder().encodeToString(hash);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 with HMAC-SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public boolean check(Object credentials) {
        char[] given;
        if (credentials instanceof char[] chars) {
            given = chars;
        } else if (credentials instanceof String s) {
            given = s.toCharArray();
        } else {
            return false;
        }
        return MessageDigest.isEqual(hash, derive(given, salt, iterations));
    }
}
