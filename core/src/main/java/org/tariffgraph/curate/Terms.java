package org.tariffgraph.curate;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The RDF terms curation writes, and how it names nodes and words in its messages. */
final class Terms {

    private Terms() {}

    static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    static Node str(String text) {
        return NodeFactory.createLiteralString(text);
    }

    static Node en(String text) {
        return NodeFactory.createLiteralLang(text, "en");
    }

    static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    /** The number an {@code xsd:integer} literal holds, or null for any other node. */
    static Integer integerOf(Node node) {
        if (node == null || !node.isLiteral() || !XSDDatatype.XSDinteger.getURI().equals(node.getLiteralDatatypeURI())) {
            return null;
        }
        try {
            return Integer.valueOf(node.getLiteralLexicalForm().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The text of a literal, or null for any other node. */
    static String textOf(Node node) {
        return node != null && node.isLiteral() ? node.getLiteralLexicalForm() : null;
    }

    /** A node's IRI, or its label when it is a blank node, for results. */
    static String iri(Node node) {
        return node.isURI() ? node.getURI() : node.toString();
    }

    /** A node as a message names it: an IRI in angle brackets, a literal in Turtle's form. */
    static String name(Node node) {
        return node.isURI() ? "<" + node.getURI() + ">" : node.toString();
    }

    /** Words on one line, cut short after 60 characters, for a message. */
    static String abbreviate(String words) {
        String oneLine = words.replace("\n", "\\n");
        return oneLine.codePointCount(0, oneLine.length()) <= 60 ? oneLine
                : oneLine.substring(0, oneLine.offsetByCodePoints(0, 57)) + "...";
    }

    /** Words as the label of a drafted fact: white space made single, at most 100 characters. */
    static String label(String words) {
        String one = words.replaceAll("\\s+", " ").strip();
        return one.length() <= 100 ? one : one.substring(0, 97) + "...";
    }

    /** Whether a code point is white space, which coverage by evidence leaves out, as the evidence check does. */
    static boolean isBlank(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
