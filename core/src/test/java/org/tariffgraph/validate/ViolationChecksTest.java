package org.tariffgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;

/**
 * Each violation query returns no rows on the repository's data, and returns a row when the
 * data is broken in the way it guards against.
 */
class ViolationChecksTest {

    @TempDir
    Path tmp;

    /** One way to break the data: in which file, after which anchor, replace what by what. */
    private record Breakage(String file, String anchor, String from, String to, String expectedNode) {}

    private static final String A = TestHomes.ARTICLE_IRI;
    private static final String DERIVED = "data/derived/prepsaret-2025-chinese-mining-rig-makers-us-production.trig";

    private static final Map<String, Breakage> BREAKAGES = Map.ofEntries(
            Map.entry("term-without-label-definition-or-example-violation", new Breakage(TestHomes.ONTOLOGY,
                    "tg:Company\n", "skos:definition \"A business organisation, such as a manufacturer, a chip designer or a publisher.\"@en ;", "",
                    "https://w3id.org/tariffgraph/ontology#Company")),
            Map.entry("term-used-but-not-declared-violation", new Breakage(TestHomes.ARTICLE,
                    "statement:sanjay-gupta-grid-security-risk a", "tg:speaker person:sanjay-gupta ;", "tg:spaeker person:sanjay-gupta ;",
                    "https://w3id.org/tariffgraph/ontology#spaeker")),
            Map.entry("is-defined-by-not-ontology-violation", new Breakage(TestHomes.ONTOLOGY,
                    "tg:Tariff\n", "rdfs:isDefinedBy <https://w3id.org/tariffgraph/ontology> .", "rdfs:isDefinedBy <https://w3id.org/tariffgraph/ontology/0.1.0> .",
                    "https://w3id.org/tariffgraph/ontology#Tariff")),
            Map.entry("fact-without-evidence-violation", new Breakage(TestHomes.ARTICLE,
                    "event:canaan-headquarters-move a", "tg:hasEvidence", "rdfs:seeAlso",
                    A + "/event/canaan-headquarters-move")),
            Map.entry("offsets-do-not-match-quote-length-violation", new Breakage(TestHomes.ARTICLE,
                    "<" + A + "/evidence/c3047-3201#position> a", "oa:end 3201", "oa:end 3200",
                    A + "/evidence/c3047-3201")),
            Map.entry("evidence-in-non-story-segment-violation", new Breakage(TestHomes.ARTICLE,
                    "<" + A + "/evidence/c3047-3201#position> a", "oa:end 3201", "oa:end 3210",
                    A + "/evidence/c3047-3201")),
            Map.entry("missing-superclass-type-violation", new Breakage(TestHomes.ARTICLE,
                    "statement:john-deaton-supply-disruption a", "tg:Statement , tg:DirectQuote", "tg:DirectQuote",
                    A + "/statement/john-deaton-supply-disruption")),
            Map.entry("reported-in-differs-from-evidence-source-violation", new Breakage(TestHomes.ARTICLE,
                    "event:canaan-headquarters-move a", "tg:reportedIn <" + A + ">", "tg:reportedIn art:underlying-report",
                    A + "/event/canaan-headquarters-move")),
            Map.entry("verbatim-not-in-evidence-violation", new Breakage(TestHomes.ARTICLE,
                    "statement:leo-wang-unpredictable-tariffs a", "tg:verbatim \"unpredictable tariffs make major investments risky\"",
                    "tg:verbatim \"unpredictable tariffs make all investments risky\"",
                    A + "/statement/leo-wang-unpredictable-tariffs")),
            Map.entry("speaker-mention-not-in-evidence-violation", new Breakage(TestHomes.ARTICLE,
                    "statement:guang-yang-trade-war-structural a", "tg:speakerMention \"he\"", "tg:speakerMention \"Guang Yang\"",
                    A + "/statement/guang-yang-trade-war-structural")),
            Map.entry("speaker-role-of-another-person-violation", new Breakage(TestHomes.ARTICLE,
                    "statement:leo-wang-reduce-cost a", "tg:speakerRole heldrole:leo-wang-canaan", "tg:speakerRole heldrole:sanjay-gupta-auradine",
                    A + "/statement/leo-wang-reduce-cost")),
            Map.entry("claim-voice-mismatch-violation", new Breakage(TestHomes.ARTICLE,
                    "claim:china-mining-hardware-share a", "tg:assertedBy person:sanjay-gupta", "tg:assertedBy person:leo-wang",
                    A + "/claim/china-mining-hardware-share")),
            Map.entry("concept-from-another-scheme-violation", new Breakage(TestHomes.ARTICLE,
                    "statement:sanjay-gupta-grid-security-risk a", "tg:modality tg:Possible", "tg:modality tg:TrialStage",
                    A + "/statement/sanjay-gupta-grid-security-risk")),
            Map.entry("cue-not-in-evidence-violation", new Breakage(TestHomes.ARTICLE,
                    "statement:sanjay-gupta-grid-security-risk a", "tg:modalityCue \"could pose\"", "tg:modalityCue \"might pose\"",
                    A + "/statement/sanjay-gupta-grid-security-risk")),
            Map.entry("concern-not-a-topic-violation", new Breakage(TestHomes.ARTICLE,
                    "statement:sanjay-gupta-grid-security-risk a", "tg:topic concept:grid-security ;", "",
                    A + "/statement/sanjay-gupta-grid-security-risk")),
            Map.entry("time-order-without-its-record-violation", new Breakage(TestHomes.ARTICLE,
                    "event:bitmain-us-production-start a", "time:after event:trump-election-win ;", "",
                    A + "/time-relation/bitmain-production-after-election")),
            Map.entry("inverse-not-stated-violation", new Breakage(TestHomes.ARTICLE,
                    "policy:sophgo-export-blacklisting a", "tg:implementedBy event:sophgo-blacklisting ;", "",
                    A + "/event/sophgo-blacklisting")),
            Map.entry("derived-fact-without-derivation-violation", new Breakage(DERIVED,
                    "derived:combined-tariff-rate-on-chinese-goods a",
                    "tg:derivationMethod tg:Addition ;\n        prov:wasDerivedFrom claim:general-import-tariff-rate , claim:chinese-goods-additional-tariff-rate .",
                    "tg:derivationMethod tg:Addition .",
                    A + "/derived/combined-tariff-rate-on-chinese-goods")),
            Map.entry("derived-value-does-not-follow-violation", new Breakage(DERIVED,
                    "derived:combined-tariff-rate-on-chinese-goods a", "tg:value 30.0", "tg:value 35.0",
                    A + "/derived/combined-tariff-rate-on-chinese-goods")),
            Map.entry("date-time-description-disagrees-with-its-instant-violation", new Breakage(TestHomes.ENTITIES,
                    "<https://w3id.org/tariffgraph/id/time/2024-12#description> a", "time:month \"--12\"^^xsd:gMonth", "time:month \"--11\"^^xsd:gMonth",
                    "https://w3id.org/tariffgraph/id/time/2024-12")),
            Map.entry("term-names-differ-only-by-case-violation", new Breakage(TestHomes.ONTOLOGY,
                    "tg:ActionStageScheme\n", "tg:ActionStageScheme\n", "tg:Stage\n",
                    "https://w3id.org/tariffgraph/ontology#Stage")),
            Map.entry("deprecated-term-used-violation", new Breakage(TestHomes.ARTICLE,
                    "claim:three-firms-world-share a", "tg:boundType tg:MoreThan", "tg:boundType tg:About",
                    A + "/claim/three-firms-world-share")),
            Map.entry("derived-fact-outside-derived-graph-violation", new Breakage(DERIVED,
                    "# its own", "<https://w3id.org/tariffgraph/graph/derived/", "<https://w3id.org/tariffgraph/graph/computed/",
                    A + "/derived/combined-tariff-rate-on-chinese-goods")));

