package org.tariffgraph.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.server.SparqlServer;

/** Whatever the data holds, a page shows it as text: no markup and no script link gets through. */
class HtmlPagesTest {

    @TempDir
    Path tmp;

    @Test
    void hostileValuesInTheDataAreShownAsTextNeverAsMarkupOrScriptLinks() throws Exception {
        Path home = TestHomes.copyOfRepo(tmp);
        String canaan = "https://w3id.org/tariffgraph/id/org/canaan";
        String hostile = TestHomes.ARTICLE_IRI + "/evidence/c2082-2229#position";
        TestHomes.write(home.resolve("data/hostile.trig"), """
                <http://example.org/hostile> {
                  <%s> <http://www.w3.org/2000/01/rdf-schema#seeAlso> <javascript:alert(document.domain)> ;
                       <http://www.w3.org/2004/02/skos/core#note> "<script>alert(1)</script>" ;
                       <http://www.w3.org/2000/01/rdf-schema#label> <http://example.org/not-a-literal> .
                  <%s> <http://www.w3.org/ns/oa#start> "<img src=x onerror=alert(1)>" .
                  <%s> <http://www.w3.org/ns/oa#prefix> "<script>alert(2)</script>" .
                }
                """.formatted(canaan, hostile, hostile.replace("#position", "#quote")));
        SparqlServer server = SparqlServer.builder(TariffGraph.builder().home(home).build()).port(0).accessLog(false).build().start();
        try {
            String base = server.datasetUrl().replace("/kg", "");
            HttpClient client = HttpClient.newHttpClient();
            for (String path : new String[] {"/id/org/canaan", "/id/person/leo-wang"}) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), path);
                Document page = Jsoup.parse(r.body());
                assertTrue(page.select("script, img").isEmpty(), path + ": markup from the data got through");
                assertTrue(page.select("a[href^=javascript]").isEmpty(), path + ": a script link got through");
                assertFalse(r.body().contains("<script>alert"), path);
            }
            String canaanPage = client.send(HttpRequest.newBuilder(URI.create(base + "/id/org/canaan")).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(canaanPage.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the note is shown as text");
            assertTrue(canaanPage.contains("javascript:alert(document.domain)"), "the odd IRI is shown, as text");
            String leoWangPage = client.send(HttpRequest.newBuilder(URI.create(base + "/id/person/leo-wang")).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(leoWangPage.contains("<span class=\"context\">&lt;script&gt;alert(2)&lt;/script&gt;"), "the context of a quote is shown as text");
        } finally {
            server.stop();
        }
    }
}
