package org.tariffgraph.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryParseException;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.query.AnswerTooLargeException;
import org.tariffgraph.query.OutputFormat;
import org.tariffgraph.query.QueryResult;
import org.tariffgraph.query.StringTooLongException;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code query}: run a catalogue query, a query file or query text, and print the answer. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a query over the whole graph and print the complete answer.",
            "QUERY is a catalogue id (see 'tariffgraph queries') or SPARQL text; or give --file.",
            "Exit 0 with the answer; 1 if it timed out, was refused, or would take too much memory; 2 if the query is malformed or unknown."})
final class QueryCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    static final class Source {
        @Parameters(paramLabel = "QUERY", description = "A catalogue id, such as who-said-what, or SPARQL text.")
        String idOrText;

        @Option(names = "--file", paramLabel = "FILE", description = "Read the query from a file.")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (aligned, the default), csv, tsv, json or xml for SELECT and ASK; turtle, ntriples, jsonld or rdfxml for CONSTRUCT and DESCRIBE; trig, nquads or jsonld for a CONSTRUCT with GRAPH templates; json for a JSON query.")
    String format;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Longest the query may run (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Override
    public Integer call() {
        OutputFormat outputFormat;
        try {
            outputFormat = OutputFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        String text = source.file != null ? readFile(source.file) : source.idOrText;
        TariffGraph graph = main.loadGraph(Main.timeout(spec, timeoutSeconds));
        QueryResult result;
        try {
            // A catalogue id is looked up as an id; anything else is SPARQL text.
            result = source.file == null && graph.catalogue().get(text.strip()).isPresent()
                    ? graph.catalogue().run(text.strip()) : graph.query(text);
        } catch (QueryParseException e) {
            String hint = source.file == null && !text.contains(" ")
                    ? " (no catalogue query has the id '" + text + "'; see 'tariffgraph queries')" : "";
            throw new CommandLine.ParameterException(spec.commandLine(), "not a valid query" + hint + ": " + e.getMessage());
        } catch (QueryCancelledException e) {
            main.err().println("error: the query ran out of time (" + timeoutSeconds + " s); no partial answer is given");
            return Main.CHECK_FAILED;
        } catch (QueryDeniedException | AnswerTooLargeException | StringTooLongException e) {
            main.err().println("error: " + e.getMessage());
            return Main.CHECK_FAILED;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            result.write(out, outputFormat);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        main.out().print(out.toString(StandardCharsets.UTF_8));
        main.out().flush();
        return 0;
    }

    private String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read query file " + file + ": " + e.getMessage());
        }
    }
}
