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
}
