package org.tariffgraph.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Direct quotes and paraphrases with their speakers, by the usual attribution patterns of
 * news writing:
 *
 * <ul>
 * <li>"QUOTE," said X. / "QUOTE," X said. / "PART," said X, "PART." (quote-then-speaker)</li>
 * <li>X said "QUOTE" / X, ROLE at ORG, pointed out, "QUOTE" (speaker-then-quote)</li>
 * <li>a quoted sentence right after an attributed quote, with no attribution of its own (same speaker)</li>
 * <li>X said it is "QUOTE" to ... : a partial quote inside a paraphrase (both are drafted)</li>
 * <li>According to X, CLAUSE / CLAUSE, according to X (according-to)</li>
 * <li>X [, ROLE,] said / told Reuters / warned / noted (that) CLAUSE; ORG said in a statement (that) CLAUSE (speaker-verb-clause)</li>
 * <li>CLAUSE, X said (clause-then-speaker)</li>
 * <li>X ... by asserting that CLAUSE (by-verb)</li>
 * </ul>
 *
 * A pronoun or "the company" is the last person or organisation named before it; a surname,
 * the person named before with that surname.
 */
final class Attributions {

    private static final String SPK = "(?<speaker>" + Patterns.SPEAKER + ")";
    /** A phrase that opens a sentence before its subject: "Meanwhile, ", "The week before, ", "In Washington, ". */
    private static final String INTRO = "(?:[-•*–]\\s+|\\p{Lu}[\\p{L}\\d’' ]{0,40},\\s+)";
    private static final Pattern SPOKESPERSON = Pattern.compile("^" + Patterns.SPOKESPERSON + "$");
    /** The author line under an embedded post: "— Tess Okafor (@tessokafor) June 30, 2025". */
    private static final Pattern POST_AUTHOR = Pattern.compile("^[—–]\\s*(?<speaker>" + Patterns.PERSON_NAME + ")\\s*\\(@[\\w.]+\\)");
    /** A quotation introduced by a colon, its speaker the sentence's subject: "Gupta put it this way: “...”". */
    private static final Pattern COLON_INTRO = Pattern.compile("^" + INTRO + "?" + SPK + Patterns.APPOSITION + "?\\s+[^“”\"]*?:\\s*$");
    private static final Pattern SPEAKER_THEN_QUOTE = Pattern.compile(
            "(?:^|[,;]\\s+|\\band\\s+|^" + INTRO + ")" + SPK + Patterns.APPOSITION + "?\\s+(?<verb>" + Patterns.VERB + ")"
                    + Patterns.VERB_TAIL + "\\s*[,:]?\\s*$");
    private static final Pattern QUOTE_THEN_SPEAKER = Pattern.compile(
            "^\\s*[,.!?—–-]*\\s*(?:(?<verb1>" + Patterns.VERB + ")\\s+(?<speaker1>" + Patterns.SPEAKER + ")|(?<speaker2>" + Patterns.SPEAKER
                    + ")" + Patterns.APPOSITION + "?\\s+(?<verb2>" + Patterns.VERB + "))(?=[\\s,.;:!?—]|$)");
    private static final Pattern ACCORDING_TO_FIRST = Pattern.compile(
            "^According\\s+to\\s+" + SPK + Patterns.APPOSITION + "?,\\s+(?<clause>.+?)[.!?]?$");
    private static final Pattern ACCORDING_TO_LAST = Pattern.compile(
            "^(?<clause>.+?),\\s+according\\s+to\\s+" + SPK + Patterns.APPOSITION + "?[.!?]?$");
    private static final Pattern SPEAKER_VERB_CLAUSE = Pattern.compile(
            "(?:^|,\\s+and\\s+|;\\s+|^" + INTRO + ")" + SPK + Patterns.APPOSITION + "?\\s+(?<verb>" + Patterns.VERB + ")"
                    + Patterns.VERB_TAIL + "(?:,)?\\s+(?:that\\s+)?(?<clause>[^“”\"].+?)[.!?]?$");
    private static final Pattern CLAUSE_THEN_SPEAKER = Pattern.compile(
            "^(?<clause>[^“”\"].+?),\\s+" + SPK + "\\s+(?<verb>" + Patterns.VERB + ")" + Patterns.VERB_TAIL
                    + "(?:,\\s+(?:as|while|after|before|when|because|although|though|but|even as)\\s+[^“”\"]+)?[.!?]$");
    private static final Pattern BY_VERB = Pattern.compile(
            "^" + INTRO + "?" + SPK + "\\s+[^,.“”\"]{0,60}?\\s+by\\s+(?<verb>asserting|saying|arguing|noting|claiming|insisting|stating)\\s+(?:that\\s+)?(?<clause>.+?)[.!?]?$");
    /** A second reported clause inside the first: "..., noting that CLAUSE". */
    private static final Pattern SECOND_CLAUSE = Pattern.compile(",\\s+(?:(?<verb>noting|adding|saying|arguing|warning|stressing|explaining)\\s+that\\s+"
            + "|(?:but|and)\\s+(?<verb2>" + Patterns.VERB + ")\\s+(?:that\\s+)?)");

