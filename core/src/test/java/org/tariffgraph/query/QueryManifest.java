package org.tariffgraph.query;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.graph.GNode;
import org.apache.jena.sparql.util.graph.GraphList;

/** The catalogue's W3C test manifest, read as the tests that run its queries need it. */
public final class QueryManifest {

    private static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    private static final String QT = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";

    private QueryManifest() {}

    /** Each entry's name, with its query file and its expected answer's file, in name order. */
    public static Map<String, Path[]> read(Path file) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(file).parse(g);
        Node root = g.find(null, NodeFactory.createURI(MF + "entries"), null).next().getObject();
        Map<String, Path[]> entries = new TreeMap<>();
        for (Node entry : GraphList.members(new GNode(g, root))) {
            String name = one(g, entry, MF + "name").getLiteralLexicalForm();
            Node action = one(g, entry, MF + "action");
            Path query = Path.of(URI.create(one(g, action, QT + "query").getURI()));
            Path result = Path.of(URI.create(one(g, entry, MF + "result").getURI()));
            entries.put(name, new Path[] {query, result});
        }
        return entries;
    }

    private static Node one(Graph g, Node subject, String property) {
        var it = g.find(subject, NodeFactory.createURI(property), null);
        assertTrue(it.hasNext(), "manifest entry " + subject + " lacks " + property);
        return it.next().getObject();
    }
}
