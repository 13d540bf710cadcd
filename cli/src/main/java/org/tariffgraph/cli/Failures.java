package org.tariffgraph.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.tariffgraph.curate.CurationException;
import org.tariffgraph.load.LoadException;
import org.tariffgraph.query.AnswerTooLargeException;
import org.tariffgraph.query.StringTooLongException;
import org.tariffgraph.text.TextException;

import picocli.CommandLine;

/**
 * The one mapping of failures to exit codes and messages for every command: a usage error
 * is 2 (picocli's own); a failure of the data, a text or a query is 1, reported in one line
 * without a stack trace; anything else is a fault of the program, reported with its trace.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler, CommandLine.IExitCodeExceptionMapper {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) throws Exception {
        if (!expected(e)) {
            throw e;
        }
        if (e instanceof CurationException curation) {
            // Every problem of a review or an anchoring, one a line: the file was not written.
            curation.problems().forEach(p -> commandLine.getErr().println("error: " + p));
            commandLine.getErr().flush();
            return Main.CHECK_FAILED;
        }
        commandLine.getErr().println("error: " + message(e));
        commandLine.getErr().flush();
        return getExitCode(e);
    }

    @Override
    public int getExitCode(Throwable e) {
        if (e instanceof CommandLine.ParameterException) {
            return Main.USAGE;
        }
        return Main.CHECK_FAILED;
    }

    /** The failures of data, texts, files and queries that a user causes and can mend. */
    private static boolean expected(Throwable e) {
        return e instanceof LoadException || e instanceof TextException || e instanceof CommandFailure || e instanceof CurationException
                || e instanceof QueryCancelledException || e instanceof QueryDeniedException
                || e instanceof AnswerTooLargeException || e instanceof StringTooLongException
                || e instanceof IOException || e instanceof UncheckedIOException;
    }

    private static String message(Throwable e) {
        if (e instanceof QueryCancelledException) {
            return "the query ran out of time; no partial answer is given";
        }
        if (e instanceof UncheckedIOException u) {
            return u.getCause().getMessage();
        }
        return e.getMessage();
    }

    /** A command that cannot do what it was asked, for a reason the message gives (exit 1). */
    static final class CommandFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommandFailure(String message) {
            super(message);
        }
    }
}
