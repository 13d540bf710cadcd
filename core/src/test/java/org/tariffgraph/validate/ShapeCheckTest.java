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
    private static final String TIME = "https://w3id.org/tariffgraph/id/time/";

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
    void rejectsAPrecisionStatedOnTheInstantRatherThanOnItsDateTimeDescription() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceAfter(home.resolve(TestHomes.ENTITIES), "date:2025-04-02 a time:Instant ;",
                "rdfs:label \"2 April 2025\"@en ;", "rdfs:label \"2 April 2025\"@en ;\n        time:unitType time:unitDay ;");
        List<Problem> problems = shapeProblems(home);
        assertTrue(problems.stream().anyMatch(p -> p.node().endsWith("/id/time/2025-04-02")
                && p.message().contains("time:unitType")), problems.toString());
    }

    @Test
    void rejectsADatedInstantWithoutItsDateTimeDescription() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceAfter(home.resolve(TestHomes.ENTITIES), "date:2024-12 a time:Instant ;",
                "time:inXSDgYearMonth \"2024-12\"^^xsd:gYearMonth ;", "time:inXSDgYearMonth \"2024-12\"^^xsd:gYearMonth .");
        TestHomes.replaceOnce(home.resolve(TestHomes.ENTITIES), "        time:inDateTime <" + TIME + "2024-12#description> .\n", "");
        List<Problem> problems = shapeProblems(home);
        assertTrue(problems.stream().anyMatch(p -> p.node().endsWith("/id/time/2024-12")), problems.toString());
    }

    @Test
    void rejectsADayWhoseDateTimeDescriptionHasTheUnitOfAMonth() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceAfter(home.resolve(TestHomes.ENTITIES), "<" + TIME + "2025-04-02#description> a time:DateTimeDescription",
                "time:unitType time:unitDay", "time:unitType time:unitMonth");
        List<Problem> problems = shapeProblems(home);
        assertTrue(problems.stream().anyMatch(p -> p.node().endsWith("/id/time/2025-04-02")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.node().endsWith("/id/time/2025-04-02#description")), problems.toString());
    }

    @Test
    void rejectsAMonthWhoseDateTimeDescriptionGivesADay() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceAfter(home.resolve(TestHomes.ENTITIES), "<" + TIME + "2024-12#description> a time:DateTimeDescription",
                "time:month \"--12\"^^xsd:gMonth", "time:month \"--12\"^^xsd:gMonth ;\n        time:day \"---01\"^^xsd:gDay");
        List<Problem> problems = shapeProblems(home);
        assertTrue(problems.stream().anyMatch(p -> p.node().endsWith("/id/time/2024-12#description")), problems.toString());
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
    void rejectsAnUndatedEventThatDoesNotSayWhy() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceAfter(home.resolve(TestHomes.ARTICLE), "event:sophgo-blacklisting a",
                "tg:undatedBecause", "rdfs:comment");
        List<Problem> problems = shapeProblems(home);
        assertTrue(problems.stream().anyMatch(p -> p.node().endsWith("/event/sophgo-blacklisting")
                && p.message().contains("tg:undatedBecause")), problems.toString());
    }

    @Test
    void rejectsAHedgedStatementWithoutTheWordsThatHedgeIt() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceAfter(home.resolve(TestHomes.ARTICLE), "statement:sanjay-gupta-grid-security-risk a",
                "tg:modalityCue \"could pose\" ;", "");
        List<Problem> problems = shapeProblems(home);
        assertTrue(problems.stream().anyMatch(p -> p.node().endsWith("/statement/sanjay-gupta-grid-security-risk")
                && p.message().contains("tg:modalityCue")), problems.toString());
    }

    @Test
    void rejectsAClaimThatDoesNotSayHowItIsPut() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceAfter(home.resolve(TestHomes.ARTICLE), "claim:auradine-us-based a", "tg:modality tg:Asserted ;", "");
        List<Problem> problems = shapeProblems(home);
        assertTrue(problems.stream().anyMatch(p -> p.node().endsWith("/claim/auradine-us-based")
                && p.message().contains("tg:modality")), problems.toString());
    }

    @Test
    void rejectsACountryClaimThatDoesNotSayWhichTie() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceOnce(home.resolve(TestHomes.ARTICLE), "a tg:Claim , tg:CountryClaim , tg:BasedInClaim ;", "a tg:Claim , tg:CountryClaim ;");
        List<Problem> problems = shapeProblems(home);
        assertTrue(problems.stream().anyMatch(p -> p.node().endsWith("/claim/auradine-us-based")
                && p.message().contains("tg:NationalityClaim (of a country) and tg:BasedInClaim")), problems.toString());
    }

    @Test
    void rejectsAStatedStrategyThatNamesNoStatement() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceAfter(home.resolve(TestHomes.ARTICLE), "act:microbt-localisation-strategy a",
                "tg:statedIn statement:microbt-localisation-strategy ;", "");
        List<Problem> problems = shapeProblems(home);
        assertTrue(problems.stream().anyMatch(p -> p.node().endsWith("/action/microbt-localisation-strategy")
                && p.message().contains("tgsh:OneClaimVoice")), problems.toString());
    }

    @Test
    void rejectsAResponseToPolicyLinkInsteadOfAResponseClaim() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceAfter(home.resolve(TestHomes.ARTICLE), "event:canaan-us-trial-production a",
                "tg:stage tg:TrialStage ;", "tg:stage tg:TrialStage ;\n        tg:respondsToPolicy policy:tariffs-introduced-april-2 ;");
        List<Problem> problems = shapeProblems(home);
        assertTrue(problems.stream().anyMatch(p -> p.node().endsWith("/event/canaan-us-trial-production")
                && p.message().contains("deprecated")), problems.toString());
    }

    @Test
    void rejectsADerivedQuantityThatClaimsTheArticleAsItsSource() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceAfter(home.resolve("data/derived/prepsaret-2025-chinese-mining-rig-makers-us-production.trig"),
                "derived:combined-tariff-rate-on-chinese-goods a", "tg:value 30.0 ;",
                "tg:value 30.0 ;\n        tg:reportedIn <" + TestHomes.ARTICLE_IRI + "> ;");
        List<Problem> problems = shapeProblems(home);
        assertTrue(problems.stream().anyMatch(p -> p.node().endsWith("/derived/combined-tariff-rate-on-chinese-goods")
                && p.message().contains("tg:reportedIn")), problems.toString());
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
