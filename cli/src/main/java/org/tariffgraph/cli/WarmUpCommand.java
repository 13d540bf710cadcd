package org.tariffgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.concurrent.Callable;

import org.apache.jena.atlas.logging.LogCtl;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.query.OutputFormat;
import org.tariffgraph.server.SparqlServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code warm-up}: one run through the common paths (load, validate, query, serve and answer
 * over HTTP, stop), used by the startup-archive profile to record a class-data sharing archive of the classes
 * those paths load.
 */
@Command(name = "warm-up", hidden = true,
        description = "Load, check (with the evidence, where the source texts are; run, then remembered), query, serve on a free port and answer one HTTP query, then stop. Records the start-up archive (the startup-archive profile).")
final class WarmUpCommand implements Callable<Integer> {

    private static final String QUERY = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label LIMIT 5";

    @Mixin
    Io io;

    @Mixin
    GraphOptions options;

    @Override
    public Integer call() throws IOException, InterruptedException {
        LogCtl.setLevel("org.apache.jena.fuseki.Fuseki", "warn");
        // Both paths of serve's checks: run and remembered, in a folder of this run's own.
        Path cache = Files.createTempDirectory("tariffgraph-warm-up");
        TariffGraph graph = null;
        try {
            for (int run = 0; run < 2; run++) {
                graph = options.builder().validatedState(cache).build();
                if (!graph.checkAll(new SourcesOption().toCheck(options)).passed()) {
                    io.err().println("error: the data is invalid");
                    return Main.CHECK_FAILED;
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(cache)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        graph.query(QUERY).write(OutputStream.nullOutputStream(), OutputFormat.TABLE);
        SparqlServer server = SparqlServer.builder(graph).port(0).accessLog(false).build().start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            for (String accept : new String[] {"application/sparql-results+json", "text/csv"}) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(server.queryUrl() + "?query="
                        + URLEncoder.encode(QUERY, StandardCharsets.UTF_8))).header("Accept", accept).build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    io.err().println("error: the endpoint answered " + response.statusCode());
                    return Main.CHECK_FAILED;
                }
            }
        } finally {
            server.stop();
        }
        return 0;
    }
}
