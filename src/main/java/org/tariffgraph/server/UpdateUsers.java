package org.tariffgraph.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.eclipse.jetty.security.UserStore;

/**
 * The users who may update, read once from a password file and kept in memory. Each line of
 * the file is {@code user: PBKDF2:...}, a salted hash made by {@code tariffgraph hash-password};
 * every hash is checked when the file is read, and the file is never read again: a file
 * changed behind the server's back must not change who may write.
 */
final class UpdateUsers {

    private final Map<String, Pbkdf2Credential> credentials;

    private UpdateUsers(Map<String, Pbkdf2Credential> credentials) {
        this.credentials = Map.copyOf(credentials);
    }

    /**
     * Reads and checks a password file.
     *
     * @throws IllegalArgumentException if the file cannot be read, names no user, or holds a
     *         line that is not a valid PBKDF2 hash, such as a password in clear
     */
    static UpdateUsers read(Path passwordFile) {
        if (!Files.isRegularFile(passwordFile)) {
            throw new IllegalArgumentException("no password file at " + passwordFile);
        }
        Properties lines = new Properties();
        try (var in = Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8)) {
            lines.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the password file " + passwordFile + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the password file " + passwordFile + " names no user");
        }
        Map<String, Pbkdf2Credential> credentials = new TreeMap<>();
        for (String user : lines.stringPropertyNames()) {
            // Jetty's format allows roles after the credential; there are none here, and they are ignored.
            String stored = lines.getProperty(user).split(",")[0].strip();
            if (!stored.startsWith(Pbkdf2Credential.PREFIX)) {
                throw new IllegalArgumentException("the password file " + passwordFile + " holds user '" + user
                        + "' without a PBKDF2 hash; passwords are never stored in clear: make the line with 'tariffgraph hash-password --user "
                        + user + "'");
            }
            try {
                credentials.put(user, Pbkdf2Credential.parse(stored));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the password file " + passwordFile + " holds user '" + user + "' with a hash that cannot be checked: "
                        + e.getMessage() + "; make the line again with 'tariffgraph hash-password --user " + user + "'", e);
            }
        }
        return new UpdateUsers(credentials);
    }

    /** A Jetty user store of these users, in memory: unlike Jetty's file-backed store, it never reloads anything. */
    UserStore userStore() {
        UserStore store = new UserStore();
        credentials.forEach((user, credential) -> store.addUser(user, credential, new String[0]));
        return store;
    }
}
