package org.tariffgraph.linkeddata;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDFS;
import org.tariffgraph.vocab.TG;

/** Small helpers for the HTML pages: escaping, links to local pages, the page frame. */
final class Html {

    /** The project's IRI root without its last slash: an IRI is this followed by its path on the server. */
    static final String LOCAL_ROOT = TG.BASE.substring(0, TG.BASE.length() - 1);

    private Html() {}

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Where a link to an IRI goes: its page on this server for the project's IRIs, the IRI
     * itself for an http or https IRI, and nowhere (null) for any other scheme, such as
     * {@code javascript:}, which must never become a link.
     */
    static String href(String iri) {
        if (iri.startsWith(TG.BASE)) {
            return iri.substring(LOCAL_ROOT.length());
        }
        String lower = iri.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? iri : null;
    }

    /** An anchor to an IRI with the given text, or the text alone when the IRI is not a safe link. */
    static String anchor(String iri, String text) {
        String href = href(iri);
        return href == null ? escape(text) : "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }

    /** A link to a node, shown by its label where the graph has one, else by its short form. */
    static String link(Node node, Graph labels, PrefixMapping prefixes) {
        if (!node.isURI()) {
            return value(node, prefixes);
        }
        String text = label(node, labels).orElseGet(() -> prefixes.shortForm(node.getURI()));
        return anchor(node.getURI(), text);
    }

    /** A value: a link for an IRI, the text with its language or datatype for a literal. */
    static String value(Node node, PrefixMapping prefixes) {
        if (node.isURI()) {
            return anchor(node.getURI(), prefixes.shortForm(node.getURI()));
        }
        if (node.isLiteral()) {
            String lang = node.getLiteralLanguage();
            String type = node.getLiteralDatatypeURI();
            String note = !lang.isEmpty() ? " <span class=\"note\">@" + escape(lang) + "</span>"
                    : type != null && !type.endsWith("#string") ? " <span class=\"note\">" + escape(prefixes.shortForm(type)) + "</span>" : "";
            return escape(node.getLiteralLexicalForm()) + note;
        }
        return "<span class=\"note\">(blank node)</span>";
    }

    static Optional<String> label(Node node, Graph labels) {
        Iterator<org.apache.jena.graph.Triple> it = labels.find(node, RDFS.label.asNode(), Node.ANY);
        List<String> found = new java.util.ArrayList<>();
        it.forEachRemaining(t -> {
            if (t.getObject().isLiteral()) {
                found.add(t.getObject().getLiteralLexicalForm());
            }
        });
        return found.stream().min(Comparator.naturalOrder());
    }

    /** A complete page; {@code sparqlPath} is the endpoint the navigation links to. */
    static String page(String title, String sparqlPath, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                body { font-family: system-ui, sans-serif; max-width: 70em; margin: 1em auto; padding: 0 1em; line-height: 1.45; }
                table { border-collapse: collapse; width: 100%%; margin: .5em 0 1.5em; }
                th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #ddd; padding: .3em .5em; }
                code, .iri { font-family: ui-monospace, monospace; font-size: .9em; word-break: break-all; }
                .note { color: #666; font-size: .85em; }
                blockquote { margin: .3em 0; padding: .2em .8em; border-left: 3px solid #999; background: #f6f6f6; }
                nav a { margin-right: 1em; }
                </style>
                </head>
                <body>
                <nav><a href="/">tariffgraph</a><a href="/ontology">ontology</a><a href="/dataset">dataset</a><a href="%s">SPARQL endpoint</a></nav>
                %s
                </body>
                </html>
                """.formatted(escape(title), escape(sparqlPath), body);
    }
}
