package org.tariffgraph.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SchemaDO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.text.Selector;
import org.tariffgraph.validate.Report;
import org.tariffgraph.vocab.TG;

class ReviewTest {

    @TempDir
    Path tmp;

    private static final String CURATOR = "Jane Roe";
    private static final Node STATEMENT = DraftFixture.node("statement/bitmain-c607");
    private static final Node CLAIM_IN_STATEMENT = DraftFixture.node("claim/c640-654");
    private static final Node SHARED_EVIDENCE = DraftFixture.node("evidence/c453-671");

    /** Applies a review to the draft file and writes the file back, as the command will. */
    private static Review.Result review(DraftFixture draft, String lines) {
        TrigFile file = draft.read();
        Review.Result result = Review.parse(lines, file.prefixes()).applyTo(file.dataset(), CURATOR);
        draft.write(file);
        return result;
    }

    /** Expects a review to be refused, and the draft to be left exactly as it was; the problems. */
    private static List<String> refused(DraftFixture draft, String lines) {
        TrigFile file = draft.read();
        Set<Quad> before = DraftFixture.quads(file.dataset());
        CurationException e = assertThrows(CurationException.class,
                () -> Review.parse(lines, file.prefixes()).applyTo(file.dataset(), CURATOR));
        assertEquals(before, DraftFixture.quads(file.dataset()), "nothing is changed");
        return e.problems();
    }

    private static List<Node> values(DraftFixture draft, Node subject, Node property) {
        return DraftFixture.values(draft.read().dataset(), subject, property);
    }

    private static long unreviewed(DatasetGraph dataset) {
        return dataset.stream(Node.ANY, Node.ANY, TG.reviewStatus, TG.Unreviewed).count();
    }

    @Test
    void acceptsAFactAndRecordsWhoAcceptedIt() {
        DraftFixture draft = DraftFixture.in(tmp);
        Node quote = DraftFixture.node("statement/leo-wang-c750");
        long before = unreviewed(draft.read().dataset());

        Review.Result result = review(draft, "# first pass\naccept statement:leo-wang-c750   # the words and speaker are right\n");

        assertEquals(List.of(quote.getURI()), result.accepted());
        assertEquals(List.of(TG.Accepted), values(draft, quote, TG.reviewStatus));
        assertEquals(List.of(Terms.str(CURATOR)), values(draft, quote, TG.reviewedBy));
        assertEquals(before - 1, unreviewed(draft.read().dataset()), "no other fact is accepted");
        draft.assertPassesTheGates();
    }

    @Test
    void correctsAPropertyByReplacingEveryValueItHad() {
        DraftFixture draft = DraftFixture.in(tmp);
        Node warning = DraftFixture.node("statement/sanjay-gupta-c1362");
        Node tariff = DraftFixture.node("claim/c295-298");
        assertEquals(2, values(draft, warning, TG.about).size(), "drafted about two places");

        Review.Result result = review(draft, """
                correct statement:sanjay-gupta-c1362 tg:about place:china
                correct claim:c295-298 rdfs:label "the 25% tariff on Chinese technology"@en
                correct claim:c295-298 tg:measuredAs "tariff on Chinese technology"
                correct statement:bitmain-c607 tg:about place:united-states
                correct statement:bitmain-c607 tg:about <https://w3id.org/tariffgraph/id/org/bitmain>
                """);

        assertEquals(List.of(warning.getURI(), tariff.getURI(), STATEMENT.getURI()), result.corrected());
        assertEquals(List.of(Terms.uri(TG.ID + "place/china")), values(draft, warning, TG.about));
        assertEquals(List.of(Terms.en("the 25% tariff on Chinese technology")), values(draft, tariff, RDFS.label.asNode()));
        assertEquals(List.of(Terms.str("tariff on Chinese technology")), values(draft, tariff, TG.measuredAs));
        assertEquals(Set.of(Terms.uri(TG.ID + "place/united-states"), Terms.uri(TG.ID + "org/bitmain")),
                Set.copyOf(values(draft, STATEMENT, TG.about)), "two lines for one property set both values");
        for (Node corrected : new Node[] {warning, tariff, STATEMENT}) {
            assertEquals(List.of(TG.Corrected), values(draft, corrected, TG.reviewStatus));
            assertEquals(List.of(Terms.str(CURATOR)), values(draft, corrected, TG.reviewedBy));
        }
        draft.assertPassesTheGates();
    }

