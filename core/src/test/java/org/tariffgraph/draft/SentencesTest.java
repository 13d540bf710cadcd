package org.tariffgraph.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentencesTest {

    private static List<String> split(String text) {
        return Sentences.split(text, 0, text.length()).stream().map(s -> text.substring(s[0], s[1])).toList();
    }

    @Test
    void doesNotEndASentenceAtAnAbbreviation() {
        assertEquals(List.of("Firms moved to the U.S. Production began.", "It grew."),
                split("Firms moved to the U.S. Production began. It grew."));
    }

    @Test
    void keepsAQuotationOfSeveralSentencesInOne() {
        assertEquals(List.of("“Assembly is easy. Chips are not,” he said.", "Then he left."),
                split("“Assembly is easy. Chips are not,” he said. Then he left."));
    }
}
