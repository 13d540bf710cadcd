package org.tariffgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TestHomes;

class QueryCommandTest {

    @TempDir
    Path tmp;

    private static final String HOME = TestHomes.repo().toString();
    private static final String SPEAKERS = "PREFIX tg: <https://w3id.org/tariffgraph/ontology#> "
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            + "SELECT DISTINCT ?name WHERE { ?s tg:speaker/rdfs:label ?name } ORDER BY ?name";

    @Test
    void runsACatalogueQueryByIdAsAnAlignedTable() {
        Cli result = Cli.run("query", "--home", HOME, "who-said-what");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("| speaker") && result.out().contains("\"Sanjay Gupta\"@en")
                && result.out().contains("\"direct quote\""), result.out());
    }

    @Test
    void runsQueryTextAsCsv() {
        Cli result = Cli.run("query", "--home", HOME, "--format", "csv", SPEAKERS);
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("name\r\nGuang Yang\r\nJohn Deaton\r\nKadan Stadlemann\r\nLeo Wang\r\nMicroBT\r\nSanjay Gupta\r\n", result.out());
    }

    @Test
    void runsAQueryFileAsTsvJsonAndXml() {
        Path file = tmp.resolve("speakers.rq");
        TestHomes.write(file, SPEAKERS);
        Cli tsv = Cli.run("query", "--home", HOME, "--format", "tsv", "--file", file.toString());
        assertTrue(tsv.out().startsWith("?name\n\"Guang Yang\"@en\n"), tsv.out());
        Cli json = Cli.run("query", "--home", HOME, "--format", "json", "--file", file.toString());
        assertTrue(json.out().contains("\"vars\": [ \"name\" ]") && json.out().contains("\"xml:lang\": \"en\""), json.out());
        Cli xml = Cli.run("query", "--home", HOME, "--format", "xml", "--file", file.toString());
        assertTrue(xml.out().contains("<variable name=\"name\"/>") && xml.out().contains("Kadan Stadlemann"), xml.out());
    }

    @Test
    void writesConstructResultsAsRdf() {
        Cli result = Cli.run("query", "--home", HOME, "--format", "ntriples",
                "CONSTRUCT { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?n } WHERE { ?p a <http://xmlns.com/foaf/0.1/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?n }");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("<https://w3id.org/tariffgraph/id/person/leo-wang> <http://www.w3.org/2000/01/rdf-schema#label> \"Leo Wang\"@en ."), result.out());
    }

    @Test
    void writesAConstructWithGraphTemplatesAsNamedGraphs() {
        String query = "CONSTRUCT { GRAPH ?g { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?n } } "
                + "WHERE { GRAPH ?g { ?p a <http://xmlns.com/foaf/0.1/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?n } }";
        Cli nquads = Cli.run("query", "--home", HOME, "--format", "nquads", query);
        assertEquals(0, nquads.exitCode(), nquads.err());
        assertTrue(nquads.out().contains("<https://w3id.org/tariffgraph/id/person/leo-wang> <http://www.w3.org/2000/01/rdf-schema#label> \"Leo Wang\"@en <https://w3id.org/tariffgraph/graph/entities> ."),
                nquads.out());
        Cli turtle = Cli.run("query", "--home", HOME, "--format", "turtle", query);
        assertEquals(Main.USAGE, turtle.exitCode());
        assertTrue(turtle.err().contains("use trig, nquads or jsonld"), turtle.err());
    }

    @Test
    void runsAJsonQueryAsAJsonArray() {
        String query = "JSON { \"name\": ?name } WHERE { ?p a <http://xmlns.com/foaf/0.1/Person> ; "
                + "<http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name LIMIT 2";
        Cli result = Cli.run("query", "--home", HOME, query);
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().strip().startsWith("[") && result.out().contains("\"name\" : \"Guang Yang\""), result.out());
        Cli csv = Cli.run("query", "--home", HOME, "--format", "csv", query);
        assertEquals(Main.USAGE, csv.exitCode());
        assertTrue(csv.err().contains("a JSON query gives JSON: use json"), csv.err());
    }

    @Test
    void aTimeoutThatIsNotPositiveIsAUsageError() {
        Cli result = Cli.run("query", "--home", HOME, "--timeout", "0", "who-said-what");
        assertEquals(Main.USAGE, result.exitCode(), result.err());
        assertTrue(result.err().contains("--timeout") && result.err().contains("not a positive duration") && !result.err().contains("Exception"), result.err());
    }

    @Test
    void aMalformedQueryIsAUsageErrorWithTheParserMessage() {
        Cli result = Cli.run("query", "--home", HOME, "SELECT ?x WHERE { ?x ?y }");
        assertEquals(Main.USAGE, result.exitCode());
        assertTrue(result.err().contains("not a valid query") && result.err().contains("line 1"), result.err());
    }

    @Test
    void anUnknownIdSaysSo() {
        Cli result = Cli.run("query", "--home", HOME, "no-such-query");
        assertEquals(Main.USAGE, result.exitCode());
        assertTrue(result.err().contains("no catalogue query has the id 'no-such-query'"), result.err());
    }

    @Test
    void aFormatThatDoesNotFitTheResultIsAUsageError() {
        Cli result = Cli.run("query", "--home", HOME, "--format", "turtle", SPEAKERS);
        assertEquals(Main.USAGE, result.exitCode());
        assertTrue(result.err().contains("use table, csv, tsv, json or xml"), result.err());
    }

    @Test
    void aQueryThatRunsOutOfTimeFailsWithoutAPartialAnswer() {
        Cli result = Cli.run("query", "--home", HOME, "--timeout", "0.5",
                "SELECT ?x WHERE { { BIND(1 AS ?x) } UNION { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i "
                + "FILTER(STR(?c) = CONCAT(STR(?f), STR(?i), \"none\")) BIND(2 AS ?x) } }");
        assertEquals(Main.CHECK_FAILED, result.exitCode());
        assertTrue(result.err().contains("ran out of time"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void federatedQueriesAreRefused() {
        Cli result = Cli.run("query", "--home", HOME, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }");
        assertEquals(Main.CHECK_FAILED, result.exitCode());
        assertTrue(result.err().contains("SERVICE <http://example.org/sparql> is not allowed"), result.err());
    }

    @Test
    void exportsTheTimelineAsCsvAndJsonWithEachDatesPrecision() {
        Cli csv = Cli.run("query", "--home", HOME, "--format", "csv", "timeline");
        assertEquals(0, csv.exitCode(), csv.err());
        assertTrue(csv.out().startsWith("date,precision,what,kind,source\r\n2024-11,month,Trump secures the U.S. presidency,Event,article\r\n"), csv.out());
        Cli json = Cli.run("query", "--home", HOME, "--format", "json", "timeline");
        assertTrue(json.out().contains("\"precision\": { \"type\": \"literal\" , \"value\": \"not before\" }"), json.out());
    }

    @Test
    void needsAQueryOrAFile() {
        assertEquals(Main.USAGE, Cli.run("query", "--home", HOME).exitCode());
    }
}
