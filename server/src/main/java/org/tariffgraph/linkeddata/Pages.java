package org.tariffgraph.linkeddata;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the HTML pages from the templates under {@code src/main/jte}, compiled with the
 * server's classes. The templates escape every value they write, by the context it is
 * written in (text, attribute).
 */
final class Pages {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Pages.class.getClassLoader(), Pages.class.getPackageName());

    private Pages() {}

    /** The page of a template, such as {@code entity.jte}, for its one parameter. */
    static String render(String template, Object page) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, page, out);
        return out.toString();
    }
}
