package org.tariffgraph.draft;

/**
 * A part of the page: a headline, a paragraph of the story, a section heading, or a part
 * that is not the story (a byline, a dateline, a link to another story, a share button, an
 * advertisement). Offsets are char indexes into the text, start inclusive, end exclusive.
 */
record Segment(Kind kind, int start, int end) {

    enum Kind {
        HEADLINE(true), PARAGRAPH(true), SECTION_HEADING(true),
        BYLINE(false), DATELINE(false), NAVIGATION(false), ADVERTISEMENT(false);

        final boolean story;

        Kind(boolean story) {
            this.story = story;
        }
    }

    boolean story() {
        return kind.story;
    }
}