    private static ViolationChecks repositoryChecks() {
        return ViolationChecks.fromFolder(TestHomes.repo().resolve("ontology/checks"));
    }

    @TestFactory
    Stream<DynamicTest> everyCheckFindsNothingInTheRepository() {
        Report report = repositoryChecks().run(TariffGraph.builder().home(TestHomes.repo()).build().dataset());
        return report.checksRun().stream().map(name -> DynamicTest.dynamicTest(name, () -> assertEquals(List.of(),
                report.problems().stream().filter(p -> p.check().equals(name)).toList())));
    }

    @TestFactory
    Stream<DynamicTest> everyCheckFindsTheBreakageItGuardsAgainst() {
        return BREAKAGES.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Path home = TestHomes.copyOfRepo(tmp.resolve(e.getKey()));
            Breakage b = e.getValue();
            TestHomes.replaceAfter(home.resolve(b.file()), b.anchor(), b.from(), b.to());
            Report report = TariffGraph.builder().home(home).build().validate();
            List<Problem> found = report.problems().stream().filter(p -> p.check().equals(e.getKey())).toList();
            assertTrue(found.stream().anyMatch(p -> p.node().equals(b.expectedNode())),
                    "expected " + e.getKey() + " to name " + b.expectedNode() + ", got " + report.problems());
        }));
    }

    @Test
    void everyCheckHasABreakageThatProvesItCanFail() {
        TreeSet<String> names = repositoryChecks().checks().stream().map(ViolationChecks.Check::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(names, new TreeSet<>(BREAKAGES.keySet()));
    }

    @Test
    void theSchemeCheckAlsoCoversStagesAndTopics() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceAfter(home.resolve(TestHomes.ARTICLE), "event:canaan-headquarters-move a",
                "tg:stage tg:CompletedStage", "tg:stage tg:Denied");
        TestHomes.replaceAfter(home.resolve(TestHomes.ARTICLE), "claim:collateral-damage-export-crackdowns a",
                "tg:topic concept:export-controls", "tg:topic tg:Possible");
        List<Problem> found = TariffGraph.builder().home(home).build().validate().problems().stream()
                .filter(p -> p.check().equals("concept-from-another-scheme-violation")).toList();
        assertTrue(found.stream().anyMatch(p -> p.node().equals(A + "/event/canaan-headquarters-move")), found.toString());
        assertTrue(found.stream().anyMatch(p -> p.node().equals(A + "/claim/collateral-damage-export-crackdowns")), found.toString());
    }

    @Test
    void theCaseCheckLeavesOutDeprecatedTerms() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceAfter(home.resolve(TestHomes.ONTOLOGY), "tg:About\n", "owl:deprecated true ;", "");
        List<Problem> found = TariffGraph.builder().home(home).build().validate().problems().stream()
                .filter(p -> p.check().equals("term-names-differ-only-by-case-violation")).toList();
        assertEquals(List.of("https://w3id.org/tariffgraph/ontology#About"), found.stream().map(Problem::node).toList());
        assertTrue(found.get(0).message().contains("https://w3id.org/tariffgraph/ontology#about"), found.toString());
    }

    @Test
    void refusesACheckThatIsNotASelectQuery() {
        TestHomes.write(tmp.resolve("checks/ask-violation.rq"), "ASK { ?s ?p ?o }");
        org.tariffgraph.load.LoadException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.tariffgraph.load.LoadException.class, () -> ViolationChecks.fromFolder(tmp.resolve("checks")));
        assertTrue(e.getMessage().contains("must be a SELECT"), e.getMessage());
    }
}
