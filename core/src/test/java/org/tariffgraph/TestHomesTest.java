package org.tariffgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class TestHomesTest {

    @TempDir
    Path tmp;

    private static final Map<String, String> LOCAL = Map.of("HOME", "/root");
    private static final Map<String, String> CI = Map.of("CI", "true");

    @Test
    void givesTheSourcesFolderWhenItHoldsItsReadme() {
        TestHomes.write(tmp.resolve("sources/README.md"), "| Canaan | http://www.wikidata.org/entity/Q1 |\n");
        assertEquals(tmp.resolve("sources"), TestHomes.requiredSources(tmp.resolve("sources"), CI));
        assertEquals(tmp.resolve("sources"), TestHomes.requiredSources(tmp.resolve("sources"), LOCAL));
    }

    @Test
    void skipsOutsideCiSayingWhatIsMissing() {
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> TestHomes.requiredSources(tmp.resolve("nowhere"), LOCAL));
        assertTrue(skipped.getMessage().contains("no sources folder at " + tmp.resolve("nowhere"))
                && skipped.getMessage().contains("-Dtariffgraph.sources"), skipped.getMessage());
    }

    @Test
    void failsInCiWhenTheFolderIsMissing() {
        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> TestHomes.requiredSources(tmp.resolve("nowhere"), CI));
        assertTrue(failed.getMessage().contains("no sources folder at " + tmp.resolve("nowhere")), failed.getMessage());
    }

    @Test
    void failsInCiWhenTheReadmeIsMissing() {
        TestHomes.write(tmp.resolve("sources/article.txt"), "text");
        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> TestHomes.requiredSources(tmp.resolve("sources"), CI));
        assertTrue(failed.getMessage().contains("README.md"), failed.getMessage());
        assertThrows(TestAbortedException.class, () -> TestHomes.requiredSources(tmp.resolve("sources"), LOCAL));
    }

    @Test
    void takesCiAsSetWhenItHasAValueOtherThanFalse() {
        assertTrue(TestHomes.inCi(Map.of("CI", "1")));
        assertTrue(TestHomes.inCi(Map.of("CI", "true")));
        assertEquals(false, TestHomes.inCi(Map.of("CI", "")));
        assertEquals(false, TestHomes.inCi(Map.of("CI", "false")));
        assertEquals(false, TestHomes.inCi(LOCAL));
    }
}
