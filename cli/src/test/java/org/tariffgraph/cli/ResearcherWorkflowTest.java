package org.tariffgraph.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.query.Dataset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TestHomes;


/**
 * The researcher's workflow of the README, step by step, on a report the first article's
 * graph has never seen: draft it, review the draft, add a fact by typing its words and
 * anchor them, validate it beside the first article, and serve both.
 */
class ResearcherWorkflowTest {

    private static final String REPORT = "harbour-ledger-2025-mining-rigs";
    private static final String GRAPH = "https://w3id.org/tariffgraph/graph/article/" + REPORT;

    @TempDir
    Path tmp;

    private Path texts;
    private Path data;
    private Path draft;
    private Path fixture;

    @BeforeEach
    void bringAReport() throws Exception {
        fixture = TestHomes.repo().resolve("core/src/test/resources/reports/" + REPORT);
        texts = Files.createDirectories(tmp.resolve("my-reports"));
        data = Files.createDirectories(tmp.resolve("my-data"));
        Files.copy(fixture.resolve("report.txt"), texts.resolve(REPORT + ".txt"));
        draft = data.resolve(REPORT + ".trig");
    }

    private Cli draft(Path text, Path output) {
        return Cli.run("draft", text.toString(), "--home", TestHomes.repo().toString(),
                "--url", "https://harbour-ledger.example.org/markets/2025/06/20/chinese-rig-makers-american-lines",
                "--publisher", "The Harbour Ledger", "--published", "2025-06-20", "--output", output.toString());
    }

    private static long count(Path trig, String where) {
        Dataset dataset = RDFDataMgr.loadDataset(trig.toString());
        try (QueryExecution q = QueryExecution.dataset(dataset).query("""
                PREFIX tg: <https://w3id.org/tariffgraph/ontology#>
                PREFIX oa: <http://www.w3.org/ns/oa#>
                SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { %s } }""".formatted(where)).build()) {
            return q.execSelect().next().getLiteral("n").getLong();
        }
    }

