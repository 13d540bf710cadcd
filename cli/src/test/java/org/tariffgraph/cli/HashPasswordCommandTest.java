package org.tariffgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.server.SparqlServer;
import org.tariffgraph.server.Pbkdf2Credential;

class HashPasswordCommandTest {

    @TempDir
    Path tmp;

    private static Cli withInput(String input, String... args) {
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return Cli.run(args);
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void printsAPasswordFileLineWithASaltedHashThatChecks() {
        Cli result = withInput("s3cret\n", "hash-password", "--user", "curator");
        assertEquals(0, result.exitCode(), result.err());
        String line = result.out().strip();
        assertTrue(line.startsWith("curator: PBKDF2:sha256:600000:"), line);
        assertFalse(line.contains("s3cret"));
        Pbkdf2Credential credential = Pbkdf2Credential.parse(line.substring("curator: ".length()));
        assertTrue(credential.check("s3cret"));
        assertFalse(credential.check("wrong"));
        // Another hash of the same password differs: the salt is random.
        assertFalse(withInput("s3cret\n", "hash-password", "--user", "curator").out().strip().equals(line));
        // And the server takes the file.
        TestHomes.write(tmp.resolve("passwords"), line + "\n");
        SparqlServer.builder(TariffGraph.builder().home(TestHomes.repo()).build()).updateWithPasswordFile(tmp.resolve("passwords"));
    }

    @Test
    void refusesAnEmptyPasswordOrAnOddUserName() {
        assertEquals(Main.USAGE, withInput("\n", "hash-password", "--user", "curator").exitCode());
        assertEquals(Main.USAGE, withInput("x\n", "hash-password", "--user", "a:b").exitCode());
    }
}
