package org.tariffgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TestHomes;

class NetworkCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesGraphMLToStandardOutputOrAFile() throws Exception {
        Cli result = Cli.run("network", "--home", TestHomes.repo().toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("<graphml") && result.out().contains("responds to"), result.out());
        Path file = tmp.resolve("network.graphml");
        assertEquals(0, Cli.run("network", "--home", TestHomes.repo().toString(), "--output", file.toString()).exitCode());
        assertEquals(result.out(), Files.readString(file));
    }
}
