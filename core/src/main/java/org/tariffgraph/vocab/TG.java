package org.tariffgraph.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The IRIs of the tariffgraph project and the ontology terms the code needs by name.
 * Constants for terms are named exactly by the term's local name.
 */
public final class TG {

    private TG() {}

    /** The root of every IRI minted by the project. */
    public static final String BASE = "https://w3id.org/tariffgraph/";
    /** The ontology namespace, prefix {@code tg:}. */
    public static final String NS = BASE + "ontology#";
    /** The ontology IRI, the value of every term's {@code rdfs:isDefinedBy}. */
    public static final String ONTOLOGY = BASE + "ontology";
    /** The root of entity and fact IRIs. */
    public static final String ID = BASE + "id/";
    /** The root of named graph IRIs. */
    public static final String GRAPH = BASE + "graph/";
    /** The named graph that holds the ontology in a loaded dataset. */
    public static final Node ontologyGraph = NodeFactory.createURI(GRAPH + "ontology");

    private static Node tg(String local) {
        return NodeFactory.createURI(NS + local);
    }

    /** The headline of a source page, a page segment. */
    public static final Node Headline = tg("Headline");
    /** A paragraph of a source page's story, a page segment. */
    public static final Node StoryParagraph = tg("StoryParagraph");
}
