package org.tariffgraph.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.load.LoadException;

class TrigFileTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheTriplesBackWithThePrefixesOfTheFileItRead() throws Exception {
        DraftFixture draft = DraftFixture.in(tmp);
        TrigFile read = draft.read();
        Map<String, String> prefixes = read.prefixes().getMapping();
        assertTrue(prefixes.containsKey("statement"), "the draft declares its own prefixes");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        read.write(out);
        Path copy = tmp.resolve("copy.trig");
        Files.write(copy, out.toByteArray());
        TrigFile again = TrigFile.read(copy);

        assertEquals(DraftFixture.quads(read.dataset()), DraftFixture.quads(again.dataset()));
        assertEquals(prefixes, again.prefixes().getMapping());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("statement:leo-wang-c750"), "IRIs are written with the prefixes");
        assertFalse(text.contains("<" + DraftFixture.ARTICLE + "/statement/leo-wang-c750>"));
    }

    @Test
    void writesNoCommentOfTheFileItRead() throws Exception {
        Path file = tmp.resolve("commented.trig");
        Files.writeString(file, """
                PREFIX ex: <https://example.org/>
                # a curator's note
                ex:g { ex:a ex:b ex:c . }
                """, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        TrigFile.read(file).write(out);

        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("ex:a"), text);
        assertFalse(text.contains("a curator's note"), "the writer knows only the triples: " + text);
    }

    @Test
    void refusesAFileThatIsNotTrigNamingTheFileAndLine() throws Exception {
        Path file = tmp.resolve("broken.trig");
        Files.writeString(file, "PREFIX ex: <https://example.org/>\nex:g {\n  ex:a ex:b .\n}\n", StandardCharsets.UTF_8);

        LoadException e = assertThrows(LoadException.class, () -> TrigFile.read(file));

        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("line 3"), e.getMessage());
    }
}
