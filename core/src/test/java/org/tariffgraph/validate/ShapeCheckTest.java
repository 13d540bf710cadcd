package org.tariffgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;

class ShapeCheckTest {

    @TempDir
    Path tmp;

    private static final String DEATON = TestHomes.ARTICLE_IRI + "/statement/john-deaton-supply-disruption";

    private List<Problem> shapeProblems(Path home) {
        Report report = TariffGraph.builder().home(home).build().validate();
        return report.problems().stream().filter(p -> p.check().equals(ShapeCheck.NAME)).toList();
    }

    @Test
    void repositoryDataConformsToTheShapes() {
        List<Problem> problems = shapeProblems(TestHomes.repo());
        assertEquals(List.of(), problems);
    }

    @Test
    void reportsStatementWithoutSpeakerByNodeAndConstraint() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceOnce(home.resolve(TestHomes.ARTICLE), "tg:speaker person:john-deaton ;", "");
        List<Problem> problems = shapeProblems(home);
        assertEquals(1, problems.size(), problems.toString());
        Problem p = problems.get(0);
        assertEquals(DEATON, p.node());
        assertTrue(p.message().contains("sh:MinCountConstraintComponent") && p.message().contains("path tg:speaker"), p.message());
    }

    @Test
    void rejectsAnAttributedClaimThatNamesNoStatement() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceAfter(home.resolve(TestHomes.ARTICLE), "claim:north-america-bitcoin-mining-share a",
                "tg:statedIn statement:sanjay-gupta-geographic-imbalance ;", "");
        List<Problem> problems = shapeProblems(home);
        assertTrue(problems.stream().anyMatch(p -> p.node().endsWith("/claim/north-america-bitcoin-mining-share")
                && p.message().contains("tg:statedIn") && p.message().contains("tgsh:OneClaimVoice")), problems.toString());
    }

    @Test
    void rejectsAMonthDateWrittenAsADay() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceOnce(home.resolve(TestHomes.ENTITIES),
                "time:inXSDgYearMonth \"2024-12\"^^xsd:gYearMonth ;", "time:inXSDDate \"2024-12-01\"^^xsd:date ;");
        List<Problem> problems = shapeProblems(home);
        assertTrue(problems.stream().anyMatch(p -> p.node().endsWith("/id/time/2024-12")), problems.toString());
    }

    @Test
    void rejectsADatedEventWithoutItsDateResolution() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceOnce(home.resolve(TestHomes.ARTICLE),
                "tg:dateResolution dateres:bitmain-us-production-start ;", "");
        List<Problem> problems = shapeProblems(home);
        assertTrue(problems.stream().anyMatch(p -> p.node().endsWith("/event/bitmain-us-production-start")
                && p.message().contains("tg:dateResolution")), problems.toString());
    }

    @Test
    void rejectsEvidenceWithoutItsPositionSelector() {
        Path home = TestHomes.copyOfRepo(tmp);
        // The Kadan Stadlemann paraphrase: drop the position selector from its evidence.
        String iri = TestHomes.ARTICLE_IRI + "/evidence/c3047-3201";
        TestHomes.replaceOnce(home.resolve(TestHomes.ARTICLE),
                "oa:hasSelector <" + iri + "#quote> , <" + iri + "#position> .",
                "oa:hasSelector <" + iri + "#quote> .");
        List<Problem> problems = shapeProblems(home);
        assertTrue(problems.stream().anyMatch(p -> p.node().equals(iri)), problems.toString());
    }
}