    @Test
    void aNewReportGoesFromItsTextToAValidatedServedGraphBesideTheFirstArticle() throws Exception {
        // 1. Draft: every fact with evidence, every fact unreviewed.
        Cli drafted = draft(texts.resolve(REPORT + ".txt"), draft);
        assertEquals(0, drafted.exitCode(), drafted.err());
        assertTrue(drafted.err().contains("every fact is unreviewed"), drafted.err());
        long unreviewed = count(draft, "?fact tg:reviewStatus tg:Unreviewed");
        assertTrue(unreviewed > 20, "drafted facts: " + unreviewed);

        // 2. Review: the curator's decisions, applied in place; nothing is left unreviewed.
        Cli reviewed = Cli.run("review", draft.toString(), "--decisions", fixture.resolve("review.txt").toString(),
                "--curator", "A. Curator", "--in-place");
        assertEquals(0, reviewed.exitCode(), reviewed.err());
        assertEquals(0, count(draft, "?fact tg:reviewStatus tg:Unreviewed"));
        assertTrue(count(draft, "?fact tg:reviewStatus tg:Corrected ; tg:reviewedBy ?who") > 0);

        // 3. Facts added by hand: the policy whose rate the review made "30%", with evidence the
        // draft has, and a claim with only the words of its evidence typed; anchor finds them.
        Files.writeString(draft, "\n<" + GRAPH + "> {\n" + Files.readString(fixture.resolve("additions.ttl")) + "\n}\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        String words = "Canaan, which has moved its headquarters to Singapore";
        assertTrue(Files.readString(texts.resolve(REPORT + ".txt")).contains(words), "the words are in the text");
        Files.writeString(draft, handAddedClaim(words), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Cli anchored = Cli.run("anchor", draft.toString(), "--sources", texts.toString(), "--in-place");
        assertEquals(0, anchored.exitCode(), anchored.err());
        assertEquals(1, count(draft, "?e oa:hasSelector [ oa:exact \"%s\" ] , [ oa:start ?start ; oa:end ?end ]".formatted(words)));

        // 4. Validate beside the first article, each text in its own folder.
        Cli valid = Cli.run("validate", "--home", TestHomes.repo().toString(),
                "--data", TestHomes.repo().resolve("data").toString(), "--data", data.toString(),
                "--sources", TestHomes.requiredSources().toString(), "--sources", texts.toString());
        assertEquals(0, valid.exitCode(), valid.out() + valid.err());
        assertTrue(valid.out().startsWith("OK"), valid.out());

        // 5. Serve both; the report's graph is there, and who reported what includes it.
        Serving serving = Serving.start(new StringWriter(), new StringWriter(), Duration.ofSeconds(60), List.of("serve", "--home", TestHomes.repo().toString(),
                "--data", TestHomes.repo().resolve("data").toString(), "--data", data.toString(),
                "--sources", TestHomes.requiredSources().toString(), "--sources", texts.toString(), "--port", "0"));
        try {
            String query = "PREFIX tg: <https://w3id.org/tariffgraph/ontology#> SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + GRAPH
                    + "> { ?s tg:reportedIn ?source } }";
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(serving.queryUrl() + "?query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "text/csv").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            long served = Long.parseLong(response.body().lines().skip(1).findFirst().orElseThrow().strip());
            assertTrue(served > 20, "facts of the new report served: " + served);
        } finally {
            assertEquals(0, serving.stop());
        }
    }

    /** A claim in the article's voice, its evidence given only by the words a curator typed. */
    private static String handAddedClaim(String words) {
        String article = "https://w3id.org/tariffgraph/id/article/" + REPORT;
        return """

                <%1$s> {
                    <%2$s/claim/hand-1> a tg:Claim , tg:GeneralClaim ;
                        rdfs:label "Canaan has moved its headquarters to Singapore"@en ;
                        tg:assertedBy org-id:the-harbour-ledger ;
                        tg:voice tg:ArticleVoice ;
                        tg:modality tg:Asserted ;
                        tg:reportedIn <%2$s> ;
                        tg:hasEvidence <%2$s/evidence/hand-1> .
                    <%2$s/evidence/hand-1> a tg:Evidence ;
                        oa:hasSource <%2$s> ;
                        oa:hasSelector <%2$s/evidence/hand-1#quote> .
                    <%2$s/evidence/hand-1#quote> a oa:TextQuoteSelector ; oa:exact "%3$s" .
                }
                """.formatted(GRAPH, article, words);
    }

    @Test
    void draftNeverWritesOverAFileThatMayHoldACuratorsWork() throws Exception {
        Files.writeString(draft, "# a curator's work\n");
        byte[] before = Files.readAllBytes(draft);
        Cli refused = draft(texts.resolve(REPORT + ".txt"), draft);
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("exists") && refused.err().contains("never writes over"), refused.err());
        assertArrayEquals(before, Files.readAllBytes(draft));
    }

    @Test
    void aTextThatIsEmptyBinaryOrNotUtf8IsRefusedByNameAndNothingIsWritten() throws Exception {
        Object[][] cases = {
                {"empty.txt", new byte[0], "the text is empty"},
                {"binary.txt", new byte[] {'a', 'b', 0, 1, 'c'}, "binary data"},
                {"latin1.txt", "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1), "not valid UTF-8"},
        };
        for (Object[] c : cases) {
            Path text = texts.resolve((String) c[0]);
            Files.write(text, (byte[]) c[1]);
            Path output = data.resolve(c[0] + ".trig");
            Cli refused = draft(text, output);
            assertEquals(1, refused.exitCode(), c[0] + ": " + refused.err());
            assertTrue(refused.err().contains((String) c[0]) && refused.err().contains((String) c[2]), refused.err());
            assertFalse(Files.exists(output), c[0] + ": nothing is written");
        }
        Cli missing = draft(texts.resolve("no-such-report.txt"), data.resolve("x.trig"));
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("no-such-report.txt: no such file"), missing.err());
    }

    @Test
    void anchorRefusesWordsThatAreNotInTheTextNamingTheSpanAndLeavesTheFileAsItWas() throws Exception {
        assertEquals(0, draft(texts.resolve(REPORT + ".txt"), draft).exitCode());
        Files.writeString(draft, handAddedClaim("Canaan said it would move to Austin"), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(draft);
        Cli refused = Cli.run("anchor", draft.toString(), "--sources", texts.toString(), "--in-place");
        assertEquals(1, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("evidence/hand-1") && refused.err().contains("Canaan said it would move to Austin"), refused.err());
        assertArrayEquals(before, Files.readAllBytes(draft));
    }

    @Test
    void validateNamesASourceTextFoundInNoneOfTheFolders() {
        assertEquals(0, draft(texts.resolve(REPORT + ".txt"), draft).exitCode());
        Cli invalid = Cli.run("validate", "--home", TestHomes.repo().toString(),
                "--data", TestHomes.repo().resolve("data").toString(), "--data", data.toString(),
                "--sources", TestHomes.requiredSources().toString());
        assertEquals(1, invalid.exitCode());
        assertTrue(invalid.out().contains("no file " + REPORT + ".txt in "), invalid.out());
    }

    @Test
    void aNameThatAnEarlierReportIntroducedResolvesToItsEntityInTheNextDraft() throws Exception {
        // The Caprock Chronicle's curated graph introduced Red Mesa Hashworks and Dale Harwick.
        Files.copy(TestHomes.repo().resolve("core/src/test/resources/reports/caprock-chronicle-2025-plainview-miner/curated.trig"),
                data.resolve("caprock-chronicle-2025-plainview-miner.trig"));
        Path text = texts.resolve("newsy-2025-red-mesa.txt");
        Files.writeString(text, "Texas miner expands\n\nRed Mesa Hashworks will add 200 machines, Dale Harwick, "
                + "chief executive of Red Mesa Hashworks, said on Tuesday.\n");
        Path output = tmp.resolve("newsy.trig");
        Cli drafted = Cli.run("draft", text.toString(), "--home", TestHomes.repo().toString(),
                "--data", TestHomes.repo().resolve("data").toString(), "--data", data.toString(),
                "--url", "https://newsy.example.org/2025/07/01/red-mesa", "--publisher", "Newsy", "--published", "2025-07-01",
                "--output", output.toString());
        assertEquals(0, drafted.exitCode(), drafted.err());
        assertEquals(1, count(output, "?role <http://www.w3.org/ns/org#member> <https://w3id.org/tariffgraph/id/person/dale-harwick> ; "
                + "<http://www.w3.org/ns/org#organization> <https://w3id.org/tariffgraph/id/org/red-mesa-hashworks>"));
        assertEquals(0, count(output, "<https://w3id.org/tariffgraph/id/org/red-mesa-hashworks> ?p ?o"),
                "the known organisation is not described again as a new candidate");
    }
}
