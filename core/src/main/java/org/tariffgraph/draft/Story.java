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
                boolean titleCase = segment.kind() != Segment.Kind.PARAGRAPH && isTitleCase(text.substring(segment.start(), segment.end()));
                for (int[] sentence : own) {
                    mentions.addAll(Mentions.find(this, known, sentence[0], sentence[1], titleCase));
                }
            }
        }
    }

    /** Whether a headline or heading capitalises most of its longer words, so that capitals there do not mark names. */
    static boolean isTitleCase(String line) {
        String[] words = line.split("[\\s:;,]+");
        long longer = java.util.Arrays.stream(words).filter(w -> w.length() > 3).count();
        long capitalised = java.util.Arrays.stream(words).filter(w -> w.length() > 3 && Character.isUpperCase(w.charAt(0))).count();
        return longer > 0 && capitalised * 10 >= longer * 6;
    }

    private Found.Agent spokespersonFor;
    private int spokespersonAt = -1;

    /** Notes that an unnamed spokesperson of an organisation speaks at an offset: a "she" or "he" after it may be them. */
    void spokesperson(Found.Agent organisation, int at) {
        if (organisation != null) {
            spokespersonFor = organisation;
            spokespersonAt = at;
        }
    }

    /** The organisation of the last unnamed spokesperson before an offset, when no person was named between. */
    Found.Agent spokespersonBefore(int offset) {
        if (spokespersonAt < 0 || spokespersonAt >= offset) {
            return null;
        }
        for (Found.Mention m : mentions) {
            if (m.start() > spokespersonAt && m.start() < offset && m.agent().kind() == EntityIndex.Kind.PERSON) {
                return null;
            }
        }
        return spokespersonFor;
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
