package org.tariffgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TestHomes;

/**
 * The runnable jar as a user runs it, after {@code package}: Jena's readers and writers are
 * in it (they are found through service files the shading must merge), and it starts with
 * or without a class-data sharing archive, including one that is missing or unreadable.
 */
class RunnableJarIT {

    private static final Path JAR = Path.of(System.getProperty("tariffgraph.jar", "target/tariffgraph.jar"));

    @TempDir
    Path tmp;

    private static ProcessBuilder java(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    @Test
    void exportsTheDatasetWithTheWritersOfTheJarAndReadsItBack() throws Exception {
        Path out = tmp.resolve("all.nq");
        Process export = java(List.of(), "export", "--home", TestHomes.repo().toString(), "--format", "nquads",
                "--output", out.toString()).redirectErrorStream(true).start();
        String log = new String(export.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, export.waitFor(), log);
        DatasetGraph read = DatasetGraphFactory.create();
        RDFParser.source(out).lang(Lang.NQUADS).parse(read);
        assertTrue(read.stream().count() > 1000, "the export holds the dataset");
    }

    @Test
    void startsAndAnswersWithoutAnArchiveWithAMissingOneAndWithAnUnreadableOne() throws Exception {
        Path garbage = tmp.resolve("garbage.jsa");
        Files.writeString(garbage, "not an archive");
        List<List<String>> settings = List.of(List.of(),
                List.of("-XX:SharedArchiveFile=" + tmp.resolve("absent.jsa")),
                List.of("-XX:SharedArchiveFile=" + garbage));
        for (List<String> options : settings) {
            Process server = java(options, "serve", "--home", TestHomes.repo().toString(), "--port", "0", "--no-access-log",
                    "--sources", TestHomes.sources().toString()).start();
            try {
                String url = Serving.readyUrl(server);
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "?query="
                        + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), options.toString());
                assertTrue(answer.body().contains("true"), options + ": " + answer.body());
            } finally {
                server.destroy();
                assertTrue(server.waitFor(20, TimeUnit.SECONDS), "the server stops on a signal");
            }
            assertFalse(server.isAlive());
        }
    }

}
