package org.tariffgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tariffgraph.TestHomes;

class StatsCommandTest {

    @Test
    void printsTriplesPerGraphAndInstancesPerClass() {
        Cli result = Cli.run("stats", "--home", TestHomes.repo().toString());
        assertEquals(0, result.exitCode(), result.err());
        String out = result.out();
        assertTrue(out.contains("| graph") && out.contains("| triples"), out);
        assertTrue(out.contains("<https://w3id.org/tariffgraph/graph/entities>"), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("<https://w3id.org/tariffgraph/ontology#Statement>") && l.contains("| 12 ")), out);
    }
}
