package org.tariffgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
        description = "Load, validate (with the evidence, where the source texts are), query, serve on a free port and answer one HTTP query, then stop. Records the start-up archive (the startup-archive profile).")
final class WarmUpCommand implements Callable<Integer> {

    private static final String QUERY = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label LIMIT 5";

    @Mixin
    Io io;

    @Mixin
    GraphOptions options;

    @Override
    public Integer call() throws IOException, InterruptedException {
        LogCtl.setLevel("org.apache.jena.fuseki.Fuseki", "warn");
        TariffGraph graph = options.load();
        if (!graph.validate().passed()) {
            io.err().println("error: the data is invalid");
            return Main.CHECK_FAILED;
        }
        new SourcesOption().toCheck(options).ifPresent(graph::checkEvidence);
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
