package org.tariffgraph.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class DatesTest {

    private static final LocalDate PUBLISHED = LocalDate.of(2025, 6, 18);

    private static Dates.Result find(String paragraph) {
        return Dates.find(DraftTexts.story(paragraph), PUBLISHED);
    }

    private static List<String> dates(String paragraph) {
        Story story = DraftTexts.story(paragraph);
        return Dates.find(story, PUBLISHED).dates().stream()
                .map(d -> d.value() + " " + d.precision() + " [" + story.words(d.start(), d.end()) + "]").toList();
    }

    @Test
    void keepsAMonthAMonthAndResolvesItsYearAgainstThePublicationDate() {
        assertEquals(List.of("2024-12 MONTH [December]"), dates("Production began in December."));
        assertEquals(List.of("2025-03 MONTH [March]"), dates("Production began in March."));
        Found.Date december = find("Production began in December.").dates().get(0);
        assertTrue(december.resolution().contains("2025-06-18") && december.resolution().contains("The day is not known"), december.resolution());
    }

    @Test
    void readsDaysYearsAndWeekdays() {
        assertEquals(List.of("2025-04-02 DAY [April 2]"), dates("The tariffs of April 2 apply."));
        assertEquals(List.of("2024-11-05 DAY [November 5, 2024]"), dates("The vote of November 5, 2024 decided it."));
        assertEquals(List.of("2025-03 MONTH [March 2025]", "2026 YEAR [2026]"), dates("In March 2025 they planned for 2026."));
        assertEquals(List.of("2024 YEAR [last year]"), dates("Sales fell last year."));
        assertEquals(List.of("2025-06-17 DAY [Tuesday]"), dates("The board met on Tuesday."));
    }

    @Test
    void keepsARelativeTimeAsWordsNotADate() {
        Story story = DraftTexts.story("It began a month after Trump secured the presidency, and a month later it grew.");
        Dates.Result result = Dates.find(story, PUBLISHED);
        assertEquals(List.of(), result.dates());
        assertEquals(List.of("a month after Trump secured the presidency", "a month later"),
                result.relatives().stream().map(r -> story.words(r.start(), r.end())).toList());
    }

    @Test
    void takesNoPercentageOrSumForAYear() {
        assertEquals(List.of(), dates("Output rose 2025% and cost $2025."));
    }

    @Test
    void readsMayAsTheMonthOnlyAfterAWordThatGoesBeforeAMonth() {
        assertEquals(List.of("2025-05 MONTH [May]"), dates("She cut her May order."));
        assertEquals(List.of(), dates("Prices May rise, she said."));
    }

    @Test
    void readsNextAndLastMonthFromThePublicationDate() {
        assertEquals(List.of("2025-07 MONTH [next month]"), dates("The cabinet could approve it next month."));
        assertEquals(List.of("2025-05 MONTH [last month]"), dates("Orders fell last month."));
    }

    @Test
    void keepsTheWeekBeforeAsARelativeTime() {
        assertEquals(List.of("The week before"), find("The week before, the plant closed.").relatives().stream()
                .map(r -> DraftTexts.story("The week before, the plant closed.").words(r.start(), r.end())).toList());
    }
}
