package org.tariffgraph.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The outcome of one or more checks: the list of problems found, empty when all passed. */
public final class Report {

    private final List<String> checksRun;
    private final List<Problem> problems;
    private final boolean remembered;

    public Report(List<String> checksRun, List<Problem> problems) {
        this(checksRun, problems, false);
    }

    private Report(List<String> checksRun, List<Problem> problems, boolean remembered) {
        this.checksRun = List.copyOf(checksRun);
        this.problems = List.copyOf(problems);
        this.remembered = remembered;
    }

    /** A passed report remembered from an earlier run of these checks on the same inputs (see {@link ValidatedState}). */
    static Report remembered(List<String> checksRun) {
        return new Report(checksRun, List.of(), true);
    }

    /** True when the checks did not run now, because they passed before on exactly the same inputs. */
    public boolean remembered() {
        return remembered;
    }

    /** True when no check found a problem. */
    public boolean passed() {
        return problems.isEmpty();
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The names of the checks that ran, in order. */
    public List<String> checksRun() {
        return checksRun;
    }

    /** This report followed by another, as one report. */
    public Report and(Report other) {
        List<String> checks = new ArrayList<>(checksRun);
        checks.addAll(other.checksRun);
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(other.problems);
        return new Report(checks, all, remembered && other.remembered);
    }

    /** A readable report: one line per problem, then a summary line (no final line break). */
    public String format() {
        StringBuilder out = new StringBuilder();
        problems.forEach(p -> out.append(p).append('\n'));
        out.append(passed()
                ? "OK: " + checksRun.size() + " checks passed (" + String.join(", ", checksRun) + ")"
                        + (remembered ? ", remembered from an earlier run on the same inputs" : "")
                : "FAILED: " + problems.size() + " problem(s) found by " + failingChecks());
        return out.toString();
    }

    private String failingChecks() {
        List<String> failing = new ArrayList<>();
        for (Problem p : problems) {
            if (!failing.contains(p.check())) {
                failing.add(p.check());
            }
        }
        return String.join(", ", failing);
    }

    static Report of(String check, List<Problem> problems) {
        return new Report(Collections.singletonList(check), problems);
    }
}
