package org.tariffgraph.align;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class IntervalTest {

    private static Interval of(String value, String bound) {
        return Interval.of(new BigDecimal(value), bound);
    }

    @Test
    void moreThanNinetyMeetsExactlyNinetyNineButNotExactlyNinety() {
        assertTrue(of("90", "MoreThan").meets(of("99", "Exact")));
        assertFalse(of("90", "MoreThan").meets(of("90", "Exact")));
        assertTrue(of("90", "AtLeast").meets(of("90", "Exact")));
    }

    @Test
    void twoDifferentExactNumbersConflictAndTheSameNumberAgrees() {
        assertFalse(of("30", "Exact").meets(of("25", "Exact")));
        assertTrue(of("30", "Exact").meets(of("30.0", "Exact")));
    }

    @Test
    void aboutReachesTwoAndAHalfPercentEitherWay() {
        assertTrue(of("95", "Approximately").meets(of("97.375", "Exact")));
        assertFalse(of("95", "Approximately").meets(of("97.4", "Exact")));
        assertTrue(of("95", "Approximately").meets(of("92.625", "Exact")));
        assertFalse(of("95", "Approximately").meets(of("99", "Exact")));
    }

    @Test
    void openBoundsOnOppositeSidesMeetOnlyWhenTheyOverlap() {
        assertTrue(of("90", "MoreThan").meets(of("95", "LessThan")));
        assertFalse(of("90", "MoreThan").meets(of("90", "LessThan")));
        assertFalse(of("90", "MoreThan").meets(of("90", "AtMost")));
        assertTrue(of("90", "AtLeast").meets(of("90", "AtMost")));
        assertTrue(of("90", "MoreThan").meets(of("10", "MoreThan")));
    }
}
