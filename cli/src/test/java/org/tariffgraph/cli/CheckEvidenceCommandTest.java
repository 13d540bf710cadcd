package org.tariffgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TestHomes;

class CheckEvidenceCommandTest {

    @TempDir
    Path tmp;

    @Test
    void evidenceOfTheRepositoryChecksOutAgainstTheSources() {
        Cli result = Cli.run("check-evidence", "--home", TestHomes.repo().toString(),
                "--sources", TestHomes.requiredSources().toString());
        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains("evidence, identifiers"), result.out());
    }

    @Test
    void aMissingSourcesFolderExitsOneAndSaysWhere() {
        Cli result = Cli.run("check-evidence", "--home", TestHomes.repo().toString(),
                "--sources", tmp.resolve("nowhere").toString());
        assertEquals(Main.CHECK_FAILED, result.exitCode());
        assertTrue(result.out().contains("no sources folder at"), result.out());
    }
}
