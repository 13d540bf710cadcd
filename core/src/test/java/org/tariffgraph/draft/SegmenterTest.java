package org.tariffgraph.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SegmenterTest {

    @Test
    void tellsTheStoryFromThePageFurniture() {
        String text = String.join("\n\n", "Rig makers move to Texas", "By Jane Roe, Staff Writer", "SINGAPORE, June 20",
                "Share this article", "Canaan began production.", "Related: Another story", "Security Concerns and Dependence",
                "Subscribe to our newsletter for news.", "Whether you’re new or not, your career grows with us.") + "\n";
        List<String> kinds = Segmenter.segments(text).stream().map(s -> s.kind().name()).toList();
        assertEquals(List.of("HEADLINE", "BYLINE", "DATELINE", "NAVIGATION", "PARAGRAPH", "NAVIGATION", "SECTION_HEADING",
                "ADVERTISEMENT", "ADVERTISEMENT"), kinds);
    }

    @Test
    void trimsEachSegmentToItsVisibleText() {
        String text = "Title\n\n  A paragraph \u00A0\n\n";
        Segment paragraph = Segmenter.segments(text).get(1);
        assertEquals("A paragraph", text.substring(paragraph.start(), paragraph.end()));
    }

    @Test
    void takesAWireDatelineThatOpensAParagraphForFurnitureAndTheRestForStory() {
        String text = "Headline here\n\nOSLO, March 3 (Fjord Wire) - Norway raised its duty on steel.\n";
        List<Segment> segments = Segmenter.segments(text);
        assertEquals(List.of("HEADLINE", "DATELINE", "PARAGRAPH"), segments.stream().map(s -> s.kind().name()).toList());
        assertEquals("OSLO, March 3 (Fjord Wire) -", text.substring(segments.get(1).start(), segments.get(1).end()));
        assertEquals("Norway raised its duty on steel.", text.substring(segments.get(2).start(), segments.get(2).end()));
    }

    @Test
    void takesCreditsCountersAndShareRowsForFurniture() {
        String text = String.join("\n\n", "Headline here", "Posted by Ann Lee · 4 min read", "Share on Facebook · Email · Print",
                "Steel prices rose.", "(Reporting by Ann Lee; Editing by Bo Chan)", "Leave a comment · 9 replies") + "\n";
        assertEquals(List.of("HEADLINE", "BYLINE", "NAVIGATION", "PARAGRAPH", "BYLINE", "NAVIGATION"),
                Segmenter.segments(text).stream().map(s -> s.kind().name()).toList());
    }

    @Test
    void leavesAParagraphThatOpensWithAnAcronymAndADashAsStory() {
        String text = "Headline here\n\nNATO - the alliance - met on Monday.\n";
        assertEquals(List.of("HEADLINE", "PARAGRAPH"), Segmenter.segments(text).stream().map(s -> s.kind().name()).toList());
    }
}
