package org.tariffgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.jetty.security.DefaultIdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TestHomes;

class UpdateUsersTest {

    @TempDir
    Path tmp;

    private UpdateUsers read(String text) {
        Path file = tmp.resolve("passwords");
        TestHomes.write(file, text);
        UpdateUsers users = UpdateUsers.read(file);
        users.setIdentityService(new DefaultIdentityService());
        return users;
    }

    private String refusal(String text) {
        Path file = tmp.resolve("passwords");
        TestHomes.write(file, text);
        return assertThrows(IllegalArgumentException.class, () -> UpdateUsers.read(file)).getMessage();
    }

    @Test
    void logsInAUserOfTheFileWithTheRightPasswordOnly() {
        UpdateUsers users = read("curator: " + Pbkdf2Credential.hash("s3cret".toCharArray()) + "\n");
        assertNotNull(users.login("curator", "s3cret", null, create -> null));
        assertEquals("curator", users.login("curator", "s3cret", null, create -> null).getUserPrincipal().getName());
        assertNull(users.login("curator", "wrong", null, create -> null));
        assertNull(users.login("nobody", "s3cret", null, create -> null));
        assertNull(users.login(null, "s3cret", null, create -> null));
    }

    @Test
    void checksOnePasswordPerLoginWhetherTheUserExistsOrNot() {
        UpdateUsers users = read("curator: " + Pbkdf2Credential.hash("s3cret".toCharArray()) + "\n");
        users.login("nobody", "guess", null, create -> null);
        assertEquals(1, users.checks());
        users.login("curator", "guess", null, create -> null);
        assertEquals(2, users.checks());
    }

    @Test
    void refusesAFileWithoutUsersOrWithAPasswordInClear() {
        assertTrue(refusal("# nobody\n").contains("names no user"));
        String clear = refusal("curator: s3cret\n");
        assertTrue(clear.contains("'curator'") && clear.contains("never stored in clear") && clear.contains("hash-password"), clear);
        String broken = refusal("curator: PBKDF2:sha256:0:AAECAwQFBgcICQoLDA0ODw==:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n");
        assertTrue(broken.contains("'curator'") && broken.contains("iteration count"), broken);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UpdateUsers.read(tmp.resolve("missing"))).getMessage()
                .contains("no password file"));
    }
}
