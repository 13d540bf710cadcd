package org.tariffgraph.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a report into page segments, one per block of non-blank lines, and tells the story
 * from what surrounds it by the usual shapes of page furniture: "By NAME" bylines, "CITY,
 * date" datelines, "Related:" and "Read more:" links, share buttons, and advertisements
 * (newsletters, subscriptions, "sponsored", calls to sign up), including an advertisement's
 * closing paragraphs that speak to the reader.
 */
final class Segmenter {

    private static final Pattern BYLINE = Pattern.compile("^(By|BY|(?:Posted|Written|Words|Reporting|Story) by)\\s+\\p{Lu}[\\p{L}.’'\\-]+(\\s+(\\p{Lu}[\\p{L}.’'\\-]+|and|&))*(,\\s*[\\p{L} ]+)?"
            + "(\\s*[·•|]\\s*[\\p{L}\\d ,:]+)*$");
    /** A wire service's credits at the end of a story: "(Reporting by NAME; Editing by NAME)". */
    private static final Pattern CREDITS = Pattern.compile("^\\((?:Additional )?(?:Reporting|Writing|Editing|Compiled|Produced) by\\b[^()]*\\)$",
            Pattern.CASE_INSENSITIVE);
    /** A dateline that opens a paragraph, with its service: "SHANGHAI, July 2 (Meridian Wire) - ". */
    private static final Pattern INLINE_DATELINE = Pattern.compile(
            "^\\p{Lu}{2}[\\p{Lu} .’'\\-]*(?:(?:,\\s*[\\p{L}\\d .]{1,25}?){1,2}(?:\\s*\\([^()]{1,40}\\))?|\\s*\\([^()]{1,40}\\))\\s+[-—–]+(?=\\s+\\S)");
    /** Counters and reading times that stand alone: "6 min read", "Leave a comment · 14 replies". */
    private static final Pattern COUNTERS = Pattern.compile(
            "^(?:(?:Leave a (?:comment|reply)|\\d[\\d,]*\\s+(?:min(?:ute)?s?\\s+read|comments?|replies|responses|shares|likes|views))\\s*[·•|]?\\s*)+$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATELINE = Pattern.compile("^\\p{Lu}[\\p{Lu} .’'\\-]+(,\\s*[\\p{L}\\d .]+){0,2}(\\s*[-—–]+)?$");
    private static final Pattern NAVIGATION = Pattern.compile(
            "^(Related( story| stories| article| coverage)?|Read (more|next|also)|See also|Also read|More( on this)?|Watch|Listen|Recommended|Trending|Latest)\\s*[:—–-].*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SHARE = Pattern.compile("^(Share|Share this( article| story)?|Follow us.*|Print|Email|Tweet|Comments?( \\(\\d+\\))?)\\.?$"
            + "|^(Share|Share this( article| story)?|Share on \\p{L}+)\\s*[:·•|]?\\s*[\\p{L}/ ]*(\\s*[·•|]\\s*[\\p{L}/ ]+)*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADVERTISEMENT = Pattern.compile(
            "\\b(subscribe|subscription|newsletter|sign up|sign-up|sponsored|advertisement|in your inbox|free trial|start your|boost your|"
                    + "support (local|independent) (news|journalism)|download (our|the) app|promo code|limited[- ]time offer)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern READER = Pattern.compile("\\b(you|your|you’re|you're)\\b", Pattern.CASE_INSENSITIVE);

    private Segmenter() {}

    static List<Segment> segments(String text) {
        List<int[]> blocks = blocks(text);
        List<Segment> segments = new ArrayList<>();
        boolean headlineSeen = false;
        boolean inAdvertisement = false;
        for (int[] block : blocks) {
            String words = text.substring(block[0], block[1]).strip();
            Segment.Kind kind;
            if (!headlineSeen) {
                kind = Segment.Kind.HEADLINE;
                headlineSeen = true;
            } else if (NAVIGATION.matcher(words).matches()) {
                kind = Segment.Kind.NAVIGATION;
            } else if (SHARE.matcher(words).matches() || COUNTERS.matcher(words).matches()) {
                kind = Segment.Kind.NAVIGATION;
            } else if (ADVERTISEMENT.matcher(words).find() && !hasQuote(words)) {
                kind = Segment.Kind.ADVERTISEMENT;
            } else if (inAdvertisement && READER.matcher(words).find() && !hasQuote(words)) {
                kind = Segment.Kind.ADVERTISEMENT;
            } else if ((BYLINE.matcher(words).matches() && words.split("\\s+").length <= 14) || CREDITS.matcher(words).matches()) {
                kind = Segment.Kind.BYLINE;
            } else if (isDateline(words)) {
                kind = Segment.Kind.DATELINE;
            } else if (isHeading(words)) {
                kind = Segment.Kind.SECTION_HEADING;
            } else {
                kind = Segment.Kind.PARAGRAPH;
            }
            inAdvertisement = kind == Segment.Kind.ADVERTISEMENT;
            java.util.regex.Matcher dateline = INLINE_DATELINE.matcher(words);
            if (kind == Segment.Kind.PARAGRAPH && dateline.lookingAt()) {
                // The dateline is furniture, the rest of the paragraph story.
                int storyStart = block[0] + dateline.end();
                while (storyStart < block[1] && isSpace(text.charAt(storyStart))) {
                    storyStart++;
                }
                segments.add(new Segment(Segment.Kind.DATELINE, block[0], block[0] + dateline.end()));
                segments.add(new Segment(kind, storyStart, block[1]));
                continue;
            }
            segments.add(new Segment(kind, block[0], block[1]));
        }
        return segments;
    }

    /** Maximal runs of non-blank lines, trimmed of white space at both ends. */
    private static List<int[]> blocks(String text) {
        List<int[]> blocks = new ArrayList<>();
        int at = 0;
        int start = -1;
        int end = -1;
        while (at <= text.length()) {
            int lineEnd = text.indexOf('\n', at);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(at, lineEnd);
            if (line.isBlank()) {
                if (start >= 0) {
                    blocks.add(new int[] {start, end});
                    start = -1;
                }
            } else {
                int lead = 0;
                while (lead < line.length() && isSpace(line.charAt(lead))) {
                    lead++;
                }
                int trail = line.length();
                while (trail > 0 && isSpace(line.charAt(trail - 1))) {
                    trail--;
                }
                if (start < 0) {
                    start = at + lead;
                }
                end = at + trail;
            }
            at = lineEnd + 1;
        }
        if (start >= 0) {
            blocks.add(new int[] {start, end});
        }
        return blocks;
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    private static boolean hasQuote(String words) {
        return words.indexOf('“') >= 0 || words.indexOf('"') >= 0;
    }

    /** "SINGAPORE, June 20", "PLAINVIEW, Texas": a place in capitals, perhaps with a region and a date. */
    private static boolean isDateline(String words) {
        if (words.length() > 60 || words.endsWith(".")) {
            return false;
        }
        String first = words.split(",")[0].strip();
        return first.length() >= 3 && first.equals(first.toUpperCase(Locale.ROOT)) && first.chars().anyMatch(Character::isLetter)
                && DATELINE.matcher(words).matches();
    }

    /** A short line without closing punctuation, most of its words capitalised: a heading. */
    private static boolean isHeading(String words) {
        String[] tokens = words.split("\\s+");
        if (tokens.length > 12 || words.matches(".*[.?!:;,”\"’]$")) {
            return false;
        }
        long capitalised = java.util.Arrays.stream(tokens).filter(t -> !t.isEmpty() && Character.isUpperCase(t.charAt(0))).count();
        return capitalised * 2 >= tokens.length;
    }
}
