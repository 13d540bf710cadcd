package org.tariffgraph.curate;

import org.apache.jena.graph.Node;

/**
 * One decision of a review file.
 *
 * @param line     its line number, from 1
 * @param kind     what to do
 * @param subject  the fact or candidate entity decided on; null for {@link Kind#ACCEPT_ALL}
 * @param property the property a correction replaces; null for any other kind
 * @param value    the value a correction sets; null for any other kind
 */
record Decision(int line, Kind kind, Node subject, Node property, Node value) {

    enum Kind {
        ACCEPT("accept"), REJECT("reject"), CORRECT("correct"), ACCEPT_ALL("accept-all");

        /** The word that starts the line. */
        final String word;

        Kind(String word) {
            this.word = word;
        }
    }
}
