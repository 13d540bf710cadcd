package org.tariffgraph.draft;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/** Small texts and a small entities graph for the tests of the drafting rules. */
final class DraftTexts {

    private DraftTexts() {}

    static final EntityIndex KNOWN = EntityIndex.of(entities());

    private static Graph entities() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString("""
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                <https://w3id.org/tariffgraph/id/person/leo-wang> rdfs:label "Leo Wang"@en .
                <https://w3id.org/tariffgraph/id/org/canaan> rdfs:label "Canaan"@en .
                <https://w3id.org/tariffgraph/id/org/trump-administration> rdfs:label "Trump administration"@en .
                <https://w3id.org/tariffgraph/id/person/donald-trump> rdfs:label "Donald Trump"@en ; skos:altLabel "Trump"@en .
                <https://w3id.org/tariffgraph/id/place/united-states> rdfs:label "United States"@en ; skos:altLabel "U.S."@en .
                """, Lang.TURTLE).parse(g);
        return g;
    }

    /** A story of one headline and the given paragraphs. */
    static Story story(String... paragraphs) {
        return new Story("Headline\n\n" + String.join("\n\n", paragraphs) + "\n", KNOWN);
    }
}