    private Attributions() {}

    static List<Found.Statement> find(Story story) {
        List<Found.Statement> found = new ArrayList<>();
        Found.Agent lastQuoteSpeaker = null;
        int lastQuoteSentenceEnd = -1;
        for (int[] sentence : story.sentences) {
            int from = sentence[0];
            int to = sentence[1];
            List<int[]> quotes = quotes(story.text, from, to);
            if (quotes.isEmpty()) {
                paraphrase(story, from, to, found);
                continue;
            }
            List<Found.Statement> own = new ArrayList<>();
            Found.Agent speaker = null;
            String mention = null;
            String verb = null;
            String rule = null;
            boolean embedded = false;
            // Speaker before the first quote: "X said “...”", or a partial quote inside a paraphrase.
            int[] first = quotes.get(0);
            String before = story.words(from, first[0] - 1);
            Matcher m = SPEAKER_THEN_QUOTE.matcher(before);
            if (m.find()) {
                speaker = resolve(story, m.group("speaker"), from + m.start("speaker"));
                mention = m.group("speaker");
                verb = m.group("verb");
                rule = "speaker-then-quote";
            } else if ((m = COLON_INTRO.matcher(before)).find()
                    && (speaker = resolve(story, m.group("speaker"), from + m.start("speaker"))) != null) {
                mention = m.group("speaker");
                verb = null;
                rule = "colon-quote";
            } else if (!before.isBlank()) {
                Matcher p = SPEAKER_VERB_CLAUSE.matcher(story.words(from, to));
                if (p.find() && p.start("clause") < first[0] - 1 - from) {
                    speaker = resolve(story, p.group("speaker"), from + p.start("speaker"));
                    mention = p.group("speaker");
                    verb = p.group("verb");
                    rule = "partial-quote";
                    embedded = true;
                    if (speaker != null) {
                        addClauses(story, speaker, mention, verb, clauseStart(p, from), trimEnd(story.text, from + p.end("clause")),
                                from, to, "speaker-verb-clause", own);
                    }
                }
            }
            // Speaker after a quote: "“...,” said X" or "“...,” X said".
            if (speaker == null) {
                for (int[] q : quotes) {
                    int afterEnd = quotes.indexOf(q) + 1 < quotes.size() ? quotes.get(quotes.indexOf(q) + 1)[0] - 1 : to;
                    Matcher a = QUOTE_THEN_SPEAKER.matcher(story.words(q[1] + 1, afterEnd));
                    if (a.find()) {
                        String phrase = a.group("speaker1") != null ? a.group("speaker1") : a.group("speaker2");
                        int at = q[1] + 1 + (a.group("speaker1") != null ? a.start("speaker1") : a.start("speaker2"));
                        speaker = resolve(story, phrase, at);
                        mention = phrase;
                        verb = a.group("verb1") != null ? a.group("verb1") : a.group("verb2");
                        rule = "quote-then-speaker";
                        break;
                    }
                }
            }
            // A quoted sentence with no attribution, right after an attributed quote: the same speaker.
            if (speaker == null && before.isBlank() && lastQuoteSpeaker != null && isNextSentence(story, lastQuoteSentenceEnd, from)) {
                speaker = lastQuoteSpeaker;
                mention = null;
                verb = null;
                rule = "quote-continues";
            }
            if (speaker == null) {
                lastQuoteSpeaker = null;
                continue;
            }
            for (int[] q : quotes) {
                own.add(new Found.Statement(true, speaker, mention, verb, q[0], q[1], from, to, embedded ? "partial-quote" : rule));
            }
            found.addAll(own);
            lastQuoteSpeaker = speaker;
            lastQuoteSentenceEnd = to;
        }
        embeddedPosts(story, found);
        found.sort(java.util.Comparator.comparingInt(Found.Statement::start));
        return found;
    }

