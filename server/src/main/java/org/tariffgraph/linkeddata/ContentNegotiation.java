package org.tariffgraph.linkeddata;

import java.util.List;
import java.util.Locale;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;

/** The choice of a media type by a client's {@code Accept} header (RFC 9110). */
public final class ContentNegotiation {

    private ContentNegotiation() {}

    /**
     * The best of {@code offers} for an Accept header: the highest quality the header gives
     * it through its most specific matching range; ties go to the earlier offer. No header,
     * or one that cannot be read, accepts the first offer.
     *
     * @return the choice, or null when the header accepts none of the offers (406)
     */
    public static String choose(String accept, List<String> offers) {
        if (accept == null || accept.isBlank()) {
            return offers.get(0);
        }
        List<MediaRange> ranges;
        try {
            ranges = new AcceptList(accept).entries();
        } catch (RuntimeException e) {
            return offers.get(0);
        }
        String best = null;
        double bestQ = 0;
        for (String offer : offers) {
            double q = quality(ranges, offer);
            if (q > bestQ) {
                best = offer;
                bestQ = q;
            }
        }
        return best;
    }

    /** The quality the most specific matching range gives a media type; 0 when none matches. */
    private static double quality(List<MediaRange> ranges, String mediaType) {
        String[] parts = mediaType.split("/");
        int bestSpecificity = -1;
        double q = 0;
        for (MediaRange range : ranges) {
            String type = range.getType().toLowerCase(Locale.ROOT);
            String subType = range.getSubType() == null ? "*" : range.getSubType().toLowerCase(Locale.ROOT);
            int specificity;
            if (type.equals(parts[0]) && subType.equals(parts[1])) {
                specificity = 2;
            } else if (type.equals(parts[0]) && subType.equals("*")) {
                specificity = 1;
            } else if (type.equals("*") && subType.equals("*")) {
                specificity = 0;
            } else {
                continue;
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                q = range.get_q();
            }
        }
        return q;
    }
}
