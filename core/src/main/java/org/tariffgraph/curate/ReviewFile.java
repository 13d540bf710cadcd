package org.tariffgraph.curate;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.tariffgraph.vocab.TG;

/**
 * Reads the lines of a review file into decisions. Each IRI, property and value is read by
 * Jena's Turtle parser with the TriG file's prefixes, so that a term means in a review
 * exactly what it means in the file.
 */
final class ReviewFile {

    private static final Node SUBJECT = Terms.uri("urn:tariffgraph:review-subject");
    private static final Node PROPERTY = Terms.uri("urn:tariffgraph:review-property");
    private static final Node OBJECT = Terms.uri("urn:tariffgraph:review-object");
    /** The base a relative IRI is resolved against, so that it can be told and refused. */
    private static final String RELATIVE = "http://relative.invalid/";
    private static final String FORMS = "a line is \"accept IRI\", \"reject IRI\", \"correct IRI PROPERTY VALUE\", "
            + "\"accept-all\", or a # comment";

    private ReviewFile() {}

    /** A line that cannot be read, with why. */
    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /**
     * The decisions of a review file's text, in order.
     *
     * @throws CurationException naming the line of every malformed line
     */
    static List<Decision> parse(String text, PrefixMap prefixes) {
        List<String> problems = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            try {
                decisions.add(decision(i + 1, trimmed, prefixes));
            } catch (Malformed e) {
                problems.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new CurationException(problems);
        }
        return decisions;
    }

    private static Decision decision(int line, String text, PrefixMap prefixes) throws Malformed {
        String[] words = text.split("\\s+", 2);
        String rest = words.length > 1 ? words[1] : "";
        for (Decision.Kind kind : Decision.Kind.values()) {
            if (!kind.word.equals(words[0])) {
                continue;
            }
            return switch (kind) {
                case ACCEPT_ALL -> {
                    if (!isComment(rest)) {
                        throw new Malformed("accept-all takes nothing after it, found \"" + rest + "\"");
                    }
                    yield new Decision(line, kind, null, null, null);
                }
                case ACCEPT, REJECT -> {
                    String[] parts = rest.split("\\s+", 2);
                    if (isComment(rest)) {
                        throw new Malformed(kind.word + " needs the IRI of a drafted fact or candidate entity");
                    }
                    if (parts.length > 1 && !isComment(parts[1])) {
                        throw new Malformed(kind.word + " takes one IRI, found more after it: \"" + parts[1] + "\"");
                    }
                    yield new Decision(line, kind, iri(parts[0], prefixes), null, null);
                }
                case CORRECT -> {
                    String[] parts = rest.split("\\s+", 3);
                    if (parts.length < 3 || isComment(parts[0]) || isComment(parts[1]) || isComment(parts[2])) {
                        throw new Malformed("correct needs an IRI, a property and a value: correct IRI PROPERTY VALUE");
                    }
                    Node subject = iri(parts[0], prefixes);
                    Node property = parts[1].equals("a") ? RDF.type.asNode() : iri(parts[1], prefixes);
                    if (property.equals(TG.reviewStatus) || property.equals(TG.reviewedBy)) {
                        throw new Malformed("the review status and reviewer are set by the decision itself; "
                                + "write accept or reject instead of correcting " + Terms.name(property));
                    }
                    yield new Decision(line, kind, subject, property, value(parts[2], prefixes));
                }
            };
        }
        throw new Malformed("unknown decision \"" + words[0] + "\"; " + FORMS);
    }

    private static boolean isComment(String rest) {
        return rest.isEmpty() || rest.startsWith("#");
    }

    /** An IRI written in angle brackets or as a prefixed name of the file's prefixes. */
    private static Node iri(String token, PrefixMap prefixes) throws Malformed {
        if (!token.startsWith("<")) {
            int colon = token.indexOf(':');
            if (colon < 0) {
                throw new Malformed("\"" + token + "\" is not an IRI: write it in full in angle brackets, or as a prefixed name such as claim:c0-57");
            }
            String prefix = token.substring(0, colon);
            if (!prefixes.containsPrefix(prefix)) {
                throw new Malformed("unknown prefix \"" + prefix + ":\" in " + token + "; the TriG file declares "
                        + String.join(", ", new TreeSet<>(prefixes.getMapping().keySet())));
            }
        }
        Triple parsed = parseOne(token + " " + Terms.name(PROPERTY) + " " + Terms.name(OBJECT) + " .", prefixes,
                "\"" + token + "\" is not an IRI");
        Node iri = parsed.getSubject();
        if (!iri.isURI()) {
            throw new Malformed("\"" + token + "\" is not an IRI");
        }
        checkAbsolute(iri, token);
        return iri;
    }

    /** A Turtle term: a string (with a language or datatype), a number, a boolean, or an IRI. */
    private static Node value(String text, PrefixMap prefixes) throws Malformed {
        Node value = parseOne(Terms.name(SUBJECT) + " " + Terms.name(PROPERTY) + " " + text + "\n.", prefixes,
                "the value " + text + " is not one Turtle term (a quoted string, a number, or an IRI or prefixed name)").getObject();
        if (value.isBlank()) {
            throw new Malformed("the value " + text + " is a blank node; give a quoted string, a number, or an IRI or prefixed name");
        }
        if (value.isURI()) {
            checkAbsolute(value, text);
        }
        return value;
    }

    private static void checkAbsolute(Node iri, String written) throws Malformed {
        if (iri.getURI().startsWith(RELATIVE)) {
            throw new Malformed(written + " is a relative IRI; write the IRI in full or as a prefixed name");
        }
    }

    /** The one triple a line of Turtle holds. */
    private static Triple parseOne(String turtle, PrefixMap prefixes, String what) throws Malformed {
        Graph graph = GraphFactory.createDefaultGraph();
        try {
            RDFParser.fromString(turtle, Lang.TURTLE).base(RELATIVE).prefixes(prefixes).errorHandler(STRICT).parse(graph);
        } catch (RiotException e) {
            // The line is given to the parser with a line break after it, so that a comment ends there.
            String why = e.getMessage().contains("newline in string") ? "a quoted string is not closed" : e.getMessage();
            throw new Malformed(what + " (" + why + ")");
        }
        List<Triple> triples = graph.find().toList();
        if (triples.size() != 1) {
            throw new Malformed(what + ": it holds " + triples.size() + " terms; give one a line");
        }
        return triples.get(0);
    }

    /** Turns the parser's warnings into errors, and keeps its messages free of the positions in the line it was given. */
    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(String message, long line, long col) {
            throw new RiotException(message);
        }

        @Override
        public void error(String message, long line, long col) {
            throw new RiotException(message);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new RiotException(message);
        }
    };
}
