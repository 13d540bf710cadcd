package org.tariffgraph.server;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.eclipse.jetty.util.security.Credential;
import org.eclipse.jetty.util.security.CredentialProvider;

/**
 * A password stored as a salted PBKDF2 hash, never in clear:
 * {@code PBKDF2:sha256:<iterations>:<salt, base64>:<hash, base64>}.
 *
 * <p>Jetty finds this through its {@link CredentialProvider} service, so the password file
 * that Fuseki reads ({@code user: PBKDF2:...}) checks HTTP basic passwords against the hash.
 * {@code tariffgraph hash-password} makes such a line.
 */
public final class Pbkdf2Credential extends Credential {

    private static final long serialVersionUID = 1L;

    /** The prefix of a hashed password in the password file. */
    public static final String PREFIX = "PBKDF2:";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** The work factor OWASP recommends for PBKDF2 with HMAC-SHA-256. */
    static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private Pbkdf2Credential(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Reads {@code PBKDF2:sha256:<iterations>:<salt>:<hash>}. */
    static Pbkdf2Credential parse(String stored) {
        String[] parts = stored.split(":");
        if (parts.length != 5 || !(parts[0] + ":").equals(PREFIX) || !parts[1].equals("sha256")) {
            throw new IllegalArgumentException("not a PBKDF2 password hash: expected PBKDF2:sha256:<iterations>:<salt>:<hash>");
        }
        return new Pbkdf2Credential(Integer.parseInt(parts[2]), Base64.getDecoder().decode(parts[3]), Base64.getDecoder().decode(parts[4]));
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
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(new PBEKeySpec(password, salt, iterations, HASH_BITS)).getEncoded();
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

    /** The service Jetty loads to read {@code PBKDF2:} credentials. */
    public static final class Provider implements CredentialProvider {
        @Override
        public Credential getCredential(String credential) {
            return parse(credential);
        }

        @Override
        public String getPrefix() {
            return PREFIX;
        }
    }
}
