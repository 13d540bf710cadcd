package org.tariffgraph.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Remembers that a graph passed every check, one small file per set of inputs, so that a
 * start with exactly the same inputs need not run the checks again. The inputs are named by
 * an {@link InputDigest}: a changed ontology, shape, check, data file, source text or build
 * of the code is a new key, and its checks run. Only a passed state is remembered, so that
 * a failure is always reported in full. A file that cannot be read, or does not hold exactly
 * what was written, counts as nothing remembered.
 *
 * <pre>{@code
 * Report report = ValidatedState.in(ValidatedState.defaultFolder()).check(key, graph::validate);
 * }</pre>
 */
public final class ValidatedState {

    private static final String HEADER = "tariffgraph validated state, version 1";
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    /** Files kept: enough for a few homes and stores, few enough that the folder stays small. */
    static final int KEPT = 32;

    private final Path folder;

    private ValidatedState(Path folder) {
        this.folder = folder;
    }

    /** The states remembered in a folder; the folder is made when a first state is remembered. */
    public static ValidatedState in(Path folder) {
        return new ValidatedState(folder);
    }

    /** {@code $XDG_CACHE_HOME/tariffgraph}, or {@code ~/.cache/tariffgraph}. */
    public static Path defaultFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("tariffgraph");
    }

    public Path folder() {
        return folder;
    }

    /**
     * The report of the checks for these inputs: a remembered one when they passed before,
     * else the checks' own, remembered when it passed.
     */
    public Report check(String key, Supplier<Report> checks) {
        List<String> remembered = remembered(key);
        if (remembered != null) {
            return Report.remembered(remembered);
        }
        Report report = checks.get();
        if (report.passed()) {
            remember(key, report);
        }
        return report;
    }

    /** The names of the checks that passed for these inputs, or null when none are remembered. */
    List<String> remembered(String key) {
        Path file = file(key);
        try {
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", -1);
            if (lines.length == 4 && lines[0].equals(HEADER) && lines[1].equals("inputs " + key)
                    && lines[2].startsWith("checks ") && lines[3].isEmpty()) {
                return Arrays.stream(lines[2].substring("checks ".length()).split("\t")).toList();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Writes the state whole or not at all (a file beside it, then moved into place). A
     * folder that cannot be written leaves the state unremembered, which only costs the
     * checks at the next start.
     */
    void remember(String key, Report report) {
        Path file = file(key);
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, "state", ".partial");
            Files.writeString(partial, HEADER + "\ninputs " + key + "\nchecks " + String.join("\t", report.checksRun()) + "\n",
                    StandardCharsets.UTF_8);
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
            prune();
        } catch (IOException | RuntimeException e) {
            // Not remembered: the checks run again next time.
        }
    }

    private Path file(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in hexadecimal: " + key);
        }
        return folder.resolve(key + ".validated");
    }

    /** Keeps the {@value #KEPT} states written last. */
    private void prune() throws IOException {
        List<Path> states;
        try (Stream<Path> files = Files.list(folder)) {
            states = files.filter(f -> f.getFileName().toString().endsWith(".validated"))
                    .sorted(Comparator.comparing(ValidatedState::modified).reversed()).toList();
        }
        for (Path old : states.subList(Math.min(KEPT, states.size()), states.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
