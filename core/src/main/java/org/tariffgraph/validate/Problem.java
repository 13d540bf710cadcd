package org.tariffgraph.validate;

/**
 * One thing wrong with the graph.
 *
 * @param check   which check found it, such as {@code shapes} or {@code evidence}
 * @param node    the node at fault, as an IRI or a file name; empty when none applies
 * @param message what is wrong, in words a curator can act on
 */
public record Problem(String check, String node, String message) {

    @Override
    public String toString() {
        return node.isEmpty() ? "[" + check + "] " + message : "[" + check + "] <" + node + ">: " + message;
    }
}
