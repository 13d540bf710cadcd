package org.tariffgraph.linkeddata;

import java.util.List;
import java.util.Locale;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.riot.RDFFormat;

/**
 * The formats a resource can be served in, and the choice among them by the client's
 * {@code Accept} header (RFC 9110 content negotiation).
 */
enum Representation {
    TURTLE("text/turtle", RDFFormat.TURTLE_PRETTY),
    JSONLD("application/ld+json", null),
    NTRIPLES("application/n-triples", RDFFormat.NTRIPLES),
    RDFXML("application/rdf+xml", RDFFormat.RDFXML_PRETTY),
    HTML("text/html", null);

    final String mediaType;
    final RDFFormat rdfFormat;

    Representation(String mediaType, RDFFormat rdfFormat) {
        this.mediaType = mediaType;
        this.rdfFormat = rdfFormat;
    }

    boolean isRdf() {
        return this != HTML;
    }

    /** The formats of a described resource, in the server's order of preference for {@code *}{@code /*}. */
    static final List<Representation> ALL = List.of(TURTLE, JSONLD, NTRIPLES, RDFXML, HTML);

    /**
     * The best of {@code offers} for an Accept header: the highest quality the header gives
     * it through its most specific matching range; ties go to the earlier offer. No header
     * means anything is acceptable.
     *
     * @return the choice, or null when the header accepts none of the offers (406)
     */
    static Representation choose(String accept, List<Representation> offers) {
        if (accept == null || accept.isBlank()) {
            return offers.get(0);
        }
        List<MediaRange> ranges;
        try {
            ranges = new AcceptList(accept).entries();
        } catch (RuntimeException e) {
            return offers.get(0);
        }
        Representation best = null;
        double bestQ = 0;
        for (Representation offer : offers) {
            double q = quality(ranges, offer.mediaType);
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
