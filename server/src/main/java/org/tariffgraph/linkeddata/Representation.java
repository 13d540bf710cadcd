package org.tariffgraph.linkeddata;

import java.util.List;

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
        String chosen = ContentNegotiation.choose(accept, offers.stream().map(r -> r.mediaType).toList());
        return chosen == null ? null : offers.stream().filter(r -> r.mediaType.equals(chosen)).findFirst().orElseThrow();
    }

}