    @Test
    void rejectsAFactAndKeepsTheEvidenceAnotherFactStillUses() {
        DraftFixture draft = DraftFixture.in(tmp);

        Review.Result result = review(draft, "reject claim:c640-654\n");

        assertEquals(List.of(CLAIM_IN_STATEMENT.getURI()), result.rejected());
        DatasetGraph after = draft.read().dataset();
        assertEquals(0, after.stream(Node.ANY, CLAIM_IN_STATEMENT, Node.ANY, Node.ANY).count(), "the claim is gone");
        assertEquals(0, after.stream(Node.ANY, Node.ANY, Node.ANY, CLAIM_IN_STATEMENT).count(), "nothing points at it");
        assertEquals(List.of(SHARED_EVIDENCE), DraftFixture.values(after, STATEMENT, TG.hasEvidence));
        assertTrue(after.contains(Node.ANY, SHARED_EVIDENCE, RDF.type.asNode(), TG.Evidence), "the statement keeps its evidence");
        assertEquals(List.of(), result.evidenceRemoved());
        assertEquals(List.of(), result.claimsAdded());
        draft.assertPassesTheGates();
    }

    @Test
    void removesTheEvidenceOfARejectedFactThatNoOtherFactUsesWhenItsWordsAreCoveredByOthers() {
        DraftFixture draft = DraftFixture.in(tmp);
        Node extra = DraftFixture.node("evidence/count");
        Selector words = draft.text().selectorOf("at least 3,000 machines");
        draft.edit(d -> {
            Node g = DraftFixture.graphName();
            Node quote = Terms.uri(extra.getURI() + "#quote");
            Node position = Terms.uri(extra.getURI() + "#position");
            d.add(g, CLAIM_IN_STATEMENT, TG.hasEvidence, extra);
            d.add(g, extra, RDF.type.asNode(), TG.Evidence);
            d.add(g, extra, OA.hasSource.asNode(), DraftFixture.ARTICLE_NODE);
            d.add(g, extra, OA.hasSelector.asNode(), quote);
            d.add(g, extra, OA.hasSelector.asNode(), position);
            d.add(g, quote, RDF.type.asNode(), OA.TextQuoteSelector.asNode());
            d.add(g, quote, OA.exact.asNode(), Terms.str(words.exact()));
            d.add(g, quote, OA.prefix.asNode(), Terms.str(words.prefix()));
            d.add(g, quote, OA.suffix.asNode(), Terms.str(words.suffix()));
            d.add(g, position, RDF.type.asNode(), OA.TextPositionSelector.asNode());
            d.add(g, position, OA.start.asNode(), Terms.integer(words.start()));
            d.add(g, position, OA.end.asNode(), Terms.integer(words.end()));
        });
        draft.assertPassesTheGates();

        Review.Result result = review(draft, "reject claim:c640-654\n");

        assertEquals(List.of(extra.getURI()), result.evidenceRemoved());
        assertEquals(List.of(), result.claimsAdded(), "the sentence is still the evidence of the statement");
        DatasetGraph after = draft.read().dataset();
        for (String node : new String[] {extra.getURI(), extra.getURI() + "#quote", extra.getURI() + "#position"}) {
            assertEquals(0, after.stream(Node.ANY, Terms.uri(node), Node.ANY, Node.ANY).count(), node + " is gone");
        }
        draft.assertPassesTheGates();
    }

    @Test
    void refusesToRejectAStatementThatAClaimIsStatedIn() {
        DraftFixture draft = DraftFixture.in(tmp);

        List<String> problems = refused(draft, "accept claim:c432-452\nreject statement:bitmain-c607\n");

        assertEquals(List.of("line 2: cannot reject <" + STATEMENT.getURI() + ">: <" + CLAIM_IN_STATEMENT.getURI()
                + "> still points at it (<" + TG.statedIn.getURI() + ">); reject or correct <" + CLAIM_IN_STATEMENT.getURI() + "> too"), problems);
    }

