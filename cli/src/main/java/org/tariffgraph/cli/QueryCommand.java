package org.tariffgraph.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.query.QueryParseException;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.query.OutputFormat;
import org.tariffgraph.query.QueryResult;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code query}: run a catalogue query, a query file or query text, and print the answer. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a query over the whole graph and print the complete answer.",
            "QUERY is a catalogue id (see 'tariffgraph queries') or SPARQL text; or give --file.",
            "Exit 0 with the answer; 1 if it timed out or was refused; 2 if the query is malformed or unknown."})
final class QueryCommand implements Callable<Integer> {

    @Mixin
    Io io;

    @Mixin
    GraphOptions graph;

    @Mixin
    TimeoutOption timeout;

    static final class Source {
        @Parameters(paramLabel = "QUERY", description = "A catalogue id, such as who-said-what, or SPARQL text.")
        String idOrText;

        @Option(names = "--file", paramLabel = "FILE", description = "Read the query from a file.")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = {"One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
                "table, csv, tsv, json or xml for SELECT and ASK; turtle, ntriples, jsonld or rdfxml for CONSTRUCT and DESCRIBE;",
                "trig, nquads or jsonld for a CONSTRUCT with GRAPH templates; json for a JSON query."})
    OutputFormat format;

    @Override
    public Integer call() throws IOException {
        String text = source.file != null ? readFile(source.file) : source.idOrText;
        TariffGraph loaded = graph.load(timeout.timeout);
        QueryResult result;
        try {
            // A catalogue id is looked up as an id; anything else is SPARQL text.
            result = source.file == null && loaded.catalogue().get(text.strip()).isPresent()
                    ? loaded.catalogue().run(text.strip()) : loaded.query(text);
        } catch (QueryParseException e) {
            String hint = source.file == null && !text.contains(" ")
                    ? " (no catalogue query has the id '" + text + "'; see 'tariffgraph queries')" : "";
            throw io.usage("not a valid query" + hint + ": " + e.getMessage());
        }
        try {
            io.writeFileOrOut(null, out -> result.write(out, format));
        } catch (IllegalArgumentException e) {
            throw io.usage(e.getMessage());
        }
        return 0;
    }

    private String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw io.usage("cannot read query file " + file + ": " + e.getMessage());
        }
    }
}
