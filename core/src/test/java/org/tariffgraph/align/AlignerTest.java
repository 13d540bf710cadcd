package org.tariffgraph.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.tariffgraph.vocab.TG;

/** The alignment rules, each on a few facts of two or three reports written out in Turtle. */
class AlignerTest {

    private static final String PREFIXES = """
            PREFIX tg:   <https://w3id.org/tariffgraph/ontology#>
            PREFIX org:  <http://www.w3.org/ns/org#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX time: <http://www.w3.org/2006/time#>
            PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
            PREFIX :     <https://example.org/>
            """;

    /** The links the aligner finds in these facts, one way each, as "a property b" with local names. */
    private static List<String> links(String turtle) {
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(PREFIXES + turtle, Lang.TURTLE).parse(dataset.getDefaultGraph());
        Graph links = Aligner.align(dataset);
        TreeSet<String> found = new TreeSet<>();
        links.find().forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getObject().isURI() && t.getSubject().getURI().startsWith("https://example.org/")) {
                // Every link is there both ways.
                assertTrue(links.contains(t.getObject(), t.getPredicate(), t.getSubject()), "the reverse of " + t);
                if (t.getSubject().getURI().compareTo(t.getObject().getURI()) < 0) {
                    found.add(local(t.getSubject()) + " " + t.getPredicate().getLocalName() + " " + local(t.getObject()));
                }
            }
        });
        return List.copyOf(found);
    }

    private static String local(Node n) {
        return n.getURI().substring("https://example.org/".length());
    }

    @Test
    void theSameQuoteOfTheSameSpeakerInTwoReportsIsOneStatement() {
        assertEquals(List.of("q1 sameStatementAs q2"), links("""
                :q1 a tg:DirectQuote ; tg:reportedIn :a ; tg:speaker :wang ; tg:verbatim "“The rationale is to try to reduce the cost,”" .
                :q2 a tg:DirectQuote ; tg:reportedIn :b ; tg:speaker :wang ; tg:verbatim "the rationale is to try to  reduce the cost" .
                :q3 a tg:DirectQuote ; tg:reportedIn :c ; tg:speaker :gupta ; tg:verbatim "The rationale is to try to reduce the cost," .
                :q4 a tg:DirectQuote ; tg:reportedIn :c ; tg:speaker :wang ; tg:verbatim "Costs will fall." .
                """));
    }

    @Test
    void quotesOfOneReportAreNeverLinkedToEachOther() {
        assertEquals(List.of(), links("""
                :q1 a tg:DirectQuote ; tg:reportedIn :a ; tg:speaker :wang ; tg:verbatim "Costs will fall." .
                :q2 a tg:DirectQuote ; tg:reportedIn :a ; tg:speaker :wang ; tg:verbatim "Costs will fall." .
                """));
    }

    @Test
    void sharesOfOneMarketCorroborateWithinTheirBoundsAndConflictOutside() {
        assertEquals(List.of("s1 corroborates s2", "s1 corroborates s3", "s2 conflictsWith s3"), links("""
                :s1 a tg:MarketShareClaim ; tg:reportedIn :a ; tg:market :rigs ; tg:claimSubject :bitmain , :canaan ;
                    tg:value 90 ; tg:boundType tg:MoreThan .
                :s2 a tg:MarketShareClaim ; tg:reportedIn :b ; tg:market :rigs ; tg:claimSubject :canaan , :bitmain ;
                    tg:value 99 ; tg:boundType tg:Exact .
                :s3 a tg:MarketShareClaim ; tg:reportedIn :c ; tg:market :rigs ; tg:claimSubject :bitmain , :canaan ;
                    tg:value 95 ; tg:boundType tg:Approximately .
                :s4 a tg:MarketShareClaim ; tg:reportedIn :c ; tg:market :panels ; tg:claimSubject :bitmain , :canaan ;
                    tg:value 10 ; tg:boundType tg:Exact .
                :s5 a tg:MarketShareClaim ; tg:reportedIn :c ; tg:market :rigs ; tg:claimSubject :bitmain ;
                    tg:value 10 ; tg:boundType tg:Exact .
                """));
    }

    @Test
    void aWholePolicysRateIsComparedWithARateCombinedFromAnotherReportsParts() {
        assertEquals(List.of("combined conflictsWith r25", "combined corroborates r30", "r25 conflictsWith r30"), links("""
                :p1 tg:rate :r30 ; tg:targetJurisdiction :china . :r30 tg:reportedIn :a ; tg:value 30 ; tg:boundType tg:Exact .
                :p2 tg:rate :r25 ; tg:targetJurisdiction :china . :r25 tg:reportedIn :b ; tg:value 25 ; tg:boundType tg:Exact .
                :part tg:partOfPolicy :p3 ; tg:rate :r10 ; tg:targetJurisdiction :china .
                :r10 tg:reportedIn :c ; tg:value 10 ; tg:boundType tg:Exact .
                :p3 tg:targetJurisdiction :china .
                :combined a tg:DerivedQuantity ; tg:combinedRateOf :p3 ; prov:wasDerivedFrom :r10 ; tg:value 30 ; tg:boundType tg:Exact .
                """));
    }

    @Test
    void aRoleInOtherWordsConflictsAndInTheSameWordsCorroborates() {
        assertEquals(List.of("h1 conflictsWith h2", "h1 corroborates h3", "h2 conflictsWith h3"), links("""
                :h1 a tg:HeldRole ; tg:reportedIn :a ; org:member :wang ; org:organization :canaan ; tg:roleTitle "senior executive" .
                :h2 a tg:HeldRole ; tg:reportedIn :b ; org:member :wang ; org:organization :canaan ; tg:roleTitle "vice president" .
                :h3 a tg:HeldRole ; tg:reportedIn :c ; org:member :wang ; org:organization :canaan ; tg:roleTitle "Senior  Executive" .
                :h4 a tg:HeldRole ; tg:reportedIn :c ; org:member :wang ; org:organization :bitmain ; tg:roleTitle "adviser" .
                """));
    }

    @Test
    void eventsAgreeWhenADayFallsInTheOtherReportsMonthAndConflictOtherwise() {
        assertEquals(List.of("e1 conflictsWith e3", "e1 corroborates e2", "e2 conflictsWith e3"), links("""
                tg:ProductionStart rdfs:subClassOf tg:Event .
                :e1 a tg:Event , tg:ProductionStart ; tg:reportedIn :a ; tg:participant :bitmain ; tg:hasDate [ time:inXSDgYearMonth "2024-12"^^xsd:gYearMonth ] .
                :e2 a tg:Event , tg:ProductionStart ; tg:reportedIn :b ; tg:participant :bitmain ; tg:hasDate [ time:inXSDDate "2024-12-02"^^xsd:date ] .
                :e3 a tg:Event , tg:ProductionStart ; tg:reportedIn :c ; tg:participant :bitmain ; tg:hasDate [ time:inXSDgYearMonth "2025-01"^^xsd:gYearMonth ] .
                :e4 a tg:Event , tg:ProductionStart ; tg:reportedIn :c ; tg:participant :canaan ; tg:hasDate [ time:inXSDgYearMonth "2024-12"^^xsd:gYearMonth ] .
                """.replace("rdfs:subClassOf", "<http://www.w3.org/2000/01/rdf-schema#subClassOf>")));
    }

    @Test
    void theAlignmentGraphDescribesItselfAsDerived() {
        Graph links = Aligner.align(DatasetGraphFactory.createTxnMem());
        Node graph = NodeFactory.createURI(Aligner.GRAPH);
        assertTrue(links.contains(graph, org.apache.jena.vocabulary.RDFS.label.asNode(), Node.ANY));
        assertTrue(links.find(graph, org.apache.jena.vocabulary.DCTerms.description.asNode(), Node.ANY).next()
                .getObject().getLiteralLexicalForm().contains("No report states them"));
        assertFalse(links.contains(Node.ANY, TG.corroborates, Node.ANY));
    }
}
