package org.tariffgraph.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

/** Reads a positive duration: seconds ("10", "2.5"), a number with a unit ("500ms", "10s", "2m", "1h"), or ISO-8601 ("PT10S"). */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        Duration d;
        Matcher m = AMOUNT.matcher(v);
        if (m.matches()) {
            BigDecimal amount = new BigDecimal(m.group(1));
            long unitMillis = switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> 1;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 1_000;
            };
            d = Duration.ofMillis(amount.multiply(BigDecimal.valueOf(unitMillis)).longValue());
        } else {
            try {
                d = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration: give seconds (10), or a number with ms, s, m or h (500ms, 2m)");
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a positive duration");
        }
        return d;
    }
}
