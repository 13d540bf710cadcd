package org.tariffgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultsCompare;
import org.junit.jupiter.api.Test;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.query.CatalogueQuery;

/** Many clients at once: no errors, and every answer equal to the catalogue's expected one. */
class ConcurrencyTest {

    private static final int CLIENTS = 16;
    private static final int REQUESTS_PER_CLIENT = 25;

    @Test
    void manyClientsAtOnceGetOnlyCorrectAnswers() throws Exception {
        TariffGraph graph = TariffGraph.builder().home(TestHomes.repo()).build();
        List<CatalogueQuery> queries = new ArrayList<>(graph.catalogue().queries());
        List<String> expected = new ArrayList<>();
        for (CatalogueQuery q : queries) {
            expected.add(Files.readString(TestHomes.repo().resolve("queries/expected/" + q.id() + ".tsv")));
        }
        SparqlServer server = SparqlServer.builder(graph).port(0).accessLog(false).build().start();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<String>>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    List<String> errors = new ArrayList<>();
                    for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                        int i = (client * REQUESTS_PER_CLIENT + r) % queries.size();
                        var response = Http.query(server.queryUrl(), queries.get(i).text(), "text/tab-separated-values");
                        if (response.statusCode() != 200) {
                            errors.add(queries.get(i).id() + ": " + response.statusCode());
                        } else if (!same(response.body(), expected.get(i))) {
                            errors.add(queries.get(i).id() + ": wrong answer");
                        }
                    }
                    return errors;
                }));
            }
            List<String> errors = new ArrayList<>();
            for (Future<List<String>> f : clients) {
                errors.addAll(f.get());
            }
            assertEquals(List.of(), errors);
        } finally {
            pool.shutdownNow();
            server.stop();
        }
    }

    private static boolean same(String actualTsv, String expectedTsv) {
        ResultSetRewindable actual = read(actualTsv);
        ResultSetRewindable expected = read(expectedTsv);
        return ResultsCompare.equalsByTermAndOrder(actual, expected);
    }

    private static ResultSetRewindable read(String tsv) {
        return ResultSetMgr.read(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_TSV).rewindable();
    }
}
