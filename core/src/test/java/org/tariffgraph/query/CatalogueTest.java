package org.tariffgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultsCompare;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.load.LoadException;

/**
 * The query catalogue: every query is documented, listed in the manifest, and gives exactly
 * its expected result over the repository's data.
 */
class CatalogueTest {


    private static Path queries;
    private static TariffGraph graph;
    /** Manifest entries by name: the query file and the expected result file. */
    private static Map<String, Path[]> manifest;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        queries = TestHomes.repo().resolve("queries");
        graph = TariffGraph.builder().home(TestHomes.repo()).build();
        manifest = QueryManifest.read(queries.resolve("manifest.ttl"));
    }

    @Test
    void theCatalogueHasAtLeastFifteenQueries() {
        assertTrue(graph.catalogue().queries().size() >= 15, graph.catalogue().ids().toString());
    }

    @Test
    void everyQueryFileHasAManifestEntryAndEveryEntryItsFiles() {
        assertEquals(new TreeSet<>(graph.catalogue().ids()), new TreeSet<>(manifest.keySet()),
                "every .rq in queries/ needs a manifest entry, and every entry a query");
        manifest.forEach((name, files) -> {
            assertEquals(queries.resolve(name + ".rq"), files[0], name);
            assertTrue(Files.isRegularFile(files[1]), "no expected result for " + name + ": " + files[1]);
        });
    }

    @TestFactory
    List<DynamicTest> everyQueryIsDocumentedAndOrdered() {
        List<DynamicTest> tests = new ArrayList<>();
        for (CatalogueQuery q : graph.catalogue().queries()) {
            tests.add(DynamicTest.dynamicTest(q.id(), () -> {
                assertFalse(q.summary().isBlank(), "summary");
                assertTrue(q.description().length() > 40, "a description that says how to read the result");
                assertFalse(q.tags().isEmpty(), "tags");
                // Parsed without predefined prefixes: a prefix used but not declared fails here.
                Query query = QueryFactory.create(q.text());
                assertTrue(query.hasOrderBy(), "ORDER BY, for a stable order");
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> everyQueryGivesItsExpectedResult() {
        List<DynamicTest> tests = new ArrayList<>();
        manifest.forEach((name, files) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            QueryResult.Rows actual = graph.select(Files.readString(files[0], StandardCharsets.UTF_8));
            org.apache.jena.query.ResultSetRewindable expected;
            try (InputStream in = Files.newInputStream(files[1])) {
                expected = ResultSetMgr.read(in, ResultSetLang.RS_TSV).rewindable();
            }
            boolean same = ResultsCompare.equalsByTermAndOrder(
                    org.apache.jena.query.ResultSet.adapt(actual.rowSet()), expected);
            if (!same) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                actual.write(out, OutputFormat.TSV);
                assertEquals(Files.readString(files[1], StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8),
                        name + ": the answer differs from the expected result");
            }
        })));
        return tests;
    }

    @Test
    void refusesAQueryWithoutASummary() {
        TestHomes.write(tmp.resolve("q/no-header.rq"), "SELECT * WHERE { ?s ?p ?o } ORDER BY ?s");
        LoadException e = assertThrows(LoadException.class, () -> Catalogue.fromFolder(tmp.resolve("q")));
        assertTrue(e.getMessage().contains("#+ summary:"), e.getMessage());
    }

    @Test
    void refusesAnIdThatIsNotKebabCase() {
        TestHomes.write(tmp.resolve("q/Who_Said.rq"), "#+ summary: x\nSELECT * WHERE { ?s ?p ?o } ORDER BY ?s");
        LoadException e = assertThrows(LoadException.class, () -> Catalogue.fromFolder(tmp.resolve("q")));
        assertTrue(e.getMessage().contains("kebab-case"), e.getMessage());
    }

    @Test
    void runsAQueryByIdAndNamesTheIdsWhenAskedForAnUnknownOne() {
        assertEquals(12, graph.catalogue().select("who-said-what").size());
        java.util.NoSuchElementException e = assertThrows(java.util.NoSuchElementException.class,
                () -> graph.catalogue().run("who-said"));
        assertTrue(e.getMessage().contains("'who-said'") && e.getMessage().contains("who-said-what"), e.getMessage());
    }

    @Test
    void aCatalogueReadFromAFolderListsButDoesNotRun() {
        Catalogue listed = Catalogue.fromFolder(TestHomes.repo().resolve("queries"));
        assertTrue(listed.get("who-said-what").isPresent());
        assertThrows(IllegalStateException.class, () -> listed.run("who-said-what"));
    }

    @Test
    void readsTheHeader() {
        CatalogueQuery q = graph.catalogue().get("who-said-what").orElseThrow();
        assertEquals("Who said what, in which role, quoted or paraphrased", q.summary());
        assertEquals(List.of("statements", "people", "roles", "quotes"), q.tags());
    }
}