    @Test
    void addsAGeneralClaimWhenARejectionLeavesASentenceTheEvidenceOfNoFact() {
        DraftFixture draft = DraftFixture.in(tmp);
        String sentence = Terms.textOf(values(draft, Terms.uri(SHARED_EVIDENCE.getURI() + "#quote"), OA.exact.asNode()).get(0));
        Node publisher = values(draft, DraftFixture.ARTICLE_NODE, SchemaDO.publisher.asNode()).get(0);
        Node drafting = values(draft, STATEMENT, TG.PROV.wasGeneratedBy).get(0);

        Review.Result result = review(draft, "reject statement:bitmain-c607\nreject claim:c640-654\n");

        assertEquals(List.of(STATEMENT.getURI(), CLAIM_IN_STATEMENT.getURI()), result.rejected());
        assertEquals(1, result.claimsAdded().size(), result.toString());
        Review.AddedClaim added = result.claimsAdded().get(0);
        assertEquals(SHARED_EVIDENCE.getURI(), added.evidence());
        assertEquals(sentence, added.words());
        Node claim = Terms.uri(added.claim());
        assertEquals(Set.of(TG.Claim, TG.GeneralClaim), Set.copyOf(values(draft, claim, RDF.type.asNode())));
        Node label = values(draft, claim, RDFS.label.asNode()).get(0);
        assertEquals("en", label.getLiteralLanguage());
        String shown = label.getLiteralLexicalForm();
        assertTrue(sentence.length() > 100 && shown.length() == 100 && sentence.startsWith(shown.replaceFirst("\\.\\.\\.$", "")),
                "labelled with the sentence's words, cut short as the drafter cuts them: " + shown);
        assertEquals(List.of(TG.ArticleVoice), values(draft, claim, TG.voice));
        assertEquals(List.of(publisher), values(draft, claim, TG.assertedBy));
        assertEquals(List.of(DraftFixture.ARTICLE_NODE), values(draft, claim, TG.reportedIn));
        assertEquals(List.of(TG.Asserted), values(draft, claim, TG.modality));
        assertEquals(List.of(SHARED_EVIDENCE), values(draft, claim, TG.hasEvidence));
        assertEquals(List.of(drafting), values(draft, claim, TG.PROV.wasGeneratedBy));
        assertEquals(List.of(Review.SENTENCE_RULE), values(draft, claim, TG.draftRule));
        assertEquals(List.of(TG.Unreviewed), values(draft, claim, TG.reviewStatus));
        assertEquals(List.of(), result.evidenceRemoved());
        draft.assertPassesTheGates();

        draft.edit(d -> d.deleteAny(Node.ANY, claim, Node.ANY, Node.ANY));
        Report uncovered = draft.gates();
        assertFalse(uncovered.passed(), "without the added claim the sentence would be the evidence of no fact");
        assertTrue(uncovered.format().contains("is not the evidence of any fact"), uncovered.format());
    }

    @Test
    void acceptAllAcceptsEveryUnreviewedFactThatNoOtherLineDecides() {
        DraftFixture draft = DraftFixture.in(tmp);
        DatasetGraph drafted = draft.read().dataset();
        long unreviewed = unreviewed(drafted);

        Review.Result result = review(draft, """
                accept-all
                correct statement:leo-wang-c924 tg:about org-id:canaan
                reject statement:bitmain-c607
                reject claim:c640-654
                """);

        DatasetGraph after = draft.read().dataset();
        assertEquals(unreviewed - 3, result.acceptedByAll().size());
        assertEquals(List.of(), result.accepted());
        assertEquals(1, result.claimsAdded().size());
        List<Node> stillUnreviewed = after.stream(Node.ANY, Node.ANY, TG.reviewStatus, TG.Unreviewed).map(Quad::getSubject).toList();
        assertEquals(List.of(Terms.uri(result.claimsAdded().get(0).claim())), stillUnreviewed,
                "only the claim the review added is left for the next review");
        assertEquals(List.of(TG.Corrected), DraftFixture.values(after, DraftFixture.node("statement/leo-wang-c924"), TG.reviewStatus));
        for (String iri : result.acceptedByAll()) {
            assertEquals(List.of(TG.Accepted), DraftFixture.values(after, Terms.uri(iri), TG.reviewStatus), iri);
            assertEquals(List.of(Terms.str(CURATOR)), DraftFixture.values(after, Terms.uri(iri), TG.reviewedBy), iri);
        }
        assertTrue(result.acceptedByAll().contains(TG.ID + "place/shenzhen"), "candidate entities are accepted too");
        draft.assertPassesTheGates();
    }

