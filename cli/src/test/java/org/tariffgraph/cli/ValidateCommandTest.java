package org.tariffgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TestHomes;

class ValidateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void repositoryDataValidatesWithExitZero() {
        Cli result = Cli.run("validate", "--home", TestHomes.repo().toString());
        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().startsWith("OK:") && result.out().contains("shapes"), result.out());
    }

    @Test
    void checksTheEvidenceAgainstTheGivenSourcesToo() {
        Cli result = Cli.run("validate", "--home", TestHomes.repo().toString(), "--sources", TestHomes.requiredSources().toString());
        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains("evidence, identifiers"), result.out());
    }

    @Test
    void aGivenSourcesFolderThatIsMissingExitsOne() {
        Cli missing = Cli.run("validate", "--home", TestHomes.repo().toString(), "--sources", tmp.resolve("none").toString());
        assertEquals(Main.CHECK_FAILED, missing.exitCode());
        assertTrue(missing.out().contains("no sources folder at"), missing.out());
    }

    @Test
    void brokenDataExitsOneWithAReportNamingTheNode() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceOnce(home.resolve(TestHomes.ARTICLE), "tg:speaker person:john-deaton ;", "");
        Cli result = Cli.run("validate", "--home", home.toString());
        assertEquals(Main.CHECK_FAILED, result.exitCode());
        assertTrue(result.out().contains("statement/john-deaton-supply-disruption") && result.out().contains("FAILED"), result.out());
    }

    @Test
    void aFileThatDoesNotParseExitsOneNamingTheFile() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.write(home.resolve("data/broken.trig"), "<http://example.org/g> { <http://example.org/a> }\n");
        Cli result = Cli.run("validate", "--home", home.toString());
        assertEquals(Main.CHECK_FAILED, result.exitCode());
        assertTrue(result.err().contains("broken.trig") && result.err().contains("line 1"), result.err());
    }
}
