package org.tariffgraph.draft;

import java.math.BigDecimal;

/**
 * What the drafting rules find in a text, before it is written as RDF. Offsets are char
 * indexes into the text, start inclusive and end exclusive; {@code rule} names the rule that
 * found it.
 */
final class Found {

    private Found() {}

    /** Someone or something a fact names: a known entity (with its IRI) or a new candidate. */
    record Agent(String name, String iri, EntityIndex.Kind kind, boolean candidate) {}

    /**
     * A direct quote (the words inside the quotation marks) or a paraphrase (the words of the
     * reported clause), with its speaker, the words that name the speaker, and the reporting verb.
     */
    record Statement(boolean quote, Agent speaker, String speakerMention, String verb,
                     int start, int end, int sentenceStart, int sentenceEnd, String rule) {}

    /** A role from an apposition or a title: the person, the role's words, and the organisation where named. */
    record Role(Agent person, String role, int roleStart, int roleEnd, Agent organisation, int start, int end, String rule) {}

    /** How a stated number bounds the quantity. */
    enum Bound { EXACT, MORE_THAN, AT_LEAST, LESS_THAN, AT_MOST, ABOUT }

    /** A number with its bound, its unit, and the words of what it measures where the sentence says. */
    record Quantity(BigDecimal value, Bound bound, String unit, String measures, int start, int end,
                    int sentenceStart, int sentenceEnd, String rule) {}

    /** How precise a date is. */
    enum Precision { DAY, MONTH, YEAR }

    /**
     * A date the text gives: its value (ISO: 2025-04-02, 2024-12, 2025), its precision, the
     * words that give it, and how it was resolved when the words alone do not say the year.
     */
    record Date(String value, Precision precision, int start, int end, String resolution,
                int sentenceStart, int sentenceEnd, String rule) {}

    /** A time the text gives only relative to something else ("a month later"): kept as words, never as a date. */
    record Relative(int start, int end, int sentenceStart, int sentenceEnd, String rule) {}

    /** A name in the story: a known entity or a new candidate. */
    record Mention(Agent agent, int start, int end, String rule) {}
}
