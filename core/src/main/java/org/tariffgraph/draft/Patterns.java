package org.tariffgraph.draft;

import java.util.regex.Pattern;

/** The word patterns of news attribution and apposition that the drafting rules share. */
final class Patterns {

    private Patterns() {}

    /** One capitalised word of a name, with its inner apostrophes, hyphens and full stops ("O’Neil", "U.S.-based"). */
    static final String WORD = "\\p{Lu}[\\p{L}\\p{M}]*(?:[.’'\\-]\\p{L}[\\p{L}\\p{M}]*)*\\.?";
    /** A name: capitalised words, perhaps with "of" or "the" inside ("Bureau of Industry"), and "and" after an "of" ("Ministry of Industry and Trade"). */
    static final String NAME = "(?:" + WORD + "(?:\\s+" + WORD + ")*\\s+of\\s+(?:the\\s+)?" + WORD + "(?:\\s+(?:(?:and|&|of|the)\\s+)*" + WORD + ")*"
            + "|" + WORD + "(?:\\s+(?:(?:of|the|de|van|von|der|da|al)\\s+)*" + WORD + ")*)";
    /** A person's name: capitalised words without "of" inside ("Dana Pruitt", "Kadan Stadlemann"). */
    static final String PERSON_NAME = WORD + "(?:\\s+" + WORD + "){0,3}";
    /** The head words of roles, lower case or capitalised, and their compounds ("Director-General", "editor-in-chief"). */
    static final String ROLE_HEAD = roleHeads("officer", "executive", "president", "director", "manager", "chair", "chairman", "chairwoman",
            "chairperson", "analyst", "attorney", "lawyer", "economist", "founder", "co-founder", "cofounder", "spokesperson", "spokesman",
            "spokeswoman", "head", "partner", "secretary", "minister", "governor", "senator", "researcher", "professor", "editor",
            "engineer", "strategist", "adviser", "advisor", "consultant", "owner", "commissioner", "representative", "official",
            "leader", "principal", "dean", "mayor", "treasurer", "correspondent", "ambassador", "envoy", "negotiator", "trader",
            "investor", "broker", "producer");

    private static String roleHeads(String... heads) {
        StringBuilder alternatives = new StringBuilder("(?:(?:CEO|CFO|CTO|COO)|(?:");
        for (int i = 0; i < heads.length; i++) {
            String head = heads[i];
            alternatives.append(i == 0 ? "" : "|").append('[').append(Character.toUpperCase(head.charAt(0))).append(head.charAt(0)).append(']')
                    .append(head.substring(1));
        }
        return alternatives.append(")(?:-(?:in-)?[\\p{L}]+)?)(?![\\p{L}])").toString();
    }

    /** A role: up to five words before its head ("chief strategy officer", "a senior executive", "vice president"). */
    static final String ROLE = "(?:(?:[\\p{Ll}\\-]+|\\p{Lu}[\\p{Ll}]+)\\s+){0,5}?" + ROLE_HEAD;
    /** Words that stand for a speaker already named. */
    static final String PRONOUN = "(?:[Hh]e|[Ss]he|[Ii]t|[Tt]he (?:company|firm|group|manufacturer|maker|business|miner|board|agency))";
    /** A title or role before a name: "Crypto attorney John Deaton", "analyst Priya Raman", "President Donald Trump". */
    static final String TITLED = "(?:(?:\\p{Lu}\\p{Ll}+\\s+)?" + ROLE_HEAD + "(?:\\s+(?:of|for|and|on)\\s+(?:the\\s+)?" + WORD + "(?:\\s+" + WORD + ")*)*\\s+" + NAME + ")";
    /** A possessive before a name: "Komodo’s Kadan Stadlemann", "Auradine’s chief strategy officer Sanjay Gupta". */
    static final String POSSESSED = "(?:" + NAME + "[’']s\\s+(?:(?:[\\p{Ll}\\-]+\\s+){0,4})?" + NAME + ")";
    /** An unnamed spokesperson, who speaks for an organisation: "a spokeswoman for the company", "a Canaan spokesperson". */
    static final String SPOKESPERSON = "(?:(?:[Aa]n?|[Tt]he)\\s+(?:" + NAME + "\\s+)?(?:spokesman|spokeswoman|spokesperson|representative)"
            + "(?:\\s+(?:for|of|at)\\s+(?:(?:the\\s+)?" + NAME + "|the\\s+(?:company|firm|group|ministry|department|agency|association)))?)";
    /** Who speaks: a pronoun, an unnamed spokesperson, a titled or possessed name, or a name. */
    static final String SPEAKER = "(?:" + PRONOUN + "|" + SPOKESPERSON + "|" + POSSESSED + "|" + TITLED + "|(?:[Tt]he\\s+)?" + NAME + ")";
    /** An apposition after a speaker: ", a senior executive at Canaan,". */
    static final String APPOSITION = "(?:,\\s+[^,“”\"]{2,100}?,)";
    /** The reporting verbs of news, with "told" and its listener. */
    static final String VERB = "(?:(?:also|further|later|then|previously|repeatedly)\\s+)?"
            + "(?:(?:had|has|have|would|will|also)\\s+)?"
            + "(?:said|says|told\\s+(?:reporters|investors|analysts|lawmakers|employees|staff|customers|clients|me|us|him|her|them|the\\s+\\p{Ll}+"
            + "|(?:its|their|his|her)\\s+(?:\\d[\\d,]*\\s+)?\\p{Ll}+|(?:The\\s+)?" + NAME + ")"
            + "|added|adds|noted|notes|warned|warns|argued|argues|explained|explains|stated|insisted|insists|emphasi[sz]ed|stressed"
            + "|pointed\\s+out|asserted|claimed|claims|cautioned|acknowledged|conceded|wrote|writes|predicted|estimated"
            + "|responded|replied|observed|remarked|announced|confirmed|suggested|called|believes|expects|maintained|contended"
            + "|denied|denies|rejected|disputed)";
    /** Reporting verbs whose words a paraphrase keeps, so that it never states the opposite of what was said: "denied that ...". */
    static final String DENIAL = "(?:denied|denies|rejected|disputed)";
    /** What may stand between a reporting verb and what is reported: "in a statement", "on Thursday", "last week". */
    static final String VERB_TAIL = "(?:\\s+(?:in\\s+an?\\s+(?:[\\p{Ll}\\-]+\\s+)?(?:statement|filing|interview|note|post|report|email|letter|release|briefing|call)"
            + "|(?:to|with)\\s+(?:reporters|investors|analysts|customers)|on\\s+\\p{Lu}[\\p{L}/]*(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?|last\\s+\\p{Ll}+|this\\s+\\p{Ll}+"
            + "|in\\s+\\p{Lu}\\p{Ll}+|earlier|later|yesterday|today))*";

    static Pattern compile(String regex) {
        return Pattern.compile(regex);
    }
}
