package org.tariffgraph.draft;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as the rules read it: its text, its page segments, the sentences of its story,
 * and the names in them in order (known entities and candidates), which pronouns and short
 * names are resolved against.
 */
final class Story {

    final String text;
    final List<Segment> segments;
    final List<int[]> sentences = new ArrayList<>();
    final List<Found.Mention> mentions = new ArrayList<>();
    final People people;

    Story(String text, EntityIndex known) {
        this.text = text;
        this.segments = Segmenter.segments(text);
        this.people = new People(known);
        for (Segment segment : segments) {
            if (segment.story()) {
                List<int[]> own = Sentences.split(text, segment.start(), segment.end());
                sentences.addAll(own);
                boolean titleCase = segment.kind() != Segment.Kind.PARAGRAPH;
                for (int[] sentence : own) {
                    mentions.addAll(Mentions.find(this, known, sentence[0], sentence[1], titleCase));
                }
            }
        }
    }

    String words(int start, int end) {
        return text.substring(start, end);
    }

    /** The last person (or organisation) named before an offset: what "he" or "the company" stands for there. */
    Found.Agent lastBefore(int offset, EntityIndex.Kind kind) {
        Found.Agent last = null;
        for (Found.Mention m : mentions) {
            if (m.start() >= offset) {
                break;
            }
            if (m.agent().kind() == kind) {
                last = m.agent();
            }
        }
        return last;
    }

    /** The sentence that holds an offset. */
    int[] sentenceAt(int offset) {
        for (int[] s : sentences) {
            if (offset >= s[0] && offset < s[1]) {
                return s;
            }
        }
        return null;
    }
}