    /**
     * A post embedded without quotation marks, its author on the line below ("— NAME (@handle)
     * date"): the post's words, from the start of their paragraph to that line, are a direct
     * quote of the author.
     */
    private static void embeddedPosts(Story story, List<Found.Statement> found) {
        for (Segment segment : story.segments) {
            if (!segment.story()) {
                continue;
            }
            int line = story.text.lastIndexOf('\n', segment.end() - 1);
            if (line <= segment.start()) {
                continue;
            }
            Matcher author = POST_AUTHOR.matcher(story.text).region(line + 1, segment.end());
            if (!author.lookingAt()) {
                continue;
            }
            Found.Agent speaker = story.people.resolve(author.group("speaker"), EntityIndex.Kind.PERSON);
            int end = trimEnd(story.text, line);
            int start = segment.start();
            if (speaker == null || end <= start || !quotes(story.text, start, end).isEmpty()) {
                continue;
            }
            int endWithStop = story.text.charAt(end) == '.' ? end + 1 : end;
            // The evidence is the post with its author line, which names the speaker.
            found.add(new Found.Statement(true, speaker, author.group("speaker"), null, start, endWithStop, start, segment.end(), "embedded-post"));
        }
    }

    /** The paraphrase patterns, tried in order, for a sentence without quotation marks. */
    private static void paraphrase(Story story, int from, int to, List<Found.Statement> found) {
        String s = story.words(from, to);
        for (Pattern pattern : new Pattern[] {ACCORDING_TO_FIRST, ACCORDING_TO_LAST, BY_VERB, SPEAKER_VERB_CLAUSE, CLAUSE_THEN_SPEAKER}) {
            Matcher m = pattern.matcher(s);
            if (!m.find()) {
                continue;
            }
            Found.Agent speaker = resolve(story, m.group("speaker"), from + m.start("speaker"));
            if (speaker == null) {
                continue;
            }
            String verb = pattern == ACCORDING_TO_FIRST || pattern == ACCORDING_TO_LAST ? "according to" : m.group("verb");
            String rule = pattern == ACCORDING_TO_FIRST || pattern == ACCORDING_TO_LAST ? "according-to"
                    : pattern == BY_VERB ? "by-verb" : pattern == SPEAKER_VERB_CLAUSE ? "speaker-verb-clause" : "clause-then-speaker";
            addClauses(story, speaker, m.group("speaker"), verb, pattern == SPEAKER_VERB_CLAUSE ? clauseStart(m, from) : from + m.start("clause"),
                    trimEnd(story.text, from + m.end("clause")), from, to, rule, found);
            return;
        }
    }

    /** Where a reported clause starts: after the verb and "that", or at a denial's verb, whose words the paraphrase keeps. */
    private static int clauseStart(Matcher m, int from) {
        Matcher denial = Pattern.compile("\\b" + Patterns.DENIAL + "\\b").matcher(m.group("verb"));
        return denial.find() ? from + m.start("verb") + denial.start() : from + m.start("clause");
    }

