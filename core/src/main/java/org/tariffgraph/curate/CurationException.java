package org.tariffgraph.curate;

import java.util.List;

/**
 * A curation step that was refused, with every problem found; the dataset was not changed.
 * The message holds the problems, one a line.
 */
public final class CurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    CurationException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    CurationException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    /** Each problem, naming the line of the review file, or the span or source it concerns. */
    public List<String> problems() {
        return problems;
    }
}
