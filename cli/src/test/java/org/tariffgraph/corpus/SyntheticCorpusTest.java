package org.tariffgraph.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.sparql.engine.binding.Binding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.query.QueryResult;
import org.tariffgraph.validate.Report;

class SyntheticCorpusTest {

    @TempDir
    static Path tmp;

    private static Path corpus;
    /** The corpus with the repository's data, which it refers to. */
    private static TariffGraph graph;

    @BeforeAll
    static void writeAHundredArticles() {
        corpus = tmp.resolve("corpus-100");
        SyntheticCorpus.builder().articles(100).seed(7).build().write(corpus);
        graph = TariffGraph.builder().home(TestHomes.repo()).data(TestHomes.repo().resolve("data")).data(corpus.resolve("data")).build();
    }

    @Test
    void aHundredArticlesPassTheShapesAndTheViolationChecks() {
        Report report = graph.validate();
        assertTrue(report.passed(), report.format());
        QueryResult.Rows articles = graph.select("""
                SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a <https://w3id.org/tariffgraph/ontology#NewsArticle> }
                  FILTER(STRSTARTS(STR(?g), "https://w3id.org/tariffgraph/graph/synthetic/article/")) }""");
        assertEquals(100, Integer.parseInt(articles.bindings().get(0).get("n").getLiteralLexicalForm()));
    }

    @Test
    void everyQuoteAndOffsetMatchesTheGeneratedTexts() throws IOException {
        Path sources = Files.createDirectories(tmp.resolve("sources-with-the-article"));
        Path real = TestHomes.requiredSources();
        try (Stream<Path> files = Stream.concat(Files.list(corpus.resolve("sources")), Files.list(real))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, sources.resolve(file.getFileName().toString()));
            }
        }
        Report report = graph.checkEvidence(sources);
        assertTrue(report.passed(), report.format());
    }

    @Test
    void theEvidenceCheckFindsAGeneratedTextThatWasChanged() throws IOException {
        Path sources = Files.createDirectories(tmp.resolve("changed-sources"));
        try (Stream<Path> files = Files.list(corpus.resolve("sources"))) {
            for (Path file : files.toList()) {
                Files.copy(file, sources.resolve(file.getFileName().toString()));
            }
        }
        Path text = sources.resolve("synthetic-a000042.txt");
        Files.writeString(text, Files.readString(text).replace("production", "output"));
        try (TariffGraph graph = TariffGraph.builder().home(TestHomes.repo()).data(corpus.resolve("data")).build()) {
            String report = graph.checkEvidence(sources).format();
            assertTrue(report.contains("https://w3id.org/tariffgraph/id/synthetic/article/a000042"), report);
            assertFalse(report.contains("a000041"), report);
        }
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOtherBytes() throws IOException {
        Path first = tmp.resolve("seed-3-a");
        Path second = tmp.resolve("seed-3-b");
        Path other = tmp.resolve("seed-4");
        SyntheticCorpus.builder().articles(20).seed(3).build().write(first);
        SyntheticCorpus.builder().articles(20).seed(3).build().write(second);
        SyntheticCorpus.builder().articles(20).seed(4).build().write(other);
        List<Path> files = files(first);
        assertEquals(1 + 20 + 20, files.size(), "the entities, one TriG file and one text per article");
        assertEquals(files, files(second));
        boolean anyDifferent = false;
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file.toString());
            anyDifferent |= !java.util.Arrays.equals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(other.resolve(file)));
        }
        assertTrue(anyDifferent, "another seed writes another corpus");
    }

    @Test
    void articlesShareTheirEntitiesAndKeepToTheirOwnGraphs() {
        List<Binding> busiest = graph.select("""
                PREFIX schema: <https://schema.org/>
                SELECT ?entity (COUNT(DISTINCT ?article) AS ?articles) WHERE {
                  ?article schema:mentions ?entity .
                  FILTER(STRSTARTS(STR(?entity), "https://w3id.org/tariffgraph/id/synthetic/org/"))
                } GROUP BY ?entity ORDER BY DESC(?articles) LIMIT 1""").bindings();
        int mostMentioned = Integer.parseInt(busiest.get(0).get("articles").getLiteralLexicalForm());
        assertTrue(mostMentioned >= 15, "the most named company is named in " + mostMentioned + " of 100 articles");
        List<Binding> outside = graph.select("""
                SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o }
                  FILTER(STRSTARTS(STR(?s), "https://w3id.org/tariffgraph/id/synthetic/article/"))
                  FILTER(!STRSTARTS(STR(?g), "https://w3id.org/tariffgraph/graph/synthetic/")) }""").bindings();
        assertTrue(outside.isEmpty(), "synthetic facts outside the synthetic graphs: " + outside);
    }

    @Test
    void everyCatalogueQueryAnswersOverAHundredArticlesAndListsTheirFactsBesideTheArticles() {
        int grew = 0;
        try (TariffGraph article = TariffGraph.builder().home(TestHomes.repo()).build()) {
            for (String id : graph.catalogue().ids()) {
                QueryResult alone = article.catalogue().run(id);
                QueryResult beside = graph.catalogue().run(id);
                assertEquals(alone.getClass(), beside.getClass(), id);
                if (alone instanceof QueryResult.Rows rows) {
                    int before = rows.bindings().size();
                    int after = ((QueryResult.Rows) beside).bindings().size();
                    assertTrue(after >= before, id + ": " + after + " rows over the corpus, " + before + " over the article");
                    grew += after > before ? 1 : 0;
                }
            }
        }
        assertTrue(grew >= 10, "queries whose answer grew with the synthetic articles: " + grew);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
