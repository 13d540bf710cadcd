package org.tariffgraph.query;

import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * What an item of an answer takes in memory, estimated without measuring the heap: two bytes
 * a character (the most a Java string takes), and a fixed cost per object. A term the answer
 * shares with the dataset is counted as if it were its own, so the estimate errs high.
 */
final class AnswerSize {

    private static final long OBJECT = 16;
    private static final long REFERENCE = 8;
    private static final long TERM = 48;

    private AnswerSize() {}

    static long of(Binding row, List<Var> vars) {
        long size = OBJECT + REFERENCE * vars.size();
        for (Var var : vars) {
            size += of(row.get(var));
        }
        return size;
    }

    static long of(Triple triple) {
        return OBJECT + of(triple.getSubject()) + of(triple.getPredicate()) + of(triple.getObject());
    }

    static long of(Quad quad) {
        return OBJECT + of(quad.getGraph()) + of(quad.getSubject()) + of(quad.getPredicate()) + of(quad.getObject());
    }

    static long of(JsonObject item) {
        return OBJECT + 2L * JSON.toStringFlat(item).length();
    }

    static long of(Node node) {
        if (node == null) {
            return 0;
        }
        if (node.isURI()) {
            return TERM + 2L * node.getURI().length();
        }
        if (node.isLiteral()) {
            return TERM + 2L * (node.getLiteralLexicalForm().length() + node.getLiteralLanguage().length());
        }
        if (node.isTripleTerm()) {
            return TERM + of(node.getTriple());
        }
        return TERM;
    }
}
