package org.tariffgraph.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * When two renderings of quoted words are the same words: the same after their marks, case,
 * dashes and white space are made alike, or one holding the other where the shorter is at
 * least four fifths of the longer (one outlet drops a closing comma or a short tail). The
 * alignment of reports and the measure of drafts both compare quotations so.
 *
 * <pre>{@code
 * Quotations.sameWords("“The rationale is to reduce the cost,”", "the rationale is to reduce the cost") // true
 * }</pre>
 */
public final class Quotations {

    private Quotations() {}

    /** The words made comparable: NFC, lower case, straight quotation marks and dashes, single spaces, no marks or stops at the ends. */
    public static String normal(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"').replace('—', '-').replace('–', '-')
                .replaceAll("\\s+", " ").strip();
        return n.replaceAll("^[\"'\\s]+|[\"'\\s,.;:!?]+$", "");
    }

    /** The same words, or one holding the other where the shorter is at least four fifths of the longer. */
    public static boolean sameWords(String a, String b) {
        String x = normal(a);
        String y = normal(b);
        if (x.equals(y)) {
            return true;
        }
        String shorter = x.length() <= y.length() ? x : y;
        String longer = x.length() <= y.length() ? y : x;
        return !shorter.isEmpty() && longer.contains(shorter) && shorter.length() * 5 >= longer.length() * 4;
    }
}
