package org.tariffgraph.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFoldersTest {

    @TempDir
    Path tmp;

    @Test
    void aFileIsFoundInTheFirstFolderThatHoldsIt() throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(shared.resolve("a.txt"), "shared a");
        Files.writeString(mine.resolve("a.txt"), "my a");
        Files.writeString(mine.resolve("b.txt"), "my b");
        SourceFolders sources = SourceFolders.of(shared, mine);
        assertEquals(Optional.of(shared.resolve("a.txt")), sources.find("a.txt"));
        assertEquals(Optional.of(mine.resolve("b.txt")), sources.find("b.txt"));
        assertEquals(Optional.empty(), sources.find("c.txt"));
    }

    @Test
    void aNameThatCouldReachOutsideAFolderIsRefused() {
        SourceFolders sources = SourceFolders.of(tmp);
        for (String name : List.of("../a.txt", "sub/a.txt", "sub\\a.txt", ".hidden", "..", "", "a\0.txt")) {
            assertFalse(SourceFolders.isPlainName(name), name);
            assertThrows(IllegalArgumentException.class, () -> sources.find(name), name);
        }
        assertTrue(SourceFolders.isPlainName("harbour-ledger-2025.txt"));
    }

    @Test
    void missingFoldersAreListedAndAnEmptyListIsRefused() {
        Path missing = tmp.resolve("nowhere");
        assertEquals(List.of(missing.toAbsolutePath().normalize()), SourceFolders.of(tmp, missing).missing());
        assertThrows(IllegalArgumentException.class, () -> new SourceFolders(List.of()));
    }

    @Test
    void eachFolderThatHasAFileOfTheNameGivesIt() throws Exception {
        Path one = Files.createDirectories(tmp.resolve("one"));
        Path two = Files.createDirectories(tmp.resolve("two"));
        Files.writeString(two.resolve("README.md"), "list");
        assertEquals(List.of(two.resolve("README.md")), SourceFolders.of(one, two).each("README.md"));
    }
}
