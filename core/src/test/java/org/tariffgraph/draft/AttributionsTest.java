package org.tariffgraph.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class AttributionsTest {

    /** Each statement as "quote|paraphrase SPEAKER: WORDS (RULE)". */
    private static List<String> statements(String... paragraphs) {
        Story story = DraftTexts.story(paragraphs);
        return Attributions.find(story).stream().map(s -> (s.quote() ? "quote " : "paraphrase ") + s.speaker().name() + ": "
                + story.words(s.start(), s.end()) + " (" + s.rule() + ")").toList();
    }

    @Test
    void findsAQuoteFollowedByItsSpeaker() {
        assertEquals(List.of("quote Leo Wang: We test first, (quote-then-speaker)"),
                statements("“We test first,” said Leo Wang."));
        assertEquals(List.of("quote Jane Roe: We test first, (quote-then-speaker)"),
                statements("\"We test first,\" Jane Roe, an analyst at Acme Research, said."));
    }

    @Test
    void findsASpeakerFollowedByHerQuote() {
        assertEquals(List.of("quote Leo Wang: Costs come first. (speaker-then-quote)"),
                statements("Leo Wang, a senior executive at Canaan, pointed out, “Costs come first.”"));
    }

    @Test
    void givesAQuoteSplitAroundItsAttributionToOneSpeaker() {
        assertEquals(List.of("quote Jane Roe: First part, (quote-then-speaker)", "quote Jane Roe: second part. (quote-then-speaker)"),
                statements("“First part,” said Jane Roe, “second part.”"));
    }

    @Test
    void resolvesPronounsAndSurnamesToThePersonNamedBefore() {
        List<String> found = statements("Jane Roe runs the plant.", "“We are ready,” she said.", "Roe told Reuters that output would double.");
        assertEquals(List.of("quote Jane Roe: We are ready, (quote-then-speaker)",
                "paraphrase Jane Roe: output would double (speaker-verb-clause)"), found);
    }

    @Test
    void givesAnUnattributedQuoteRightAfterAnAttributedOneToTheSameSpeaker() {
        assertEquals(List.of("quote Leo Wang: One. (speaker-then-quote)", "quote Leo Wang: Two. (quote-continues)"),
                statements("Leo Wang said “One.” “Two.”"));
    }

    @Test
    void draftsAPartialQuoteInsideAParaphraseAsBoth() {
        assertEquals(List.of("paraphrase Canaan: it is “actively building” in the U.S (speaker-verb-clause)",
                        "quote Canaan: actively building (partial-quote)"),
                statements("Canaan said it is “actively building” in the U.S."));
    }

    @Test
    void findsTheParaphrasePatterns() {
        assertEquals(List.of("paraphrase Jane Roe: demand will rise (according-to)"), statements("According to Jane Roe, demand will rise."));
        assertEquals(List.of("paraphrase Jane Roe: Demand will rise (according-to)"), statements("Demand will rise, according to Jane Roe."));
        assertEquals(List.of("paraphrase Canaan: output doubled in May (speaker-verb-clause)"),
                statements("Canaan said in a statement on Thursday that output doubled in May."));
        assertEquals(List.of("paraphrase Canaan: The plant will open (clause-then-speaker)"),
                statements("Canaan makes rigs.", "The plant will open, the company said."));
        assertEquals(List.of("paraphrase Leo Wang: rigs are harmless (by-verb)"),
                statements("Leo Wang responded by asserting that rigs are harmless."));
    }

    @Test
    void splitsTwoReportedClausesOfOneSentence() {
        assertEquals(List.of("paraphrase Leo Wang: the effort a test (speaker-verb-clause)",
                        "paraphrase Leo Wang: tariffs are unpredictable (speaker-verb-clause)"),
                statements("Leo Wang called the effort a test, noting that tariffs are unpredictable."));
    }

    @Test
    void draftsNothingFromTheArticlesOwnVoice() {
        assertTrue(statements("Canaan began trial production in April.", "The company did not respond to a request for comment.").isEmpty());
    }
}