    @Test
    void rejectsACandidateEntityOnlyOnceNoFactPointsAtIt() {
        DraftFixture draft = DraftFixture.in(tmp);
        Node shenzhen = Terms.uri(TG.ID + "place/shenzhen");
        Node statement = DraftFixture.node("statement/microbt-c1177");

        assertEquals(List.of("line 1: cannot reject <" + shenzhen.getURI() + ">: <" + statement.getURI() + "> still points at it (<"
                + TG.about.getURI() + ">); reject or correct <" + statement.getURI() + "> too"), refused(draft, "reject place:shenzhen"));

        Review.Result result = review(draft, "correct statement:microbt-c1177 tg:about org-id:microbt\nreject place:shenzhen\n");

        assertEquals(List.of(shenzhen.getURI()), result.rejected());
        assertEquals(List.of(DraftFixture.ARTICLE + " mentions " + shenzhen.getURI()), result.mentionsRemoved());
        DatasetGraph after = draft.read().dataset();
        assertEquals(0, after.stream(Node.ANY, shenzhen, Node.ANY, Node.ANY).count());
        assertEquals(0, after.stream(Node.ANY, Node.ANY, Node.ANY, shenzhen).count());
        draft.assertPassesTheGates();
    }

    @Test
    void refusesAnUnknownIriWithItsLineNumberAndChangesNothing() {
        DraftFixture draft = DraftFixture.in(tmp);

        List<String> problems = refused(draft, "accept claim:c432-452\n\n# and then\nreject claim:c9-99\n");

        assertEquals(List.of("line 4: no <" + DraftFixture.node("claim/c9-99").getURI() + "> in the draft: no triple has it as its subject"),
                problems);
    }

    @Test
    void refusesToReviewWhatWasNotDrafted() {
        DraftFixture draft = DraftFixture.in(tmp);

        List<String> problems = refused(draft, "reject segment:s01\n");

        assertEquals(List.of("line 1: <" + DraftFixture.node("segment/s01").getURI()
                + "> was not drafted (it has no tg:reviewStatus), so there is nothing to review"), problems);
    }

    @Test
    void refusesTwoDecisionsOnOneFact() {
        DraftFixture draft = DraftFixture.in(tmp);

        List<String> problems = refused(draft, "accept claim:c432-452\nreject claim:c432-452\n");

        assertEquals(List.of("line 2: <" + DraftFixture.node("claim/c432-452").getURI()
                + "> is already decided on line 1 (accept); give each fact one decision"), problems);
    }

    @Test
    void refusesMalformedLinesNamingEachLineNumber() throws Exception {
        DraftFixture draft = DraftFixture.in(tmp);
        TrigFile file = draft.read();
        Path review = tmp.resolve("review.txt");
        Files.writeString(review, """
                accept claim:c432-452
                acept claim:c673-703
                correct claim:c295-298 tg:value
                correct claim:c295-298 tg:value "unterminated
                reject nope:c673-703
                reject claim:c673-703 claim:c1259-1299
                correct claim:c295-298 tg:reviewStatus tg:Accepted
                correct claim:c295-298 rdfs:label "a", "b"
                accept-all please
                """, StandardCharsets.UTF_8);

        CurationException e = assertThrows(CurationException.class, () -> Review.read(review, file.prefixes()));

        List<String> lines = e.problems().stream().map(p -> p.substring(0, p.indexOf(':'))).toList();
        assertEquals(List.of("line 2", "line 3", "line 4", "line 5", "line 6", "line 7", "line 8", "line 9"), lines, e.getMessage());
        assertTrue(e.problems().get(0).contains("unknown decision \"acept\""), e.problems().get(0));
        assertTrue(e.problems().get(2).contains("a quoted string is not closed"), e.problems().get(2));
        assertTrue(e.problems().get(3).contains("unknown prefix \"nope:\""), e.problems().get(3));
        assertTrue(e.problems().get(6).contains("it holds 2 terms"), e.problems().get(6));
        assertEquals(draftQuads(draft), DraftFixture.quads(file.dataset()), "nothing is changed");
    }

    private static Set<Quad> draftQuads(DraftFixture draft) {
        return DraftFixture.quads(draft.read().dataset());
    }

    @Test
    void readsFullIrisAndTheKeywordForTypes() {
        DraftFixture draft = DraftFixture.in(tmp);
        Node claim = DraftFixture.node("claim/c1037-1046");

        review(draft, "correct <" + claim.getURI() + "> a tg:Claim\ncorrect <" + claim.getURI()
                + "> a tg:QuantitativeClaim\ncorrect <" + claim.getURI() + "> a tg:OtherQuantitativeClaim\n");

        assertEquals(Set.of(TG.Claim, TG.QuantitativeClaim, TG.OtherQuantitativeClaim), Set.copyOf(values(draft, claim, RDF.type.asNode())));
        assertEquals(List.of(TG.Corrected), values(draft, claim, TG.reviewStatus));
    }
}
