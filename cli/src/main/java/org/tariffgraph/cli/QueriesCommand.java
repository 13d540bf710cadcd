package org.tariffgraph.cli;

import java.util.concurrent.Callable;

import org.tariffgraph.TariffGraph;
import org.tariffgraph.query.CatalogueDocument;
import org.tariffgraph.query.CatalogueQuery;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code queries}: list the query catalogue. */
@Command(name = "queries", mixinStandardHelpOptions = true,
        description = "List the catalogue queries, each with its id and summary; run one with 'tariffgraph query <id>'.")
final class QueriesCommand implements Callable<Integer> {

    @Mixin
    Io io;

    @Mixin
    GraphOptions graph;

    @Option(names = "--markdown", description = "Print the catalogue page: every query with its question, text and a sample of its real output.")
    boolean markdown;

    @Override
    public Integer call() {
        TariffGraph loaded = graph.load();
        if (markdown) {
            io.out().print(CatalogueDocument.markdown(loaded.catalogue()));
            io.out().flush();
            return 0;
        }
        var queries = loaded.catalogue().queries();
        int width = queries.stream().mapToInt(q -> q.id().length()).max().orElse(0);
        for (CatalogueQuery q : queries) {
            io.out().printf("%-" + width + "s  %s%n", q.id(), q.summary());
        }
        if (queries.isEmpty()) {
            io.out().println("(no catalogue queries: there is no queries/ folder)");
        }
        io.out().flush();
        return 0;
    }
}
