package org.tariffgraph.draft;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a report's text does not say about itself: where it was published, by whom, when,
 * and its title (by default, its first line).
 *
 * @param url       the address of the report, an absolute http or https IRI
 * @param publisher the name of the publisher, as a known organisation's label or a new one
 * @param published the publication date, against which dates the text gives without a year are read
 * @param title     the headline
 */
public record ReportMetadata(String url, String publisher, LocalDate published, String title) {

    /** @throws IllegalArgumentException naming the field that is missing or not usable */
    public ReportMetadata {
        Objects.requireNonNull(published, "published");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the report needs its address (url)");
        }
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("the report's address must be an absolute http or https URL, not " + url);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the report's address is not a URL: " + url, e);
        }
        if (publisher == null || publisher.isBlank()) {
            throw new IllegalArgumentException("the report needs its publisher");
        }
        if (title != null && title.isBlank()) {
            title = null;
        }
    }
}