    /** One paraphrase per reported clause: "CLAUSE, noting that CLAUSE" and "CLAUSE, but denied that CLAUSE" give two. */
    private static void addClauses(Story story, Found.Agent speaker, String mention, String verb, int start, int end,
                                   int sentenceStart, int sentenceEnd, String rule, List<Found.Statement> into) {
        Matcher second = SECOND_CLAUSE.matcher(story.text).region(start, end);
        if (second.find()) {
            String secondVerb = second.group("verb") != null ? second.group("verb") : second.group("verb2");
            int secondStart = second.end();
            if (second.group("verb2") != null && secondVerb.matches("(?s).*\\b" + Patterns.DENIAL + "\\b.*")) {
                Matcher denial = Pattern.compile("\\b" + Patterns.DENIAL + "\\b").matcher(story.text).region(second.start("verb2"), second.end("verb2"));
                denial.find();
                secondStart = denial.start();
            }
            into.add(new Found.Statement(false, speaker, mention, verb, start, second.start(), sentenceStart, sentenceEnd, rule));
            into.add(new Found.Statement(false, speaker, mention, secondVerb, secondStart, end, sentenceStart, sentenceEnd, rule));
        } else if (end > start) {
            into.add(new Found.Statement(false, speaker, mention, verb, start, end, sentenceStart, sentenceEnd, rule));
        }
    }

    /** The end of a clause without the sentence's closing punctuation. */
    private static int trimEnd(String text, int end) {
        int e = end;
        while (e > 0 && (text.charAt(e - 1) == '.' || text.charAt(e - 1) == '!' || text.charAt(e - 1) == '?' || Segmenter.isSpace(text.charAt(e - 1)))) {
            e--;
        }
        return e;
    }

    private static Found.Agent resolve(Story story, String phrase, int at) {
        String p = phrase.strip();
        if (SPOKESPERSON.matcher(p).matches()) {
            // An unnamed spokesperson speaks for the organisation named in the phrase, or else the last one named.
            Matcher org = Pattern.compile("(?:^(?:[Aa]n?|[Tt]he)\\s+(?<before>" + Patterns.NAME + ")\\s+\\p{Ll}+|\\s(?:for|of|at)\\s+(?:the\\s+)?(?<after>" + Patterns.NAME + "))$")
                    .matcher(p);
            Found.Agent speaker = null;
            if (org.find()) {
                speaker = story.people.resolve(org.group("before") != null ? org.group("before") : org.group("after"), EntityIndex.Kind.ORGANISATION);
            }
            if (speaker == null || speaker.kind() != EntityIndex.Kind.ORGANISATION) {
                speaker = story.lastBefore(at, EntityIndex.Kind.ORGANISATION);
            }
            story.spokesperson(speaker, at);
            return speaker;
        }
        if (p.matches(Patterns.PRONOUN)) {
            boolean person = p.equalsIgnoreCase("he") || p.equalsIgnoreCase("she");
            if (person) {
                // "She" after an unnamed spokesperson, with no person named since, is that spokesperson.
                Found.Agent spokesperson = story.spokespersonBefore(at);
                if (spokesperson != null) {
                    return spokesperson;
                }
            }
            return story.lastBefore(at, person ? EntityIndex.Kind.PERSON : EntityIndex.Kind.ORGANISATION);
        }
        p = p.replaceFirst("^" + Patterns.WORD + "-based\\s+", "");
        return story.people.resolve(p, null);
    }

    /** Whether {@code next} starts the sentence right after the one ending at {@code end}, in the same paragraph or the next. */
    private static boolean isNextSentence(Story story, int end, int next) {
        return end >= 0 && next > end && story.text.substring(end, next).isBlank();
    }

    /** The words inside each pair of quotation marks in a range: curly pairs, and straight marks taken in pairs. */
    static List<int[]> quotes(String text, int from, int to) {
        List<int[]> found = new ArrayList<>();
        int open = -1;
        char closer = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (open < 0 && (c == '“' || c == '"')) {
                open = i;
                closer = c == '“' ? '”' : '"';
            } else if (open >= 0 && c == closer) {
                if (i > open + 1) {
                    found.add(new int[] {open + 1, i});
                }
                open = -1;
            }
        }
        return found;
    }
}
