package org.tariffgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The repository's own files for tests, and mutable copies of them: most negative tests
 * copy the real ontology and data, break one thing, and expect the matching gate to fail.
 */
public final class TestHomes {

    /** The article's TriG file, relative to a home folder. */
    public static final String ARTICLE = "data/articles/prepsaret-2025-chinese-mining-rig-makers-us-production.trig";
    public static final String ENTITIES = "data/entities.trig";
    public static final String ONTOLOGY = "ontology/tariffgraph.ttl";
    public static final String ARTICLE_IRI =
            "https://w3id.org/tariffgraph/id/article/prepsaret-2025-chinese-mining-rig-makers-us-production";

    private TestHomes() {}

    /** The repository root, as the build gives it ({@code tariffgraph.repo}); the parent of a module's folder otherwise. */
    public static Path repo() {
        return Path.of(System.getProperty("tariffgraph.repo", "..")).toAbsolutePath().normalize();
    }

    /** The folder of source texts beside the repository, as CI provides it. */
    public static Path sources() {
        return Path.of(System.getProperty("tariffgraph.sources", "../shared/sources")).toAbsolutePath().normalize();
    }

    /**
     * The folder of source texts, for a test that needs the article's text or the verified
     * identifiers of its README. The texts are not part of the repository: without them
     * the test is skipped with a message saying what is missing, except in CI (the
     * environment variable {@code CI} set), where a missing fixture fails the build.
     */
    public static Path requiredSources() {
        return requiredSources(sources(), System.getenv());
    }

    /** {@link #requiredSources()} for a given folder and environment. */
    static Path requiredSources(Path dir, Map<String, String> env) {
        String missing = !Files.isDirectory(dir) ? "no sources folder at " + dir
                : !Files.isRegularFile(dir.resolve("README.md")) ? "no README.md in the sources folder " + dir
                : null;
        if (missing == null) {
            return dir;
        }
        String how = " (set -Dtariffgraph.sources=DIR, or put the source texts in ../shared/sources beside the repository)";
        if (inCi(env)) {
            fail(missing + how + "; in CI the evidence tests must run");
        }
        return Assumptions.abort(missing + how + "; skipped outside CI");
    }

    /** Whether the tests run in CI: the environment variable {@code CI} holds a value other than "false". */
    static boolean inCi(Map<String, String> env) {
        String ci = env.get("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    /** A copy of the repository's ontology, data and queries under {@code dir}. */
    public static Path copyOfRepo(Path dir) {
        for (String folder : new String[] {"ontology", "data", "queries"}) {
            Path from = repo().resolve(folder);
            if (Files.isDirectory(from)) {
                copyTree(from, dir.resolve(folder));
            }
        }
        return dir;
    }

    /** Replaces the one occurrence of {@code from} in a file; fails the test if it is not there exactly once. */
    public static void replaceOnce(Path file, String from, String to) {
        String text = read(file);
        int first = text.indexOf(from);
        assertEquals(true, first >= 0 && text.indexOf(from, first + 1) < 0,
                "expected exactly one occurrence of <" + from + "> in " + file);
        write(file, text.replace(from, to));
    }

    /** Replaces the first occurrence of {@code from} after the one occurrence of {@code anchor}, such as a node's subject line. */
    public static void replaceAfter(Path file, String anchor, String from, String to) {
        String text = read(file);
        int at = text.indexOf(anchor);
        assertEquals(true, at >= 0 && text.indexOf(anchor, at + 1) < 0,
                "expected exactly one occurrence of <" + anchor + "> in " + file);
        int hit = text.indexOf(from, at);
        assertEquals(true, hit >= 0, "no <" + from + "> after <" + anchor + "> in " + file);
        write(file, text.substring(0, hit) + to + text.substring(hit + from.length()));
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
