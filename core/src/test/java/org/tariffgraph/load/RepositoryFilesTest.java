package org.tariffgraph.load;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tariffgraph.TestHomes;

/** Every RDF and SPARQL file of the repository parses, strictly (warnings are errors). */
class RepositoryFilesTest {

    private static List<Path> files(String... extensions) throws IOException {
        try (Stream<Path> walk = Stream.of("ontology", "data", "queries")
                .map(TestHomes.repo()::resolve).filter(Files::isDirectory)
                .flatMap(RepositoryFilesTest::walk)) {
            return walk.filter(f -> Stream.of(extensions).anyMatch(f.toString()::endsWith)).sorted().toList();
        }
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir).filter(Files::isRegularFile);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyTurtleAndTrigFileParses() throws IOException {
        List<Path> files = files(".ttl", ".trig");
        assertFalse(files.isEmpty(), "no RDF files found under " + TestHomes.repo());
        return files.stream().map(f -> DynamicTest.dynamicTest(TestHomes.repo().relativize(f).toString(), () -> {
            Lang lang = RDFLanguages.filenameToLang(f.toString());
            RDFParser.source(f).lang(lang).errorHandler(ErrorHandlerFactory.errorHandlerStrict)
                    .parse(StreamRDFLib.sinkNull());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySparqlFileParses() throws IOException {
        List<Path> files = files(".rq");
        assertFalse(files.isEmpty(), "no SPARQL files found under " + TestHomes.repo());
        return files.stream().map(f -> DynamicTest.dynamicTest(TestHomes.repo().relativize(f).toString(),
                () -> QueryFactory.read(f.toString())));
    }
}
