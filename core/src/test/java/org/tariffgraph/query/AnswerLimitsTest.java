package org.tariffgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnswerLimitsTest {

    private static final long MB = 1L << 20;

    @Test
    void sharesAQuarterOfTheHeapAmongTheQueriesThatRunAtOnce() {
        AnswerLimits limits = AnswerLimits.forHeap(256 * MB, 4);
        assertEquals(16 * MB, limits.maxBytes());
        assertEquals(MB, limits.maxStringLength());
        assertEquals(8 * MB, limits.maxBuiltCharacters());
        assertEquals(Long.MAX_VALUE, limits.maxItems());
        // All the queries at once: their answers and the strings they build, at two bytes a character, take half the heap.
        assertEquals(128 * MB, 4 * (limits.maxBytes() + 2 * limits.maxBuiltCharacters()));
        assertEquals(8 * MB, AnswerLimits.forHeap(256 * MB, 8).maxBytes());
    }

    @Test
    void theDefaultsFollowThisJvm() {
        AnswerLimits limits = AnswerLimits.defaults();
        assertEquals(Runtime.getRuntime().maxMemory() / 4 / AnswerLimits.defaultConcurrency(), limits.maxBytes());
        assertTrue(AnswerLimits.defaultConcurrency() >= 2);
    }

    @Test
    void everyLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new AnswerLimits(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new AnswerLimits(1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> AnswerLimits.forHeap(256 * MB, 0));
    }
}
