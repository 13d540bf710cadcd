package org.tariffgraph.draft;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a segment into sentences with the JDK's sentence rules, then joins back what those
 * rules cut wrongly in news text: after an abbreviation ("U.S.", "Mr.", "Inc.") or an
 * initial, and inside a quotation that runs over several sentences.
 */
final class Sentences {

    /** Words that end with a full stop without ending a sentence when a capital follows. */
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col",
            "lt", "st", "inc", "corp", "co", "ltd", "llc", "jr", "sr", "no", "vs", "etc", "jan", "feb", "mar", "apr", "aug",
            "sept", "sep", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m");
    private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}.]+)\\.[”\"’']?\\s*$");

    private Sentences() {}

    /** A line that begins an item of a list, or an author's line under a post: it begins a sentence. */
    private static final Pattern ITEM_LINE = Pattern.compile("\n(?=[ \t]*(?:[-•*–—]|\\d{1,2}[.)])\\s)");

    /** The sentences of {@code text} between {@code start} and {@code end}, as char ranges without surrounding white space. */
    static List<int[]> split(String text, int start, int end) {
        List<int[]> sentences = new ArrayList<>();
        Matcher item = ITEM_LINE.matcher(text).region(start, end);
        int from = start;
        while (item.find()) {
            sentences.addAll(splitLines(text, from, item.start()));
            from = item.end();
        }
        sentences.addAll(splitLines(text, from, end));
        return sentences;
    }

    private static List<int[]> splitLines(String text, int start, int end) {
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        String part = text.substring(start, end);
        breaks.setText(part);
        List<int[]> raw = new ArrayList<>();
        for (int from = breaks.first(), to = breaks.next(); to != BreakIterator.DONE; from = to, to = breaks.next()) {
            raw.add(new int[] {start + from, start + to});
        }
        List<int[]> joined = new ArrayList<>();
        for (int[] s : raw) {
            if (!joined.isEmpty() && shouldJoin(text, joined.get(joined.size() - 1), s)) {
                joined.get(joined.size() - 1)[1] = s[1];
            } else {
                joined.add(s);
            }
        }
        List<int[]> trimmed = new ArrayList<>();
        for (int[] s : joined) {
            int a = s[0];
            int b = s[1];
            while (a < b && Segmenter.isSpace(text.charAt(a))) {
                a++;
            }
            while (b > a && Segmenter.isSpace(text.charAt(b - 1))) {
                b--;
            }
            if (a < b) {
                trimmed.add(new int[] {a, b});
            }
        }
        return trimmed;
    }

    private static boolean shouldJoin(String text, int[] previous, int[] next) {
        String before = text.substring(previous[0], previous[1]);
        if (openQuotes(before)) {
            return true;
        }
        Matcher m = LAST_WORD.matcher(before);
        if (m.find()) {
            String word = m.group(1).toLowerCase(Locale.ROOT);
            if (ABBREVIATIONS.contains(word) || word.matches("\\p{L}") || word.matches("(\\p{L}\\.)+\\p{L}")) {
                // "U.S. Production" and "J. Smith" do not end a sentence; "in the U.S. He said" is rarer than it is.
                String after = text.substring(next[0], next[1]).stripLeading();
                return !after.isEmpty() && !after.startsWith("“") && !after.startsWith("\"");
            }
        }
        return false;
    }

    /** Whether a quotation opened in the text is still open at its end. */
    static boolean openQuotes(String s) {
        int curly = 0;
        int straight = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '“') {
                curly++;
            } else if (c == '”') {
                curly = Math.max(0, curly - 1);
            } else if (c == '"') {
                straight++;
            }
        }
        return curly > 0 || straight % 2 == 1;
    }
}
