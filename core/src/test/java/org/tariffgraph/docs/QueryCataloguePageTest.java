package org.tariffgraph.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.query.CatalogueDocument;

/** The catalogue page is what the catalogue generates now: every query, its real sample output. */
class QueryCataloguePageTest {

    @Test
    void theCataloguePageIsUpToDate() {
        TariffGraph graph = TariffGraph.builder().home(TestHomes.repo()).build();
        String page = TestHomes.read(TestHomes.repo().resolve("src/site/markdown/queries.md"));
        assertEquals(CatalogueDocument.markdown(graph.catalogue()), page,
                "regenerate with: java -jar target/tariffgraph.jar queries --markdown > src/site/markdown/queries.md");
    }

    @Test
    void theReadmeLinksToTheCataloguePage() {
        String readme = TestHomes.read(TestHomes.repo().resolve("README.md"));
        assertTrue(readme.contains("(src/site/markdown/queries.md)"));
    }
}
