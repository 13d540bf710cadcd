package org.tariffgraph.align;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The values a stated number with its bound allows: "more than 90" is (90, ∞), "at most 25"
 * is (-∞, 25], "about 95" is [92.625, 97.375] (two and a half percent either way), a number stated
 * exactly is that number alone. Two statements agree when their intervals meet.
 */
record Interval(BigDecimal low, boolean lowOpen, BigDecimal high, boolean highOpen) {

    /** How far "about" reaches either side, as a share of the number. */
    static final BigDecimal ABOUT = new BigDecimal("0.025");

    /** The interval of a number and its bound, by the local name of the bound type. */
    static Interval of(BigDecimal value, String bound) {
        return switch (bound) {
            case "MoreThan" -> new Interval(value, true, null, false);
            case "AtLeast" -> new Interval(value, false, null, false);
            case "LessThan" -> new Interval(null, false, value, true);
            case "AtMost" -> new Interval(null, false, value, false);
            case "Approximately", "About" -> {
                BigDecimal reach = value.abs().multiply(ABOUT, MathContext.DECIMAL64);
                yield new Interval(value.subtract(reach), false, value.add(reach), false);
            }
            default -> new Interval(value, false, value, false);
        };
    }

    /** Whether some value lies in both intervals. */
    boolean meets(Interval other) {
        return below(low, lowOpen, other.high, other.highOpen) && below(other.low, other.lowOpen, high, highOpen);
    }

    /** Whether a lower end lies below an upper end, open ends excluded. */
    private static boolean below(BigDecimal low, boolean lowOpen, BigDecimal high, boolean highOpen) {
        if (low == null || high == null) {
            return true;
        }
        int c = low.compareTo(high);
        return c < 0 || (c == 0 && !lowOpen && !highOpen);
    }
}
