package org.tariffgraph.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.validate.Report;
import org.tariffgraph.vocab.TG;

class AnchorTest {

    @TempDir
    Path tmp;

    private static final Node EXACT = OA.exact.asNode();
    private static final Node PREFIX = OA.prefix.asNode();
    private static final Node SUFFIX = OA.suffix.asNode();
    private static final Node START = OA.start.asNode();
    private static final Node END = OA.end.asNode();

    @Test
    void anchorsTheWordsACuratorTypedWhereTheyStandInTheText() {
        DraftFixture draft = DraftFixture.in(tmp);
        Node evidence = DraftFixture.node("evidence/c432-452");
        Node quote = Terms.uri(evidence.getURI() + "#quote");
        Node position = Terms.uri(evidence.getURI() + "#position");
        DatasetGraph drafted = draft.read().dataset();
        List<Node> start = DraftFixture.values(drafted, position, START);
        List<Node> end = DraftFixture.values(drafted, position, END);
        List<Node> prefix = DraftFixture.values(drafted, quote, PREFIX);
        List<Node> suffix = DraftFixture.values(drafted, quote, SUFFIX);
        draft.edit(d -> {
            d.deleteAny(Node.ANY, position, Node.ANY, Node.ANY);
            d.deleteAny(Node.ANY, evidence, OA.hasSelector.asNode(), position);
            d.deleteAny(Node.ANY, quote, PREFIX, Node.ANY);
            d.deleteAny(Node.ANY, quote, SUFFIX, Node.ANY);
        });
        Report broken = draft.gates();
        assertFalse(broken.passed(), "with only its words, the evidence fails the gates");

        TrigFile file = draft.read();
        Anchor.Result result = Anchor.withSources(draft.sources).anchor(file.dataset());
        draft.write(file);

        assertEquals(List.of(evidence.getURI()), result.anchored());
        assertEquals(List.of(), result.sourcesUpdated());
        assertTrue(result.changed());
        DatasetGraph anchored = draft.read().dataset();
        assertTrue(DraftFixture.values(anchored, evidence, OA.hasSelector.asNode()).contains(position), "the position selector is linked again");
        assertEquals(List.of(OA.TextPositionSelector.asNode()), DraftFixture.values(anchored, position, RDF.type.asNode()));
        assertEquals(start, DraftFixture.values(anchored, position, START), "oa:start as the drafter had it");
        assertEquals(end, DraftFixture.values(anchored, position, END), "oa:end as the drafter had it");
        assertEquals(prefix, DraftFixture.values(anchored, quote, PREFIX), "oa:prefix as the drafter had it");
        assertEquals(suffix, DraftFixture.values(anchored, quote, SUFFIX), "oa:suffix as the drafter had it");
        draft.assertPassesTheGates();
    }

    @Test
    void leavesSpansWhoseSelectorsAreAlreadyRightAsTheyAre() {
        DraftFixture draft = DraftFixture.in(tmp);
        TrigFile file = draft.read();
        Set<Quad> before = DraftFixture.quads(file.dataset());
        int spans = (int) file.dataset().stream(Node.ANY, Node.ANY, RDF.type.asNode(), OA.TextQuoteSelector.asNode()).count();

        Anchor.Result result = Anchor.withSources(draft.sources).anchor(file.dataset());

        assertEquals(List.of(), result.anchored());
        assertEquals(List.of(), result.sourcesUpdated());
        assertEquals(spans, result.alreadyRight().size(), "every span of the draft is right as drafted");
        assertTrue(spans > 20, "the draft has its segments and evidence");
        assertFalse(result.changed());
        assertEquals(before, DraftFixture.quads(file.dataset()));
    }

