package org.tariffgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tariffgraph.TestHomes;

class QueriesCommandTest {

    @Test
    void listsEveryCatalogueQueryWithItsSummary() {
        Cli result = Cli.run("queries", "--home", TestHomes.repo().toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().lines().anyMatch(l -> l.startsWith("who-said-what ")
                && l.endsWith("Who said what, in which role, quoted or paraphrased")), result.out());
    }
}
