package org.tariffgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputDigestTest {

    @TempDir
    Path tmp;

    private String digestOf(Path home) {
        return new InputDigest().file("ontology", home.resolve("ontology.ttl")).folder("data", home.resolve("data")).hex();
    }

    private Path home() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("data/articles"));
        Files.writeString(home.resolve("ontology.ttl"), "<a> <b> <c> .\n");
        Files.writeString(home.resolve("data/entities.trig"), "<g> { <a> <b> <c> }\n");
        Files.writeString(home.resolve("data/articles/one.trig"), "<h> { <a> <b> \"one\" }\n");
        return home;
    }

    @Test
    void theSameInputsGiveTheSameDigest() throws Exception {
        Path home = home();
        assertEquals(digestOf(home), digestOf(home));
    }

    @Test
    void anyChangeToAFileOrToTheFilesOfAFolderGivesAnotherDigest() throws Exception {
        Path home = home();
        Set<String> seen = new HashSet<>();
        seen.add(digestOf(home));
        Files.writeString(home.resolve("data/articles/one.trig"), "<h> { <a> <b> \"One\" }\n");
        assertTrue(seen.add(digestOf(home)), "a changed byte in a data file");
        Files.writeString(home.resolve("ontology.ttl"), "<a> <b> <c> . \n");
        assertTrue(seen.add(digestOf(home)), "an added space in the ontology");
        Files.writeString(home.resolve("data/articles/two.trig"), "");
        assertTrue(seen.add(digestOf(home)), "an added empty file");
        Files.move(home.resolve("data/articles/two.trig"), home.resolve("data/articles/three.trig"));
        assertTrue(seen.add(digestOf(home)), "a renamed file");
        Files.delete(home.resolve("ontology.ttl"));
        assertTrue(seen.add(digestOf(home)), "a missing file");
    }

    @Test
    void contentMovedFromOneFileToTheNextGivesAnotherDigest() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        Files.writeString(a.resolve("1"), "xy");
        Files.writeString(a.resolve("2"), "z");
        Files.writeString(b.resolve("1"), "x");
        Files.writeString(b.resolve("2"), "yz");
        assertNotEquals(new InputDigest().folder("f", a).hex(), new InputDigest().folder("f", b).hex());
    }

    @Test
    void aJarCountsByEveryEntryInIt() throws Exception {
        Path one = jar("one.jar", "org/x/A.class", new byte[] {1, 2, 3});
        Path same = jar("same.jar", "org/x/A.class", new byte[] {1, 2, 3});
        Path changed = jar("changed.jar", "org/x/A.class", new byte[] {1, 2, 4});
        String label = "code";
        assertEquals(jarDigest(label, one), jarDigest(label, same));
        assertNotEquals(jarDigest(label, one), jarDigest(label, changed));
    }

    private static String jarDigest(String label, Path jar) {
        InputDigest digest = new InputDigest();
        digest.jar(label, jar);
        return digest.hex();
    }

    private Path jar(String name, String entry, byte[] content) throws Exception {
        Path jar = tmp.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            ZipEntry e = new ZipEntry(entry);
            e.setTime(0);
            out.putNextEntry(e);
            out.write(content);
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void theCodeOfThisJvmHasADigest() {
        assertEquals(new InputDigest().code().hex(), new InputDigest().code().hex());
        assertNotEquals(new InputDigest().hex(), new InputDigest().code().hex());
    }

    /** Opening a store and reading it leaves its digest as it was; a committed write changes it. */
    @Test
    void aStoreHasANewDigestAfterAWriteButNotAfterAnOpeningOrARead() throws Exception {
        Path folder = tmp.resolve("store");
        DatasetGraph store = DatabaseMgr.connectDatasetGraph(folder.toString());
        Txn.executeWrite(store, () -> store.add(SSE.parseQuad("(<g> <a> <b> <c>)")));
        TDBInternal.expel(store);
        String filled = new InputDigest().store("store", folder).hex();

        Thread.sleep(20);
        DatasetGraph reopened = DatabaseMgr.connectDatasetGraph(folder.toString());
        assertEquals(1, Txn.calculateRead(reopened, () -> reopened.stream().count()));
        TDBInternal.expel(reopened);
        assertEquals(filled, new InputDigest().store("store", folder).hex(), "opening and reading the store changed its digest");

        Thread.sleep(20);
        DatasetGraph written = DatabaseMgr.connectDatasetGraph(folder.toString());
        Txn.executeWrite(written, () -> written.add(SSE.parseQuad("(<g> <a> <b> <d>)")));
        TDBInternal.expel(written);
        assertNotEquals(filled, new InputDigest().store("store", folder).hex(), "a write left the store's digest as it was");
        assertTrue(List.of(folder.toFile().list()).size() > 0);
    }
}