    @Test
    void refusesWordsThatOccurSeveralTimesNamingTheSpanTheWordsAndWhereTheyOccur() {
        DraftFixture draft = DraftFixture.in(tmp);
        Node typed = typedEvidence(draft, "claim/c1037-1046", "Canaan", null, null);
        TrigFile file = draft.read();
        Set<Quad> before = DraftFixture.quads(file.dataset());

        CurationException e = assertThrows(CurationException.class, () -> Anchor.withSources(draft.sources).anchor(file.dataset()));

        assertEquals(1, e.problems().size(), e.getMessage());
        String problem = e.problems().get(0);
        assertTrue(problem.contains("<" + typed.getURI() + ">"), problem);
        assertTrue(problem.contains("\"Canaan\""), problem);
        List<Integer> offsets = offsetsOf(draft, "Canaan");
        assertTrue(offsets.size() > 2, "the report names Canaan several times");
        assertTrue(problem.contains("occur " + offsets.size() + " times"), problem);
        assertTrue(problem.contains("(at " + String.join(", ", offsets.stream().map(String::valueOf).toList()) + ")"), problem);
        assertEquals(before, DraftFixture.quads(file.dataset()), "nothing is changed");
    }

    @Test
    void refusesWordsThatAreNotInTheTextAndChangesNothingUnlessEverySpanSucceeds() {
        DraftFixture draft = DraftFixture.in(tmp);
        Node missing = typedEvidence(draft, "claim/c1037-1046", "Canaan moved first.", null, null);
        Node fixable = DraftFixture.node("evidence/c432-452");
        draft.edit(d -> d.deleteAny(Node.ANY, Terms.uri(fixable.getURI() + "#quote"), PREFIX, Node.ANY));
        draft.edit(d -> d.deleteAny(Node.ANY, DraftFixture.ARTICLE_NODE, TG.charLength, Node.ANY));
        TrigFile file = draft.read();
        Set<Quad> before = DraftFixture.quads(file.dataset());

        CurationException e = assertThrows(CurationException.class, () -> Anchor.withSources(draft.sources).anchor(file.dataset()));

        assertEquals(List.of("<" + missing.getURI() + ">: the words \"Canaan moved first.\" are not in " + DraftFixture.REPORT + ".txt"),
                e.problems());
        assertEquals(before, DraftFixture.quads(file.dataset()), "neither the span that could be anchored nor the source is changed");
    }

    @Test
    void choosesAmongSeveralOccurrencesTheOneAnExistingStartPointsAt() {
        DraftFixture draft = DraftFixture.in(tmp);
        int second = offsetsOf(draft, "Canaan").get(1);
        Node typed = typedEvidence(draft, "claim/c1037-1046", "Canaan", second, null);
        TrigFile file = draft.read();

        Anchor.Result result = Anchor.withSources(draft.sources).anchor(file.dataset());
        draft.write(file);

        assertEquals(List.of(typed.getURI()), result.anchored());
        Node position = Terms.uri(typed.getURI() + "#position");
        assertEquals(List.of(Terms.integer(second)), DraftFixture.values(file.dataset(), position, START));
        assertEquals(List.of(Terms.integer(second + "Canaan".length())), DraftFixture.values(file.dataset(), position, END));
        draft.assertPassesTheGates();
    }

    @Test
    void choosesAmongSeveralOccurrencesTheOneAnExistingPrefixFits() {
        DraftFixture draft = DraftFixture.in(tmp);
        String before = "a senior executive at ";
        String whole = draft.text().text();
        int at = whole.codePointCount(0, whole.indexOf(before + "Canaan") + before.length());
        assertTrue(offsetsOf(draft, "Canaan").indexOf(at) > 0, "not the first occurrence");
        Node typed = typedEvidence(draft, "claim/c1037-1046", "Canaan", null, before);
        TrigFile file = draft.read();

        Anchor.Result result = Anchor.withSources(draft.sources).anchor(file.dataset());
        draft.write(file);

        assertEquals(List.of(typed.getURI()), result.anchored());
        Node position = Terms.uri(typed.getURI() + "#position");
        assertEquals(List.of(Terms.integer(at)), DraftFixture.values(file.dataset(), position, START));
        String prefix = Terms.textOf(DraftFixture.values(file.dataset(), Terms.uri(typed.getURI() + "#quote"), PREFIX).get(0));
        assertTrue(prefix.endsWith(before) && prefix.length() > before.length(), "the prefix is filled in to its full context: " + prefix);
        draft.assertPassesTheGates();
    }

