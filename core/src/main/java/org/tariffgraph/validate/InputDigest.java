package org.tariffgraph.validate;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 of everything the checks of a graph read, so that a validated state can be
 * remembered for exactly those inputs: files and folders by name and content, a persistent
 * store by its files' names, sizes and modification times (a store of millions of quads is
 * too large to read at every start), and the code that runs the checks.
 *
 * <pre>{@code
 * String key = new InputDigest().file("ontology", ontology).folder("data", dataDir).code().hex();
 * }</pre>
 */
public final class InputDigest {

    private static final String ZIP_END = "PK\u0005\u0006";
    private final MessageDigest sha256;

    public InputDigest() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Adds a file's content under a label; a missing file counts as a distinct input. */
    public InputDigest file(String label, Path file) {
        text("file").text(label);
        if (!Files.isRegularFile(file)) {
            return text("missing");
        }
        try (InputStream in = Files.newInputStream(file)) {
            text(Long.toString(Files.size(file)));
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                sha256.update(buffer, 0, n);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read it to remember what was validated", e);
        }
    }

    /** Adds every regular file under a folder, at any depth, by its path in the folder and its content. */
    public InputDigest folder(String label, Path folder) {
        text("folder").text(label);
        if (!Files.isDirectory(folder)) {
            return text("missing");
        }
        for (Path file : regularFiles(folder, 1 << 16)) {
            file(folder.relativize(file).toString(), file);
        }
        return this;
    }

    /**
     * Adds a persistent store by the names, sizes and modification times of its files (all
     * but its lock files, which each opening rewrites): every write transaction changes one
     * of them.
     */
    public InputDigest store(String label, Path folder) {
        text("store").text(label);
        for (Path file : regularFiles(folder, 8)) {
            if (file.getFileName().toString().equals("tdb.lock")) {
                continue;
            }
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                text(folder.relativize(file).toString()).text(Long.toString(attributes.size()))
                        .text(attributes.lastModifiedTime().toInstant().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot read it to remember what was validated", e);
            }
        }
        return this;
    }

    /**
     * Adds the code that runs the checks: every entry of this JVM's class path, and its
     * version. A jar counts by its central directory, which holds the name, size and CRC-32
     * of every class and resource in it, and is read in a few milliseconds where the whole
     * jar would take a tenth of a second; a folder counts by the content of its files.
     */
    public InputDigest code() {
        text("java").text(System.getProperty("java.vm.version", ""));
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                folder(entry, path);
            } else if (Files.isRegularFile(path)) {
                jar(entry, path);
            }
        }
        return this;
    }

    /** The digest so far, as 64 hexadecimal digits. The digest cannot be added to afterwards. */
    public String hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Adds a jar by its central directory; the whole file when it has none this can read. */
    void jar(String label, Path jar) {
        text("jar").text(label);
        try (FileChannel channel = FileChannel.open(jar, StandardOpenOption.READ)) {
            long size = channel.size();
            int tail = (int) Math.min(size, 22 + 65_535);
            ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(end, size - tail);
            byte[] bytes = end.array();
            int at = lastIndexOf(bytes, ZIP_END.getBytes(StandardCharsets.ISO_8859_1));
            long directorySize = at < 0 ? -1 : Integer.toUnsignedLong(end.getInt(at + 12));
            long directoryOffset = at < 0 ? -1 : Integer.toUnsignedLong(end.getInt(at + 16));
            if (at < 0 || directoryOffset == 0xFFFFFFFFL || directoryOffset + directorySize > size) {
                file(label, jar);
                return;
            }
            ByteBuffer directory = ByteBuffer.allocate((int) directorySize);
            channel.read(directory, directoryOffset);
            sha256.update(directory.array(), 0, directory.position());
            text(Long.toString(size));
        } catch (IOException e) {
            throw new UncheckedIOException(jar + ": cannot read it to remember what was validated", e);
        }
    }

    private static int lastIndexOf(byte[] bytes, byte[] pattern) {
        for (int i = bytes.length - pattern.length; i >= 0; i--) {
            int k = 0;
            while (k < pattern.length && bytes[i + k] == pattern[k]) {
                k++;
            }
            if (k == pattern.length) {
                return i;
            }
        }
        return -1;
    }

    private static List<Path> regularFiles(Path folder, int depth) {
        try (Stream<Path> walk = Files.walk(folder, depth)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot list it to remember what was validated", e);
        }
    }

    /** Adds a piece of text: a marker between parts of the inputs, or a setting the checks depend on. */
    public InputDigest text(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha256.update(bytes);
        return this;
    }
}
