package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.slf4j.spi.SLF4JServiceProvider;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.query.QueryResult;

/** What a user of the core artifact gets: the graph and its catalogue, and nothing they did not ask for. */
class UsingTheLibraryTest {

    @Test
    void loadsTheGraphShippedInTheLibraryAndRunsACatalogueQuery() {
        try (TariffGraph graph = TariffGraph.builder().build()) {
            assertTrue(graph.validate().passed());
            QueryResult.Rows rows = graph.catalogue().select("who-said-what");
            assertEquals(12, rows.size());
            Map<String, Node> first = rows.rowMaps().get(0);
            assertEquals("Guang Yang", first.get("speaker").getLiteralLexicalForm());
        }
    }

    @Test
    void bringsNoLoggingBinding() {
        assertFalse(ServiceLoader.load(SLF4JServiceProvider.class).iterator().hasNext(),
                "an SLF4J binding came with the library");
        for (String binding : List.of("org.apache.logging.log4j.core.Logger", "org.slf4j.simple.SimpleLogger", "ch.qos.logback.classic.Logger")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(binding), binding + " came with the library");
        }
        assertEquals(null, TariffGraph.class.getResource("/log4j2.properties"), "a logging configuration came with the library");
    }

    @Test
    void bringsNoServerAndNoShadedClasses() throws IOException, URISyntaxException {
        for (String server : List.of("org.apache.jena.fuseki.main.FusekiServer", "org.eclipse.jetty.server.Server", "picocli.CommandLine")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(server), server + " came with the library");
        }
        Path jar = Path.of(TariffGraph.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(jar.getFileName().toString().matches("tariffgraph-core-.*\\.jar"), jar.toString());
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> foreign = file.stream().map(e -> e.getName())
                    .filter(name -> name.endsWith(".class") && !name.startsWith("org/tariffgraph/")).toList();
            assertEquals(List.of(), foreign, "classes of other projects inside the core jar");
        }
    }
}
