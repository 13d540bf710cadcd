package org.tariffgraph.draft;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;

/**
 * The drafts of the first article meet the accuracy targets against both its curated graph
 * and the hand-made reading: direct quotes with their speaker, precision and recall at least
 * 0.9; quantities with value and bound, at least 0.9; roles, 0.8; dates with their precision,
 * precision 0.8; paraphrases with their speaker, recall 0.6. The other reports' figures are
 * printed by src/bench/draft-accuracy.sh, not held to targets: rules written while reading
 * them would meet any target there.
 */
class DraftAccuracyTest {

    private static Map<String, Map<Evaluation.Kind, Evaluation.Score>> scores;

    @BeforeAll
    static void draftTheFirstArticle() {
        TariffGraph repo = TariffGraph.builder().home(TestHomes.repo()).build();
        DraftAccuracy.Case first = DraftAccuracy.firstArticle(repo, TestHomes.requiredSources());
        List<Evaluation.Fact> drafted = DraftAccuracy.drafted(Drafter.over(repo.dataset()), repo, first);
        scores = new java.util.TreeMap<>();
        first.readings().forEach((reading, gold) -> scores.put(reading, Evaluation.compare(drafted, gold)));
    }

    private static void atLeast(Evaluation.Kind kind, double precision, double recall) {
        scores.forEach((reading, byKind) -> {
            Evaluation.Score s = byKind.get(kind);
            assertTrue(s.precision() >= precision && s.recall() >= recall,
                    kind.label() + " against the " + reading + ": precision " + s.precision() + ", recall " + s.recall());
        });
    }

    @Test
    void directQuotesWithTheirSpeakerMeetTheTarget() {
        atLeast(Evaluation.Kind.QUOTE, 0.9, 0.9);
    }

    @Test
    void quantitiesWithValueAndBoundMeetTheTarget() {
        atLeast(Evaluation.Kind.QUANTITY, 0.9, 0.9);
    }

    @Test
    void rolesMeetTheTarget() {
        atLeast(Evaluation.Kind.ROLE, 0.8, 0.8);
    }

    @Test
    void datesWithTheirPrecisionMeetTheTarget() {
        atLeast(Evaluation.Kind.DATE, 0.8, 0.0);
    }

    @Test
    void paraphrasesWithTheirSpeakerMeetTheTarget() {
        atLeast(Evaluation.Kind.PARAPHRASE, 0.0, 0.6);
    }
}
