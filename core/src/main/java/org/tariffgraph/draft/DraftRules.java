package org.tariffgraph.draft;

import java.util.Map;

/** What each drafting rule finds, in words, for the rule's description in a draft. */
final class DraftRules {

    private DraftRules() {}

    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("quote-then-speaker", "A quotation followed by its attribution: “QUOTE,” said X; “QUOTE,” X said; a quotation split around it."),
            Map.entry("speaker-then-quote", "An attribution followed by a quotation: X said “QUOTE”; X, ROLE at ORG, pointed out, “QUOTE”."),
            Map.entry("quote-continues", "A quoted sentence with no attribution of its own, right after an attributed quotation: the same speaker."),
            Map.entry("partial-quote", "Quoted words inside a reported clause: X said it is “QUOTE” ..."),
            Map.entry("according-to", "A clause reported with \"according to X\", before or after it."),
            Map.entry("speaker-verb-clause", "A speaker, a reporting verb and the clause reported: X said (that) CLAUSE; X told Reuters CLAUSE; ORG said in a statement CLAUSE."),
            Map.entry("clause-then-speaker", "A clause followed by its speaker: CLAUSE, X said."),
            Map.entry("by-verb", "A reported clause after \"by asserting (that)\" or a like verb."),
            Map.entry("colon-quote", "A quotation introduced by a colon, its speaker the subject before it: X put it this way: “QUOTE”."),
            Map.entry("embedded-post", "A post shown without quotation marks, its author on the line below: TEXT — NAME (@handle) date."),
            Map.entry("person-comma-role", "A role in an apposition after a name: NAME, (a) ROLE at/of ORG."),
            Map.entry("possessive-role", "A role with its organisation before a name: ORG’s ROLE NAME."),
            Map.entry("title-before-name", "A role or title before a name: ROLE NAME (of ORG)."),
            Map.entry("percentage", "A percentage with its bound (more than, about...) and what it is a share of."),
            Map.entry("money", "A sum of money with its bound and what it is spent on or worth."),
            Map.entry("count", "A number of things, with its bound and the things counted."),
            Map.entry("number-word", "A small number in words before the things counted: the three companies."),
            Map.entry("fraction", "A share in words (nine in ten, a fifth, two-thirds, by half) as a fraction; one with no exact decimal rounded towards what stays true, and so only about."),
            Map.entry("range", "A range (between X and Y, from X to Y): at least the first number and at most the second, in the second's unit."),
            Map.entry("converted-amount", "An amount converted into another currency in brackets, with the bound of the amount it converts."),
            Map.entry("age", "A person's age in an apposition: NAME, 54, ..."),
            Map.entry("duration", "A number of years, months, weeks or days: a duration, with its bound (within two years)."),
            Map.entry("month-day-year", "A date given in full."),
            Map.entry("month-day", "A day and month; the year read from the publication date."),
            Map.entry("month-year", "A month and year, kept to the month."),
            Map.entry("month", "A month alone, kept to the month; the year read from the publication date."),
            Map.entry("year", "A year."),
            Map.entry("named-year", "Last year, this year or next year, read from the publication date."),
            Map.entry("named-month", "Last month, this month or next month, read from the publication date."),
            Map.entry("weekday", "A weekday, read as the last such day before the publication date."),
            Map.entry("relative-time", "A time given relative to another (a month later, a month after X): an order, not a date."),
            Map.entry("sentence", "A sentence of the story no other rule found a fact in, as a claim in the article's own voice."));

    static String describe(String rule) {
        String words = RULES.get(rule);
        if (words == null) {
            throw new IllegalArgumentException("no description for the drafting rule " + rule);
        }
        return words;
    }
}
