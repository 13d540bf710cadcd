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
            + "some|close to|an estimated|just over|just under|as many as|as much as|within|longer than)";
    private static final Pattern NUMBER = Pattern.compile("(?:\\b" + BOUND + "\\s+)?(?<money>\\$|US\\$|€|£)?(?<number>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)"
            + "(?:\\s+(?<scale>thousand|million|billion|trillion))?(?:(?<percent>%|\\s+percent\\b|\\s+per\\s+cent\\b)|\\s+(?<currency>koruna|crowns|euros|yuan|renminbi|yen)\\b)?",
            Pattern.CASE_INSENSITIVE);
    /** A share in words: "nine in ten", "one in six", "a fifth", "two-thirds", "a quarter", "by half". */
    private static final Pattern FRACTION = Pattern.compile("(?:\\b" + BOUND + "\\s+)?\\b(?:(?<num>one|two|three|four|five|six|seven|eight|nine|\\d+)\\s+in\\s+"
            + "(?<den>two|three|four|five|six|seven|eight|nine|ten|\\d+)|(?:a|one)\\s+(?<single>third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)"
            + "|(?<many>two|three|four|five|seven|nine)[- ](?<plural>thirds|quarters|fifths|sixths|sevenths|eighths|ninths|tenths)"
            + "|(?<=\\bby\\s|\\bby about\\s|\\bby roughly\\s|\\bby nearly\\s)(?<half>half)|(?<halfof>half)(?=\\s+of\\b))\\b", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> DENOMINATORS = Map.ofEntries(Map.entry("half", 2), Map.entry("third", 3), Map.entry("quarter", 4),
            Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10));
    /** A person's age in an apposition: "Harriet Oduya, 54, said". */
    private static final Pattern AGE_BEFORE = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}’'\\-]+,\\s+$");
    /** Units of time that make a count a duration: "within two years". */
    private static final Pattern DURATION = Pattern.compile("^(?<unit>year|month|week|day)s?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD_NUMBER = Pattern.compile("(?:\\b" + BOUND + "\\s+)?\\b(?<word>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen)\\b"
            + "(?=\\s+(?:[\\p{L}\\-]+\\s+){0,3}?[\\p{Ll}\\-]+s\\b)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("dozen", 12));
    /** Words that end the name of what is measured. */
    private static final Pattern MEASURES_END = Pattern.compile("\\s+(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|do|does|did|depends?|that|which|who|used|to|from|in|on|at|by|with|while|for|as|because|and|than|since|a|per|so|last|this|next|into|"
            + "occurs?|happens?|applies|apply|leads?|comes?|originates?|goes|go|remains?|rises?|rose|fell|falls?|grew|grows?|"
            + "makes?|made|produces?|accounts?|delivers?|earns?|sells?|ships?|runs?|stands?|reached|reaches|hit|hits)\\b|[,.;:!?”\"—–()]");

    private Quantities() {}

    static List<Found.Quantity> find(Story story, List<Found.Date> dates, List<Found.Relative> relatives) {
        List<Found.Quantity> found = new ArrayList<>();
        for (int[] sentence : story.sentences) {
            int from = sentence[0];
            int to = sentence[1];
            List<Found.Quantity> own = new ArrayList<>();
            Matcher f = FRACTION.matcher(story.text).region(from, to);
            while (f.find()) {
                if (insideRelative(relatives, f.start())) {
                    continue;
                }
                int numerator = f.group("num") != null ? number(f.group("num")) : f.group("many") != null ? number(f.group("many")) : 1;
                String part = f.group("den") != null ? f.group("den") : f.group("single") != null ? f.group("single")
                        : f.group("plural") != null ? f.group("plural").replaceFirst("s$", "") : "half";
                int denominator = DENOMINATORS.containsKey(part.toLowerCase(Locale.ROOT)) ? DENOMINATORS.get(part.toLowerCase(Locale.ROOT)) : number(part);
                Found.Bound bound = bound(f.group("bound"));
                BigDecimal value;
                try {
                    value = BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator));
                } catch (ArithmeticException e) {
                    // Two thirds has no exact decimal: the value is rounded so that what the claim
                    // says stays true (a lower bound rounded down, an upper bound up), and an exact
                    // share becomes an approximate one.
                    java.math.RoundingMode rounding = switch (bound) {
                        case MORE_THAN, AT_LEAST -> java.math.RoundingMode.FLOOR;
                        case LESS_THAN, AT_MOST -> java.math.RoundingMode.CEILING;
                        default -> java.math.RoundingMode.HALF_UP;
                    };
                    value = BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), new java.math.MathContext(4, rounding));
                    bound = bound == Found.Bound.EXACT ? Found.Bound.ABOUT : bound;
                }
                own.add(new Found.Quantity(value, bound, "fraction", measures(story.text, f.end(), to, "fraction"), f.start(), f.end(), from, to, "fraction"));
            }
            Matcher m = NUMBER.matcher(story.text).region(from, to);
            while (m.find()) {
                int numberStart = m.start("number");
                if (insideDate(dates, numberStart) || insideRelative(relatives, numberStart) || taken(own, m.start(), m.end())
                        || partOfWord(story.text, numberStart, m.end("number")) || isClockTime(story.text, m.end())) {
                    continue;
                }
                BigDecimal value = new BigDecimal(m.group("number").replace(",", ""));
                if (m.group("scale") != null) {
                    value = value.multiply(scale(m.group("scale")));
                }
                String unit = m.group("percent") != null ? "percent" : m.group("money") != null ? currency(m.group("money"))
                        : m.group("currency") != null ? currencyWord(m.group("currency")) : "count";
                String measures = measures(story.text, m.end(), to, unit);
                String rule = unit.equals("count") ? "count" : unit.equals("percent") ? "percentage" : "money";
                if (unit.equals("count") && m.group("bound") == null && AGE_BEFORE.matcher(story.text.substring(from, m.start())).find()
                        && story.text.startsWith(",", m.end())) {
                    unit = "year";
                    measures = "";
                    rule = "age";
                } else if (unit.equals("count") && DURATION.matcher(measures).matches()) {
                    unit = DURATION.matcher(measures).replaceFirst("${unit}").toLowerCase(Locale.ROOT);
                    measures = "";
                    rule = "duration";
                } else if (unit.equals("count") && measures.isEmpty()) {
                    continue;
                }
                own.add(new Found.Quantity(value.stripTrailingZeros(), bound(m.group("bound")), unit, measures,
                        m.start(), m.end(), from, to, rule));
            }
            Matcher w = WORD_NUMBER.matcher(story.text).region(from, to);
            while (w.find()) {
                if (taken(own, w.start(), w.end()) || insideRelative(relatives, w.start())) {
                    continue;
                }
                String measures = measures(story.text, w.end(), to, "count");
                String unit = "count";
                if (DURATION.matcher(measures).matches()) {
                    unit = DURATION.matcher(measures).replaceFirst("${unit}").toLowerCase(Locale.ROOT);
                    measures = "";
                }
                own.add(new Found.Quantity(BigDecimal.valueOf(WORDS.get(w.group("word").toLowerCase(Locale.ROOT))), bound(w.group("bound")),
                        unit, measures, w.start(), w.end(), from, to, unit.equals("count") ? "number-word" : "duration"));
            }
            own.sort(java.util.Comparator.comparingInt(Found.Quantity::start));
            found.addAll(pairs(story.text, own));
        }
        found.sort(java.util.Comparator.comparingInt(Found.Quantity::start));
        return found;
    }

    /**
     * Numbers that go in pairs: a range ("between 20% and 25%", "from 25% to 57.6%") is at
     * least the first and at most the second, both in the second's unit and of what it
     * measures; an amount converted in brackets ("2 billion koruna ($95 million)") has the
     * bound of the amount it converts.
     */
    private static List<Found.Quantity> pairs(String text, List<Found.Quantity> quantities) {
        List<Found.Quantity> out = new ArrayList<>(quantities);
        for (int i = 0; i + 1 < out.size(); i++) {
            Found.Quantity a = out.get(i);
            Found.Quantity b = out.get(i + 1);
            String between = text.substring(a.end(), b.start());
            String before = text.substring(Math.max(a.sentenceStart(), a.start() - 20), a.start());
            boolean range = a.bound() == Found.Bound.EXACT && b.bound() == Found.Bound.EXACT
                    && ((RANGE_JOIN.matcher(between).matches() && RANGE_OPEN.matcher(before).find()) || between.matches("[-–]"));
            if (range) {
                String unit = a.unit().equals("count") ? b.unit() : a.unit();
                out.set(i, new Found.Quantity(a.value(), Found.Bound.AT_LEAST, unit, b.measures(), a.start(), a.end(),
                        a.sentenceStart(), a.sentenceEnd(), "range"));
                out.set(i + 1, new Found.Quantity(b.value(), Found.Bound.AT_MOST, b.unit(), b.measures(), b.start(), b.end(),
                        b.sentenceStart(), b.sentenceEnd(), "range"));
                i++;
            } else if (between.matches("\\s*\\(\\s*") && text.startsWith(")", b.end()) && !a.unit().equals("count") && !b.unit().equals("count")) {
                // What the amount measures follows the brackets: "2 billion koruna ($95 million) of guarantees".
                String measured = a.measures().isEmpty() ? measures(text, b.end() + 1, b.sentenceEnd(), a.unit()) : a.measures();
                out.set(i, new Found.Quantity(a.value(), a.bound(), a.unit(), measured, a.start(), a.end(), a.sentenceStart(), a.sentenceEnd(), a.rule()));
                out.set(i + 1, new Found.Quantity(b.value(), a.bound(), b.unit(), measured, b.start(), b.end(),
                        b.sentenceStart(), b.sentenceEnd(), "converted-amount"));
            }
        }
        return out;
    }

    private static final Pattern RANGE_JOIN = Pattern.compile("\\s+(?:and|to)\\s+");
    private static final Pattern RANGE_OPEN = Pattern.compile("\\b(?:between|from)\\s+$", Pattern.CASE_INSENSITIVE);

    private static int number(String word) {
        Integer n = WORDS.get(word.toLowerCase(Locale.ROOT));
        return n != null ? n : word.equalsIgnoreCase("one") ? 1 : Integer.parseInt(word);
    }

    private static boolean taken(List<Found.Quantity> quantities, int start, int end) {
        return quantities.stream().anyMatch(q -> start < q.end() && q.start() < end);
    }

    private static boolean insideRelative(List<Found.Relative> relatives, int at) {
        return relatives.stream().anyMatch(r -> at >= r.start() && at < r.end());
    }

    private static String currencyWord(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "koruna", "crowns" -> "czk";
            case "euros" -> "eur";
            case "yen" -> "jpy";
            default -> "cny";
        };
    }

    /** The words after a number that name what it measures: "of NP" for a share or a rate, "on NP" for a rate, the noun for a count. */
    private static String measures(String text, int after, int to, String unit) {
        String rest = text.substring(after, to);
        String lead;
        if (!unit.equals("count")) {
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
            case "up to", "at most", "no more than", "as many as", "as much as", "within" -> Found.Bound.AT_MOST;
            case "longer than" -> Found.Bound.MORE_THAN;
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
