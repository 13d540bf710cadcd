package org.tariffgraph.draft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers with their bound and unit: percentages ("more than 90%", "40 percent"), sums of
 * money ("$2.5 billion"), and counts ("3,000 machines", "the top three producers"), each with
 * the words of what it measures where the sentence says ("of the world's mining rigs", "on
 * general imports"). Numbers inside dates are not quantities.
 */
final class Quantities {

    private static final String BOUND = "(?<bound>more than|over|above|upwards of|in excess of|at least|no fewer than|no less than|"
            + "less than|fewer than|under|below|up to|at most|no more than|nearly|almost|about|around|roughly|approximately|"
            + "some|close to|an estimated|just over|just under)";
    private static final Pattern NUMBER = Pattern.compile("(?:\\b" + BOUND + "\\s+)?(?<money>\\$|US\\$|€|£)?(?<number>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)"
            + "(?:\\s+(?<scale>thousand|million|billion|trillion))?(?<percent>%|\\s+percent\\b|\\s+per\\s+cent\\b)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD_NUMBER = Pattern.compile("(?:\\b" + BOUND + "\\s+)?\\b(?<word>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen)\\b"
            + "(?=\\s+(?:[\\p{L}\\-]+\\s+){0,3}?[\\p{Ll}\\-]+s\\b)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("dozen", 12));
    /** Words that end the name of what is measured. */
    private static final Pattern MEASURES_END = Pattern.compile("\\s+(?:is|are|was|were|has|have|had|will|would|could|can|that|which|who|used|to|from|in|on|at|by|with|while|for|as|because|and|than|since|a|per|so|last|this|next|into|"
            + "occurs?|happens?|applies|apply|leads?|comes?|originates?|goes|go|remains?|rises?|rose|fell|falls?|grew|grows?|"
            + "makes?|made|produces?|accounts?|delivers?|earns?|sells?|ships?|runs?|stands?|reached|reaches|hit|hits)\\b|[,.;:!?”\"—–()]");

    private Quantities() {}

    static List<Found.Quantity> find(Story story, List<Found.Date> dates) {
        List<Found.Quantity> found = new ArrayList<>();
        for (int[] sentence : story.sentences) {
            int from = sentence[0];
            int to = sentence[1];
            Matcher m = NUMBER.matcher(story.text).region(from, to);
            while (m.find()) {
                int numberStart = m.start("number");
                if (insideDate(dates, numberStart) || partOfWord(story.text, numberStart, m.end("number")) || isClockTime(story.text, m.end())) {
                    continue;
                }
                BigDecimal value = new BigDecimal(m.group("number").replace(",", ""));
                if (m.group("scale") != null) {
                    value = value.multiply(scale(m.group("scale")));
                }
                String unit = m.group("percent") != null ? "percent" : m.group("money") != null ? currency(m.group("money")) : "count";
                String measures = measures(story.text, m.end(), to, unit);
                if (unit.equals("count") && measures.isEmpty()) {
                    continue;
                }
                found.add(new Found.Quantity(value.stripTrailingZeros(), bound(m.group("bound")), unit, measures,
                        m.start(), m.end(), from, to, unit.equals("count") ? "count" : unit.equals("percent") ? "percentage" : "money"));
            }
            Matcher w = WORD_NUMBER.matcher(story.text).region(from, to);
            while (w.find()) {
                String measures = measures(story.text, w.end(), to, "count");
                found.add(new Found.Quantity(BigDecimal.valueOf(WORDS.get(w.group("word").toLowerCase(Locale.ROOT))), bound(w.group("bound")),
                        "count", measures, w.start(), w.end(), from, to, "number-word"));
            }
        }
        found.sort(java.util.Comparator.comparingInt(Found.Quantity::start));
        return found;
    }

    /** The words after a number that name what it measures: "of NP" for a share or a rate, "on NP" for a rate, the noun for a count. */
    private static String measures(String text, int after, int to, String unit) {
        String rest = text.substring(after, to);
        String lead;
        if (unit.equals("percent") || unit.startsWith("usd") || unit.equals("eur") || unit.equals("gbp")) {
            Matcher of = Pattern.compile("^\\s+(?:of|on)\\s+").matcher(rest);
            if (!of.find()) {
                return "";
            }
            lead = rest.substring(of.end());
        } else {
            lead = rest.stripLeading();
        }
        Matcher end = MEASURES_END.matcher(lead);
        String words = end.find() ? lead.substring(0, end.start()) : lead;
        words = words.strip();
        return words.split("\\s+").length > 8 ? "" : words;
    }

    private static Found.Bound bound(String words) {
        if (words == null) {
            return Found.Bound.EXACT;
        }
        return switch (words.toLowerCase(Locale.ROOT)) {
            case "more than", "over", "above", "upwards of", "in excess of", "just over" -> Found.Bound.MORE_THAN;
            case "at least", "no fewer than", "no less than" -> Found.Bound.AT_LEAST;
            case "less than", "fewer than", "under", "below", "just under" -> Found.Bound.LESS_THAN;
            case "up to", "at most", "no more than" -> Found.Bound.AT_MOST;
            default -> Found.Bound.ABOUT;
        };
    }

    private static BigDecimal scale(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "thousand" -> BigDecimal.valueOf(1_000);
            case "million" -> BigDecimal.valueOf(1_000_000);
            case "billion" -> BigDecimal.valueOf(1_000_000_000);
            default -> BigDecimal.valueOf(1_000_000_000_000L);
        };
    }

    private static String currency(String sign) {
        return switch (sign) {
            case "€" -> "eur";
            case "£" -> "gbp";
            default -> "usd";
        };
    }

    private static boolean insideDate(List<Found.Date> dates, int at) {
        return dates.stream().anyMatch(d -> at >= d.start() && at < d.end());
    }

    /** A number inside a word or a name ("U.S.-China", "Q3", "COVID-19", "S&P 500" aside). */
    private static boolean partOfWord(String text, int start, int end) {
        return (start > 0 && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '-'))
                || (end < text.length() && Character.isLetter(text.charAt(end)));
    }

    private static boolean isClockTime(String text, int end) {
        return text.startsWith(" a.m", end) || text.startsWith(" p.m", end) || text.startsWith(":", end);
    }
}
