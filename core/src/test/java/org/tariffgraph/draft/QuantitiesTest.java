package org.tariffgraph.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class QuantitiesTest {

    private static List<String> quantities(String paragraph) {
        Story story = DraftTexts.story(paragraph);
        Dates.Result dates = Dates.find(story, LocalDate.of(2025, 6, 20));
        return Quantities.find(story, dates.dates(), dates.relatives()).stream()
                .map(q -> q.value().toPlainString() + " " + q.bound() + " " + q.unit() + " [" + q.measures() + "]").toList();
    }

    @Test
    void readsBoundsUnitsAndWhatIsMeasured() {
        assertEquals(List.of("90 MORE_THAN percent [the world’s mining computers]"),
                quantities("Together they make more than 90% of the world’s mining computers."));
        assertEquals(List.of("30 MORE_THAN percent [global mining]", "10 EXACT percent [general imports]"),
                quantities("Over 30% of global mining happens here, and 10 percent on general imports applies."));
        assertEquals(List.of("2500000000 ABOUT usd [new rigs]"), quantities("Miners spent about $2.5 billion on new rigs."));
        assertEquals(List.of("3000 AT_LEAST count [machines]", "500 AT_MOST count [machines]"),
                quantities("It has built at least 3,000 machines and can build up to 500 machines a month."));
    }

    @Test
    void readsSmallNumberWordsBeforeAPluralNoun() {
        assertEquals(List.of("3 EXACT count [Chinese companies]"), quantities("The three Chinese companies lead."));
    }

    @Test
    void takesNoNumberOfADateOrAClockTime() {
        assertEquals(List.of(), quantities("The tariffs of April 2, 2025 start at 7 a.m."));
    }

    @Test
    void readsARangeAsAtLeastItsFirstAndAtMostItsSecondNumber() {
        assertEquals(List.of("20 AT_LEAST percent [the rigs]", "25 AT_MOST percent [the rigs]"),
                quantities("Between 20% and 25% of the rigs are finished here."));
        assertEquals(List.of("25 AT_LEAST percent []", "57.6 AT_MOST percent []"), quantities("The duty ranges from 25% to 57.6%."));
    }

    @Test
    void readsSharesInWordsAsFractionsRoundingOnlyTowardsWhatStaysTrue() {
        assertEquals(List.of("0.9 MORE_THAN fraction [the world's rigs]"), quantities("They make more than nine in ten of the world's rigs."));
        assertEquals(List.of("0.2 ABOUT fraction [the machines]"), quantities("It builds about a fifth of the machines in Ohio."));
        assertEquals(List.of("0.5 EXACT fraction []"), quantities("She cut her order by half."));
        assertEquals(List.of("0.6667 ABOUT fraction [the cost]"), quantities("Two-thirds of the cost is passed on."));
        assertEquals(List.of("0.1667 AT_MOST fraction [those jobs]"), quantities("As many as one in six of those jobs depend on it."));
        assertEquals(List.of("0.3333 AT_LEAST fraction [the cost]"), quantities("At least a third of the cost is passed on."));
    }

    @Test
    void readsAnAgeADurationAndAnAmountConvertedInBrackets() {
        assertEquals(List.of("54 EXACT year []"), quantities("Ann Lee, 54, runs the plant."));
        assertEquals(List.of("2 AT_MOST year []"), quantities("The line should break even within two years."));
        assertEquals(List.of("2000000000 AT_MOST czk [export guarantees]", "95000000 AT_MOST usd [export guarantees]"),
                quantities("It could offer up to 2 billion koruna ($95 million) of export guarantees."));
    }

    @Test
    void takesNoNumberOfARelativeTime() {
        assertEquals(List.of(), quantities("Two weeks later the plant closed."));
    }
}