    @Test
    void setsTheChecksumAndLengthsOfTheSourceFromItsFile() throws Exception {
        DraftFixture draft = DraftFixture.in(tmp);
        Node article = DraftFixture.ARTICLE_NODE;
        draft.edit(d -> {
            d.deleteAny(Node.ANY, article, TG.sha256, Node.ANY);
            d.add(DraftFixture.graphName(), article, TG.sha256, Terms.str("0".repeat(64)));
            d.deleteAny(Node.ANY, article, TG.charLength, Node.ANY);
        });
        assertFalse(draft.gates().passed(), "a wrong checksum and a missing length fail the gates");
        TrigFile file = draft.read();

        Anchor.Result result = Anchor.withSources(draft.sources).anchor(file.dataset());
        draft.write(file);

        assertEquals(List.of(DraftFixture.ARTICLE), result.sourcesUpdated());
        assertEquals(List.of(), result.anchored());
        byte[] bytes = Files.readAllBytes(draft.sources.resolve(DraftFixture.REPORT + ".txt"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(List.of(Terms.str(sha)), DraftFixture.values(file.dataset(), article, TG.sha256));
        assertEquals(List.of(Terms.integer(bytes.length)), DraftFixture.values(file.dataset(), article, TG.byteLength));
        assertEquals(List.of(Terms.integer(text.codePointCount(0, text.length()))), DraftFixture.values(file.dataset(), article, TG.charLength));
        draft.assertPassesTheGates();
    }

    @Test
    void refusesAFileNameWithAPathOrALeadingDot() {
        DraftFixture draft = DraftFixture.in(tmp);
        for (String name : new String[] {"../sources/" + DraftFixture.REPORT + ".txt", ".hidden.txt", "sub\\" + DraftFixture.REPORT + ".txt"}) {
            draft.edit(d -> {
                d.deleteAny(Node.ANY, DraftFixture.ARTICLE_NODE, TG.fileName, Node.ANY);
                d.add(DraftFixture.graphName(), DraftFixture.ARTICLE_NODE, TG.fileName, Terms.str(name));
            });
            TrigFile file = draft.read();
            Set<Quad> before = DraftFixture.quads(file.dataset());

            CurationException e = assertThrows(CurationException.class, () -> Anchor.withSources(draft.sources).anchor(file.dataset()));

            assertEquals(List.of("<" + DraftFixture.ARTICLE + ">: tg:fileName must be the plain name of a file in the sources folder, not \""
                    + name + "\""), e.problems());
            assertEquals(before, DraftFixture.quads(file.dataset()));
        }
    }

    /** Adds to a fact a piece of evidence with the words a curator typed, and an offset or a prefix when given. */
    private static Node typedEvidence(DraftFixture draft, String fact, String words, Integer start, String prefix) {
        Node evidence = DraftFixture.node("evidence/typed");
        Node quote = Terms.uri(evidence.getURI() + "#quote");
        draft.edit(d -> {
            Node g = DraftFixture.graphName();
            d.add(g, DraftFixture.node(fact), TG.hasEvidence, evidence);
            d.add(g, evidence, RDF.type.asNode(), TG.Evidence);
            d.add(g, evidence, OA.hasSource.asNode(), DraftFixture.ARTICLE_NODE);
            d.add(g, evidence, OA.hasSelector.asNode(), quote);
            d.add(g, quote, RDF.type.asNode(), OA.TextQuoteSelector.asNode());
            d.add(g, quote, EXACT, Terms.str(words));
            if (prefix != null) {
                d.add(g, quote, PREFIX, Terms.str(prefix));
            }
            if (start != null) {
                Node position = Terms.uri(evidence.getURI() + "#position");
                d.add(g, evidence, OA.hasSelector.asNode(), position);
                d.add(g, position, RDF.type.asNode(), OA.TextPositionSelector.asNode());
                d.add(g, position, START, Terms.integer(start));
            }
        });
        return evidence;
    }

    /** Where words occur in the report, in code points, found without the library. */
    private static List<Integer> offsetsOf(DraftFixture draft, String words) {
        String text = draft.text().text();
        List<Integer> found = new ArrayList<>();
        for (int at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
            found.add(text.codePointCount(0, at));
        }
        return found;
    }
}
