package org.tariffgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;

class IdentifierCheckTest {

    @TempDir
    Path tmp;

    @Test
    void readsVerifiedIdentifiersFromTableRowsOnly() {
        String readme = """
                | entity | Wikidata |
                |---|---|
                | Bitcoin | http://www.wikidata.org/entity/Q131723 |
                | United States | http://www.wikidata.org/entity/Q30 |

                Not verified: http://www.wikidata.org/entity/Q999 is mentioned in prose only.
                """;
        assertEquals(Set.of("http://www.wikidata.org/entity/Q131723", "http://www.wikidata.org/entity/Q30"),
                IdentifierCheck.verifiedIdentifiers(readme));
    }

    @Test
    void everyLinkOfTheRepositoryIsVerified() {
        List<Problem> problems = TariffGraph.builder().home(TestHomes.repo()).build()
                .checkEvidence(TestHomes.requiredSources()).problems().stream()
                .filter(p -> p.check().equals(IdentifierCheck.NAME)).toList();
        assertEquals(List.of(), problems);
    }

    @Test
    void rejectsALinkMissingFromTheVerifiedList() {
        TestHomes.write(tmp.resolve("sources/README.md"), "| United States | http://www.wikidata.org/entity/Q30 |\n");
        List<Problem> problems = IdentifierCheck.run(
                TariffGraph.builder().home(TestHomes.repo()).build().dataset(), tmp.resolve("sources")).problems();
        assertTrue(problems.stream().anyMatch(p -> p.node().endsWith("/id/org/foxconn")
                && p.message().contains("http://www.wikidata.org/entity/Q463094")), problems.toString());
        assertTrue(problems.stream().noneMatch(p -> p.node().endsWith("/id/place/united-states")), problems.toString());
    }
}
