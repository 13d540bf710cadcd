package org.tariffgraph.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SourceTextTest {

    private static SourceText text(String s) {
        return SourceText.of("t.txt", s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void countsOffsetsInCodePointsNotInJavaChars() {
        SourceText t = text("a\uD83D\uDE00b “quoted” end");
        assertEquals(16, t.length());
        assertEquals("“quoted”", t.slice(4, 12));
        Selector s = t.selectorOf("quoted");
        assertEquals(5, s.start());
        assertEquals(11, s.end());
        assertEquals("a\uD83D\uDE00b “", s.prefix());
        assertEquals("” end", s.suffix());
    }

    @Test
    void widensTheContextUntilTheWordsWithItOccurOnce() {
        String repeated = "y".repeat(40) + " the same words " + "y".repeat(40) + " the same words " + "y".repeat(40);
        SourceText t = text(repeated);
        List<Integer> at = t.occurrences("the same words");
        assertEquals(2, at.size());
        Selector second = t.selector(at.get(1), at.get(1) + 14);
        String whole = second.prefix() + second.exact() + second.suffix();
        assertEquals(repeated.indexOf(whole), repeated.lastIndexOf(whole), "the selector names one place");
        assertTrue(second.prefix().length() > SourceText.CONTEXT, "the prefix grew past the default");
    }

    @Test
    void namesWordsThatAreMissingOrAmbiguous() {
        SourceText t = text("one two one");
        TextException missing = assertThrows(TextException.class, () -> t.selectorOf("three"));
        assertTrue(missing.getMessage().contains("\"three\" are not in the text"), missing.getMessage());
        TextException twice = assertThrows(TextException.class, () -> t.selectorOf("one"));
        assertTrue(twice.getMessage().contains("occur 2 times") && twice.getMessage().contains("[0, 8]"), twice.getMessage());
    }

    @Test
    void refusesEmptyBinaryAndNonUtf8Texts() {
        assertTrue(assertThrows(TextException.class, () -> SourceText.of("e.txt", new byte[0])).getMessage().contains("empty"));
        assertTrue(assertThrows(TextException.class, () -> SourceText.of("b.bin", new byte[] {'%', 'P', 'D', 'F', 0, 1, 2}))
                .getMessage().contains("binary"));
        assertTrue(assertThrows(TextException.class, () -> SourceText.of("l.txt", new byte[] {'c', 'a', 'f', (byte) 0xE9}))
                .getMessage().contains("not valid UTF-8"));
        assertTrue(assertThrows(TextException.class, () -> SourceText.of("w.txt", " \n\t ".getBytes(StandardCharsets.UTF_8)))
                .getMessage().contains("white space"));
    }

    @Test
    void hashesTheBytes() {
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", text("hello").sha256());
    }
}
