package org.tariffgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.query.CatalogueQuery;

/**
 * Seeded fuzzing: catalogue queries mutated at random (tokens dropped, doubled, swapped,
 * characters replaced, text cut), each sent to the server. No answer may be a server error
 * other than a time-out, and the server must still be up at the end. The seed makes a
 * failure reproducible.
 */
class FuzzTest {

    private static final long SEED = 20261125L;
    private static final int MUTANTS = 400;
    private static final Set<Integer> ALLOWED = Set.of(200, 400, 406, 413, 422, 503);
    private static final String NOISE = "{}()<>?$\"'.;,#*+-/\\|^&!=@:_ \n\t\u00e9\u201c0123456789";

    @Test
    void mutatedQueriesNeverGetAServerErrorAndTheServerStaysUp() {
        TariffGraph graph = TariffGraph.builder().home(TestHomes.repo()).build();
        SparqlServer server = SparqlServer.builder(graph).port(0).timeout(Duration.ofSeconds(2)).accessLog(false).build().start();
        Random random = new Random(SEED);
        List<String> sources = graph.catalogue().queries().stream().map(CatalogueQuery::text).toList();
        List<String> failures = new ArrayList<>();
        try {
            for (int i = 0; i < MUTANTS; i++) {
                String mutant = mutate(sources.get(random.nextInt(sources.size())), random);
                HttpResponse<String> response = Http.postForm(server.queryUrl(), "query=" + Http.encode(mutant), null, null);
                if (!ALLOWED.contains(response.statusCode())) {
                    failures.add("mutant " + i + " got " + response.statusCode() + ": " + mutant.replace('\n', ' '));
                }
            }
            assertEquals(List.of(), failures, "seed " + SEED);
            assertEquals(200, Http.get(server.datasetUrl().replace("/kg", "/$/ping"), "text/plain").statusCode());
            assertTrue(Http.query(server.queryUrl(), "ASK { ?s ?p ?o }", "application/sparql-results+json").body().contains("true"));
        } finally {
            server.stop();
        }
    }

    static String mutate(String query, Random random) {
        List<String> tokens = new ArrayList<>(List.of(query.split("(?<=\\s)|(?=\\s)")));
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !tokens.isEmpty(); e++) {
            int at = random.nextInt(tokens.size());
            switch (random.nextInt(5)) {
                case 0 -> tokens.remove(at);
                case 1 -> tokens.add(at, tokens.get(at));
                case 2 -> {
                    int other = random.nextInt(tokens.size());
                    String t = tokens.get(at);
                    tokens.set(at, tokens.get(other));
                    tokens.set(other, t);
                }
                case 3 -> {
                    String t = tokens.get(at);
                    if (!t.isEmpty()) {
                        int c = random.nextInt(t.length());
                        tokens.set(at, t.substring(0, c) + NOISE.charAt(random.nextInt(NOISE.length())) + t.substring(c + 1));
                    }
                }
                default -> tokens = new ArrayList<>(tokens.subList(0, at));
            }
        }
        return String.join("", tokens);
    }
}
