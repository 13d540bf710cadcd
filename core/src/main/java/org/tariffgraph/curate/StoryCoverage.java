package org.tariffgraph.curate;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.tariffgraph.vocab.TG;

/**
 * Which words of the story the evidence of the facts covers, by the evidence check's rule:
 * every visible character of the headline and the story paragraphs is the evidence of some
 * fact; white space does not count.
 */
final class StoryCoverage {

    private StoryCoverage() {}

    /** Where a span stands: its words and their offsets. */
    record Place(Node source, String exact, int start, int end) {}

    /** Where a span stands, or null when its source, words or offsets are not all given. */
    static Place placeOf(WorkingCopy work, Node span) {
        Node source = work.single(span, OA.hasSource.asNode());
        Node quote = null;
        Node position = null;
        for (Node selector : work.objects(span, OA.hasSelector.asNode())) {
            if (work.hasType(selector, OA.TextQuoteSelector.asNode())) {
                quote = selector;
            } else if (work.hasType(selector, OA.TextPositionSelector.asNode())) {
                position = selector;
            }
        }
        if (source == null || quote == null || position == null) {
            return null;
        }
        String exact = Terms.textOf(work.single(quote, OA.exact.asNode()));
        Integer start = Terms.integerOf(work.single(position, OA.start.asNode()));
        Integer end = Terms.integerOf(work.single(position, OA.end.asNode()));
        if (exact == null || start == null || end == null || exact.codePointCount(0, exact.length()) != end - start) {
            return null;
        }
        return new Place(source, exact, start, end);
    }

    /**
     * Whether a span holds a visible character of the headline or a story paragraph that
     * no fact's evidence covers, so that without a fact of its own the story would not be
     * covered. A span whose place is not fully given is taken to need one.
     */
    static boolean leavesUncovered(WorkingCopy work, Node span) {
        Place place = placeOf(work, span);
        if (place == null) {
            return true;
        }
        List<Place> story = new ArrayList<>();
        for (Node kind : new Node[] {TG.Headline, TG.StoryParagraph}) {
            for (Node segment : work.subjects(RDF.type.asNode(), kind)) {
                Place p = placeOf(work, segment);
                if (p != null && p.source().equals(place.source())) {
                    story.add(p);
                }
            }
        }
        List<Place> evidence = new ArrayList<>();
        for (Node used : work.objects(Node.ANY, TG.hasEvidence)) {
            Place p = placeOf(work, used);
            if (p != null && p.source().equals(place.source())) {
                evidence.add(p);
            }
        }
        int[] words = place.exact().codePoints().toArray();
        for (int i = place.start(); i < place.end(); i++) {
            if (!Terms.isBlank(words[i - place.start()]) && within(story, i) && !within(evidence, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(List<Place> spans, int offset) {
        return spans.stream().anyMatch(p -> offset >= p.start() && offset < p.end());
    }
}
