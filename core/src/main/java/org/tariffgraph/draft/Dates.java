package org.tariffgraph.draft;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates with their honest precision: "April 2, 2025" and "April 2" to the day, "March 2025"
 * and "in December" to the month, "in 2024" and "last year" to the year, "on Tuesday" to the
 * day. What the words leave open (the year of "December", the date of "Tuesday") is resolved
 * against the publication date, and the resolution says so. A time given only relative to
 * something else ("a month later", "a month after the election") is kept as words, never
 * turned into a date.
 */
final class Dates {

    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
    private static final Pattern MONTH_DATE = Pattern.compile("\\b(?<month>" + MONTHS + ")(?:\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?)?(?:,?\\s+(?<year>(?:19|20)\\d{2}))?\\b");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d,.$])\\b(?<year>(?:19|20)\\d{2})\\b(?![\\d%]|\\s*(?:percent|per cent))");
    private static final Pattern NAMED_YEAR = Pattern.compile("\\b(?<which>last|this|next)\\s+year\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMED_MONTH = Pattern.compile("\\b(?<which>last|this|next)\\s+month\\b", Pattern.CASE_INSENSITIVE);
    /** Words after which "May" is the month: "in May", "its May order", "since May". */
    private static final Pattern MONTH_BEFORE = Pattern.compile("\\b(?:in|by|since|until|from|of|on|its|their|his|her|our|the|last|next|this|early|late|mid|through|before|after)\\s+$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKDAY = Pattern.compile("\\bon\\s+(?<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b");
    private static final Pattern RELATIVE = Pattern.compile(
            "\\b(?:(?:a|an|one|two|three|four|five|six|several|\\d+)\\s+(?:days?|weeks?|months?|years?)\\s+(?:later|earlier|before|after(?:\\s+[^,.;:“”\"]{1,60})?)"
                    + "|the\\s+(?:following|previous|next)\\s+(?:day|week|month|year)|the\\s+(?:day|week|month|year)\\s+(?:before|after)"
                    + "|(?:soon|right|shortly|just)\\s+(?:after|followed)(?:\\s+[^,.;:“”\"]{1,60})?)",
            Pattern.CASE_INSENSITIVE);

    private Dates() {}

    record Result(List<Found.Date> dates, List<Found.Relative> relatives) {}

    static Result find(Story story, LocalDate published) {
        List<Found.Date> dates = new ArrayList<>();
        List<Found.Relative> relatives = new ArrayList<>();
        for (int[] sentence : story.sentences) {
            int from = sentence[0];
            int to = sentence[1];
            List<int[]> taken = new ArrayList<>();
            Matcher m = MONTH_DATE.matcher(story.text).region(from, to);
            while (m.find()) {
                Month month = Month.valueOf(m.group("month").toUpperCase(Locale.ROOT));
                String day = m.group("day");
                String year = m.group("year");
                if (m.group("month").equals("May") && day == null && year == null && !MONTH_BEFORE.matcher(story.text.substring(from, m.start())).find()) {
                    // "May" alone is the modal verb unless a word that goes before a month's name precedes it.
                    continue;
                }
                Found.Date date;
                if (day != null && year != null) {
                    date = new Found.Date(LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day)).toString(), Found.Precision.DAY,
                            m.start(), m.end(), null, from, to, "month-day-year");
                } else if (day != null) {
                    LocalDate resolved = latestNotAfter(published, month, Integer.parseInt(day));
                    date = new Found.Date(resolved.toString(), Found.Precision.DAY, m.start(), m.end(),
                            "The text gives the day and month only; the year is the latest that puts the date on or before the publication date, "
                                    + published + ".", from, to, "month-day");
                } else if (year != null) {
                    date = new Found.Date(YearMonth.of(Integer.parseInt(year), month).toString(), Found.Precision.MONTH, m.start(), m.end(),
                            null, from, to, "month-year");
                } else {
                    YearMonth resolved = latestMonthNotAfter(published, month);
                    date = new Found.Date(resolved.toString(), Found.Precision.MONTH, m.start(), m.end(),
                            "The text gives the month only; the year is the latest that puts the month on or before the publication date, "
                                    + published + ". The day is not known.", from, to, "month");
                }
                dates.add(date);
                taken.add(new int[] {m.start(), m.end()});
            }
            Matcher y = YEAR.matcher(story.text).region(from, to);
            while (y.find()) {
                if (!overlaps(taken, y.start(), y.end())) {
                    dates.add(new Found.Date(y.group("year"), Found.Precision.YEAR, y.start(), y.end(), null, from, to, "year"));
                    taken.add(new int[] {y.start(), y.end()});
                }
            }
            Matcher n = NAMED_YEAR.matcher(story.text).region(from, to);
            while (n.find()) {
                String which = n.group("which").toLowerCase(Locale.ROOT);
                int year = published.getYear() + (which.equals("last") ? -1 : which.equals("next") ? 1 : 0);
                dates.add(new Found.Date(Integer.toString(year), Found.Precision.YEAR, n.start(), n.end(),
                        "\"" + n.group() + "\" read from the publication date, " + published + ".", from, to, "named-year"));
            }
            Matcher nm = NAMED_MONTH.matcher(story.text).region(from, to);
            while (nm.find()) {
                String which = nm.group("which").toLowerCase(Locale.ROOT);
                YearMonth month = YearMonth.from(published).plusMonths(which.equals("last") ? -1 : which.equals("next") ? 1 : 0);
                dates.add(new Found.Date(month.toString(), Found.Precision.MONTH, nm.start(), nm.end(),
                        "\"" + nm.group() + "\" read from the publication date, " + published + ".", from, to, "named-month"));
            }
            Matcher w = WEEKDAY.matcher(story.text).region(from, to);
            while (w.find()) {
                DayOfWeek day = DayOfWeek.valueOf(w.group("day").toUpperCase(Locale.ROOT));
                LocalDate resolved = published.minusDays(1);
                while (resolved.getDayOfWeek() != day) {
                    resolved = resolved.minusDays(1);
                }
                dates.add(new Found.Date(resolved.toString(), Found.Precision.DAY, w.start("day"), w.end("day"),
                        "The text gives the weekday only; it is taken as the last " + day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                                + " before the publication date, " + published + ".", from, to, "weekday"));
            }
            Matcher r = RELATIVE.matcher(story.text).region(from, to);
            while (r.find()) {
                relatives.add(new Found.Relative(r.start(), r.end(), from, to, "relative-time"));
            }
        }
        dates.sort(java.util.Comparator.comparingInt(Found.Date::start));
        return new Result(dates, relatives);
    }

    private static LocalDate latestNotAfter(LocalDate published, Month month, int day) {
        LocalDate candidate = LocalDate.of(published.getYear(), month, Math.min(day, month.length(true)));
        return candidate.isAfter(published) ? candidate.minusYears(1) : candidate;
    }

    private static YearMonth latestMonthNotAfter(LocalDate published, Month month) {
        YearMonth candidate = YearMonth.of(published.getYear(), month);
        return candidate.isAfter(YearMonth.from(published)) ? candidate.minusYears(1) : candidate;
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
        return taken.stream().anyMatch(t -> start < t[1] && t[0] < end);
    }
}
