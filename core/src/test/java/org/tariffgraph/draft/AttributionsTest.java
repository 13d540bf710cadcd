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

    @Test
    void givesAQuoteIntroducedByAColonToTheSubjectBeforeIt() {
        assertEquals(List.of("quote Jane Roe: Prices will rise. Buyers will wait. (colon-quote)"),
                statements("Jane Roe runs the plant.", "Roe summed it up this way: “Prices will rise. Buyers will wait.”"));
    }

    @Test
    void givesWhatAnUnnamedSpokespersonSaysAndTheirNextSheToTheOrganisation() {
        assertEquals(List.of("paraphrase Canaan: Canaan, the second largest, will hire 40 people (clause-then-speaker)",
                        "paraphrase Canaan: half of its rigs ship from Ohio (speaker-verb-clause)"),
                statements("Canaan, the second largest, will hire 40 people, a spokeswoman for the company said.",
                        "She said half of its rigs ship from Ohio."));
        assertEquals(List.of("paraphrase Canaan: output is steady (speaker-verb-clause)"),
                statements("In Ohio, a spokesman for Canaan said in an emailed statement that output is steady."));
    }

    @Test
    void keepsTheVerbOfADenialInItsParaphraseAndSplitsAClauseJoinedByBut() {
        assertEquals(List.of("paraphrase Jane Roe: the plant would stay open (speaker-verb-clause)",
                        "paraphrase Jane Roe: denied that it had a buyer (speaker-verb-clause)"),
                statements("Jane Roe runs the plant.", "She said the plant would stay open, but denied that it had a buyer."));
        assertEquals(List.of("paraphrase Canaan: denied that it would move (speaker-verb-clause)"),
                statements("Canaan builds rigs.", "It denied that it would move."));
    }

    @Test
    void readsASpeakerAfterAnOpeningPhraseOrAListMarkAndAListenerWithAName() {
        assertEquals(List.of("paraphrase Canaan: output would double (speaker-verb-clause)"),
                statements("The week before, Canaan had told customers in a note that output would double."));
        assertEquals(List.of("paraphrase Canaan: it is hiring in Ohio (speaker-verb-clause)"),
                statements("- Canaan says it is hiring in Ohio."));
        assertEquals(List.of("paraphrase Jane Roe: steel is scarce (speaker-verb-clause)"),
                statements("Jane Roe told The Harbour Ledger on Monday that steel is scarce."));
    }

    @Test
    void givesAPostWithoutQuotationMarksToTheAuthorOnTheLineBelow() {
        assertEquals(List.of("quote Ann Lee: Cheap power wins. Nothing else matters. (embedded-post)"),
                statements("Cheap power wins. Nothing else matters.\n— Ann Lee (@annlee) June 30, 2025"));
    }

    @Test
    void takesTheNameAtTheEndOfALongTitleForTheSpeaker() {
        assertEquals(List.of("quote Petr Novak: We need rules, (quote-then-speaker)"),
                statements("“We need rules,” Deputy Minister of Industry and Trade for Foreign Affairs Petr Novak told reporters."));
    }
}
