package org.tariffgraph.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class QuantitiesTest {

    private static List<String> quantities(String paragraph) {
        Story story = DraftTexts.story(paragraph);
        List<Found.Date> dates = Dates.find(story, LocalDate.of(2025, 6, 20)).dates();
        return Quantities.find(story, dates).stream()
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
}
