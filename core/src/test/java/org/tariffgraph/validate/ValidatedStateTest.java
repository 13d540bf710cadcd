package org.tariffgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatedStateTest {

    private static final String KEY = "a".repeat(64);
    private static final String OTHER_KEY = "b".repeat(64);

    @TempDir
    Path tmp;

    private final AtomicInteger runs = new AtomicInteger();

    private Supplier<Report> checks(List<Problem> problems) {
        return () -> {
            runs.incrementAndGet();
            return new Report(List.of("shapes", "evidence"), problems);
        };
    }

    @Test
    void remembersAPassedStateAndSkipsTheChecksForTheSameInputs() {
        ValidatedState state = ValidatedState.in(tmp.resolve("cache"));
        Report first = state.check(KEY, checks(List.of()));
        Report second = ValidatedState.in(tmp.resolve("cache")).check(KEY, checks(List.of()));
        assertEquals(1, runs.get(), "the checks ran again on inputs that passed them");
        assertFalse(first.remembered());
        assertTrue(second.remembered() && second.passed());
        assertEquals(List.of("shapes", "evidence"), second.checksRun());
        assertTrue(second.format().contains("remembered"), second.format());
    }

    @Test
    void runsTheChecksForInputsNotSeenBefore() {
        ValidatedState state = ValidatedState.in(tmp);
        state.check(KEY, checks(List.of()));
        Report other = state.check(OTHER_KEY, checks(List.of()));
        assertEquals(2, runs.get());
        assertFalse(other.remembered());
    }

    @Test
    void neverRemembersFailedChecks() {
        ValidatedState state = ValidatedState.in(tmp);
        List<Problem> problems = List.of(new Problem("shapes", "ex:node", "broken"));
        assertFalse(state.check(KEY, checks(problems)).passed());
        Report again = state.check(KEY, checks(problems));
        assertEquals(2, runs.get(), "a failure was remembered");
        assertFalse(again.passed());
        assertEquals(1, again.problems().size());
    }

    @Test
    void runsTheChecksAgainWhenTheStateFileIsCorrupt() throws Exception {
        ValidatedState state = ValidatedState.in(tmp);
        state.check(KEY, checks(List.of()));
        Path file = tmp.resolve(KEY + ".validated");
        String whole = Files.readString(file, StandardCharsets.UTF_8);
        for (String corrupt : List.of("", whole.substring(0, whole.length() / 2), whole.replace(KEY, OTHER_KEY),
                "\u0000\u0001garbage", whole + "passed\n")) {
            Files.writeString(file, corrupt, StandardCharsets.UTF_8);
            int before = runs.get();
            Report report = state.check(KEY, checks(List.of()));
            assertEquals(before + 1, runs.get(), "a corrupt state was trusted: " + corrupt);
            assertFalse(report.remembered());
        }
        assertTrue(state.check(KEY, checks(List.of())).remembered(), "the state written again after a corrupt one is not trusted");
    }

    @Test
    void aFolderThatCannotBeWrittenOnlyCostsTheChecks() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("file"), "x");
        ValidatedState state = ValidatedState.in(notAFolder);
        assertTrue(state.check(KEY, checks(List.of())).passed());
        assertTrue(state.check(KEY, checks(List.of())).passed());
        assertEquals(2, runs.get());
    }

    @Test
    void keepsOnlyTheStatesWrittenLast() throws Exception {
        ValidatedState state = ValidatedState.in(tmp);
        for (int i = 0; i < ValidatedState.KEPT + 5; i++) {
            String key = String.format("%064x", i);
            state.check(key, checks(List.of()));
            Files.setLastModifiedTime(tmp.resolve(key + ".validated"), java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        try (var files = Files.list(tmp)) {
            assertEquals(ValidatedState.KEPT, files.count());
        }
        assertTrue(Files.exists(tmp.resolve(String.format("%064x", ValidatedState.KEPT + 4) + ".validated")));
        assertFalse(Files.exists(tmp.resolve(String.format("%064x", 0) + ".validated")));
    }
}
