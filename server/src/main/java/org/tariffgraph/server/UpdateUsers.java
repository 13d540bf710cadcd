package org.tariffgraph.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import javax.security.auth.Subject;

import org.eclipse.jetty.security.IdentityService;
import org.eclipse.jetty.security.LoginService;
import org.eclipse.jetty.security.UserIdentity;
import org.eclipse.jetty.security.UserPrincipal;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Session;

/**
 * The users who may update, read once from a password file and kept in memory. Each line of
 * the file is {@code user: PBKDF2:...}, a salted hash made by {@code tariffgraph hash-password};
 * every hash is checked when the file is read, and the file is never read again: a file
 * changed behind the server's back must not change who may write.
 */
final class UpdateUsers implements LoginService {

    static final String REALM = "tariffgraph";

    private final Map<String, Pbkdf2Credential> credentials;
    /** Checked for a user not in the file, at the cost of a real check, so that the time taken does not tell who exists. */
    private final Pbkdf2Credential unknownUser;
    private final AtomicLong checks = new AtomicLong();
    private volatile IdentityService identityService;

    private UpdateUsers(Map<String, Pbkdf2Credential> credentials) {
        this.credentials = Map.copyOf(credentials);
        this.unknownUser = Pbkdf2Credential.unmatchable(credentials.values().stream().mapToInt(Pbkdf2Credential::iterations).max().orElseThrow());
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

    @Override
    public String getName() {
        return REALM;
    }

    @Override
    public UserIdentity login(String username, Object password, Request request, Function<Boolean, Session> getOrCreateSession) {
        Pbkdf2Credential credential = username == null ? null : credentials.get(username);
        checks.incrementAndGet();
        boolean matches = (credential == null ? unknownUser : credential).check(password);
        if (credential == null || !matches) {
            return null;
        }
        UserPrincipal principal = new UserPrincipal(username, credential);
        Subject subject = new Subject();
        principal.configureSubject(subject);
        subject.setReadOnly();
        return identityService.newUserIdentity(subject, principal, new String[0]);
    }

    /** How many passwords were checked, each at the cost of one PBKDF2 derivation. */
    long checks() {
        return checks.get();
    }

    @Override
    public boolean validate(UserIdentity user) {
        return credentials.containsKey(user.getUserPrincipal().getName());
    }

    @Override
    public IdentityService getIdentityService() {
        return identityService;
    }

    @Override
    public void setIdentityService(IdentityService service) {
        this.identityService = service;
    }

    @Override
    public void logout(UserIdentity user) {
        // Basic authentication keeps no session to end.
    }
}
