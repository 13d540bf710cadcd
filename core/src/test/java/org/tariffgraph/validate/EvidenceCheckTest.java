package org.tariffgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;

/**
 * The evidence check against the article's text. The text is not part of the repository:
 * the tests that need it read it from the sources folder beside it (system property
 * {@code tariffgraph.sources}, by default {@code ../shared/sources}), as CI provides it;
 * see {@link TestHomes#requiredSources()} for what happens when it is absent.
 */
class EvidenceCheckTest {

    @TempDir
    Path tmp;

    private static final String A = TestHomes.ARTICLE_IRI;

    private static List<Problem> evidenceProblems(Path home, Path sources) {
        return TariffGraph.builder().home(home).build().checkEvidence(sources).problems();
    }

    @Test
    void everySpanOfTheRepositorySlicesTheSourceToItsQuote() {
        assertEquals(List.of(), evidenceProblems(TestHomes.repo(), TestHomes.requiredSources()));
    }

    @Test
    void reportsOffsetsThatSliceOtherWords() {
        Path home = TestHomes.copyOfRepo(tmp.resolve("home"));
        // Shift a span by one character, keeping its length.
        TestHomes.replaceAfter(home.resolve(TestHomes.ARTICLE), "<" + A + "/evidence/c3047-3201#position> a",
                "oa:start 3047 ;\n        oa:end 3201", "oa:start 3048 ;\n        oa:end 3202");
        List<Problem> problems = evidenceProblems(home, TestHomes.requiredSources());
        assertTrue(problems.stream().anyMatch(p -> p.node().equals(A + "/evidence/c3047-3201")
                && p.message().contains("offsets 3048-3202 give")), problems.toString());
    }

    @Test
    void reportsAPrefixThatIsNotTheTextBeforeTheQuote() {
        Path home = TestHomes.copyOfRepo(tmp.resolve("home"));
        TestHomes.replaceAfter(home.resolve(TestHomes.ARTICLE), "<" + A + "/evidence/c3047-3201#quote> a",
                "oa:prefix \"", "oa:prefix \"X");
        List<Problem> problems = evidenceProblems(home, TestHomes.requiredSources());
        assertTrue(problems.stream().anyMatch(p -> p.node().equals(A + "/evidence/c3047-3201")
                && p.message().contains("oa:prefix")), problems.toString());
    }

    @Test
    void reportsASourceTextWhoseDigestDiffers() throws IOException {
        Path sources = copyOfSources();
        Path text = sources.resolve("prepsaret-2025-chinese-mining-rig-makers-us-production.txt");
        Files.writeString(text, Files.readString(text) + " ");
        List<Problem> problems = evidenceProblems(TestHomes.repo(), sources);
        assertTrue(problems.stream().anyMatch(p -> p.node().equals(A) && p.message().contains("SHA-256")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.node().equals(A) && p.message().contains("byte length")), problems.toString());
    }

    @Test
    void reportsStoryTextThatIsNoFactsEvidence() {
        Path home = TestHomes.copyOfRepo(tmp.resolve("home"));
        // Point the Kadan Stadlemann paraphrase at the evidence of his role only: the rest of
        // the sentence is then evidence of nothing.
        TestHomes.replaceAfter(home.resolve(TestHomes.ARTICLE), "statement:kadan-stadlemann-catalyze-transformation a",
                A + "/evidence/c3047-3201>", A + "/evidence/c3060-3085>");
        List<Problem> problems = evidenceProblems(home, TestHomes.requiredSources());
        assertTrue(problems.stream().anyMatch(p -> p.node().equals(A + "/segment/s19")
                && p.message().contains("is not the evidence of any fact")), problems.toString());
    }

    @Test
    void reportsPageTextThatBelongsToNoSegment() {
        Path home = TestHomes.copyOfRepo(tmp.resolve("home"));
        // The last advertisement is no longer declared a page segment.
        TestHomes.replaceOnce(home.resolve(TestHomes.ARTICLE),
                "<" + A + "/segment/s22> a tg:Advertisement , tg:NonStorySegment , tg:PageSegment ;",
                "<" + A + "/segment/s22> a tg:Evidence ;");
        List<Problem> problems = evidenceProblems(home, TestHomes.requiredSources());
        assertTrue(problems.stream().anyMatch(p -> p.node().equals(A)
                && p.message().contains("3450-3612") && p.message().contains("belong to no page segment")), problems.toString());
    }

    @Test
    void reportsAMissingSourcesFolder() {
        List<Problem> problems = evidenceProblems(TestHomes.repo(), tmp.resolve("nowhere"));
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("no sources folder")), problems.toString());
    }

    private Path copyOfSources() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("sources"));
        try (var files = Files.list(TestHomes.requiredSources())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, dir.resolve(f.getFileName().toString()));
            }
        }
        return dir;
    }
}
