package org.tariffgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void helpListsTheCommandsAndExitsZero() {
        Cli result = Cli.run("--help");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("validate") && result.out().contains("check-evidence"), result.out());
    }

    @Test
    void noCommandIsAUsageError() {
        Cli result = Cli.run();
        assertEquals(Main.USAGE, result.exitCode());
        assertTrue(result.err().contains("Missing command"), result.err());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Cli result = Cli.run("validate", "--no-such-option");
        assertEquals(Main.USAGE, result.exitCode());
        assertTrue(result.err().contains("--no-such-option"), result.err());
    }

    @Test
    void versionIsPrinted() {
        Cli result = Cli.run("--version");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("tariffgraph"), result.out());
    }
}
