package org.tariffgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Pbkdf2CredentialTest {

    private static final String SALT = "AAECAwQFBgcICQoLDA0ODw==";
    private static final String HASH = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private static String refusal(String stored) {
        return assertThrows(IllegalArgumentException.class, () -> Pbkdf2Credential.parse(stored)).getMessage();
    }

    @Test
    void checksThePasswordItWasMadeFromAndNoOther() {
        Pbkdf2Credential credential = Pbkdf2Credential.parse(Pbkdf2Credential.hash("s3cret".toCharArray()));
        assertTrue(credential.check("s3cret"));
        assertTrue(credential.check("s3cret".toCharArray()));
        assertFalse(credential.check("s3cret "));
        assertFalse(credential.check(""));
        assertFalse(credential.check(null));
    }

    @Test
    void anUnmatchableCredentialMatchesNoPasswordAndCostsAsMuchAsAStoredOne() {
        Pbkdf2Credential unmatchable = Pbkdf2Credential.unmatchable(Pbkdf2Credential.ITERATIONS);
        assertEquals(Pbkdf2Credential.ITERATIONS, unmatchable.iterations());
        assertFalse(unmatchable.check(""));
        assertFalse(unmatchable.check("s3cret"));
    }

    @Test
    void refusesAnIterationCountThatIsNotAPositiveNumber() {
        for (String count : new String[] {"0", "-1", "x", "99999999999"}) {
            String message = refusal("PBKDF2:sha256:" + count + ":" + SALT + ":" + HASH);
            assertTrue(message.contains("iteration count") && message.contains(count), message);
        }
    }

    @Test
    void refusesMalformedBase64WithAClearMessage() {
        String salt = refusal("PBKDF2:sha256:1000:not*base64:" + HASH);
        assertTrue(salt.contains("salt") && salt.contains("base64"), salt);
        String hash = refusal("PBKDF2:sha256:1000:" + SALT + ":not*base64");
        assertTrue(hash.contains("hash") && hash.contains("base64"), hash);
    }

    @Test
    void refusesAnEmptySaltAndAHashOfTheWrongLength() {
        assertTrue(refusal("PBKDF2:sha256:1000::" + HASH).contains("salt"));
        String shortHash = refusal("PBKDF2:sha256:1000:" + SALT + ":" + SALT);
        assertTrue(shortHash.contains("32 bytes"), shortHash);
    }

    @Test
    void refusesWhatIsNotAPbkdf2Hash() {
        assertEquals("not a PBKDF2 password hash: expected PBKDF2:sha256:<iterations>:<salt>:<hash>", refusal("s3cret"));
        assertTrue(refusal("PBKDF2:md5:1000:" + SALT + ":" + HASH).contains("expected PBKDF2:sha256"));
    }
}
