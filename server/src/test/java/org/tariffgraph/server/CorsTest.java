package org.tariffgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;

class CorsTest {

    @TempDir
    Path tmp;

    @Test
    void anyOriginMayReadButNeverWithCredentialsAndNeverUpdate() {
        Path passwords = tmp.resolve("passwords");
        TestHomes.write(passwords, "curator: " + Pbkdf2Credential.hash("s3cret".toCharArray()) + "\n");
        SparqlServer server = SparqlServer.builder(TariffGraph.builder().home(TestHomes.repo()).build()).port(0)
                .updateWithPasswordFile(passwords).accessLog(false).build().start();
        try {
            HttpResponse<String> query = Http.send(HttpRequest.newBuilder(URI.create(server.queryUrl() + "?query=" + Http.encode("ASK {}")))
                    .header("Origin", "https://example.org").header("Accept", "application/sparql-results+json").build());
            assertEquals(200, query.statusCode());
            assertEquals("*", query.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertFalse(query.headers().firstValue("Access-Control-Allow-Credentials").isPresent());

            HttpResponse<String> preflight = Http.send(HttpRequest.newBuilder(URI.create(server.queryUrl()))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://example.org").header("Access-Control-Request-Method", "POST").build());
            assertEquals(204, preflight.statusCode());
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
            assertFalse(preflight.headers().firstValue("Access-Control-Allow-Credentials").isPresent());

            HttpResponse<String> page = Http.send(HttpRequest.newBuilder(URI.create(server.datasetUrl().replace("/kg", "/id/org/canaan")))
                    .header("Origin", "https://example.org").build());
            assertEquals("*", page.headers().firstValue("Access-Control-Allow-Origin").orElse(""));

            HttpResponse<String> update = Http.send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + "/update"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://example.org").header("Access-Control-Request-Method", "POST").build());
            assertFalse(update.headers().firstValue("Access-Control-Allow-Origin").isPresent(), "the update endpoint is not open to other origins");
        } finally {
            server.stop();
        }
    }

    @Test
    void theUpdateEndpointGetsNoCorsHeadersUnderAnySpellingOfItsPath() {
        Path passwords = tmp.resolve("passwords");
        TestHomes.write(passwords, "curator: " + Pbkdf2Credential.hash("s3cret".toCharArray()) + "\n");
        SparqlServer server = SparqlServer.builder(TariffGraph.builder().home(TestHomes.repo()).build()).port(0)
                .updateWithPasswordFile(passwords).accessLog(false).build().start();
        try {
            for (String path : new String[] {"/kg/update", "/kg/./update", "/kg/x/../update", "/kg/%75pdate", "/kg/update;p=1"}) {
                Http.Raw response = Http.raw(server.datasetUrl(), "POST", path, "CLEAR SILENT GRAPH <http://example.org/g>",
                        "Content-Type: application/sparql-update", "Origin: https://example.org",
                        "Authorization: " + Http.basic("curator", "s3cret"));
                assertFalse(response.hasHeader("Access-Control-Allow-Origin"), path + ": " + response.head());
                assertEquals(403, response.status(), path + ": an update from another site is refused");
            }
        } finally {
            server.stop();
        }
    }
}
