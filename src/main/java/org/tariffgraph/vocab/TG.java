package org.tariffgraph.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The IRIs of the tariffgraph ontology, and the few terms of other vocabularies the code
 * needs by name. Constants are named exactly by the term's local name.
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

    // Classes used by the code.
    public static final Node SourceDocument = tg("SourceDocument");
    public static final Node Evidence = tg("Evidence");
    public static final Node PageSegment = tg("PageSegment");
    public static final Node StorySegment = tg("StorySegment");
    public static final Node Headline = tg("Headline");
    public static final Node StoryParagraph = tg("StoryParagraph");
    public static final Node NonStorySegment = tg("NonStorySegment");

    // Properties used by the code.
    public static final Node hasEvidence = tg("hasEvidence");
    public static final Node fileName = tg("fileName");
    public static final Node sha256 = tg("sha256");
    public static final Node charLength = tg("charLength");
    public static final Node byteLength = tg("byteLength");

    /** Terms of the W3C Web Annotation vocabulary used for evidence. */
    public static final class OA {
        private OA() {}

        public static final String NS = "http://www.w3.org/ns/oa#";
        public static final Node hasSource = NodeFactory.createURI(NS + "hasSource");
        public static final Node hasSelector = NodeFactory.createURI(NS + "hasSelector");
        public static final Node TextQuoteSelector = NodeFactory.createURI(NS + "TextQuoteSelector");
        public static final Node TextPositionSelector = NodeFactory.createURI(NS + "TextPositionSelector");
        public static final Node exact = NodeFactory.createURI(NS + "exact");
        public static final Node prefix = NodeFactory.createURI(NS + "prefix");
        public static final Node suffix = NodeFactory.createURI(NS + "suffix");
        public static final Node start = NodeFactory.createURI(NS + "start");
        public static final Node end = NodeFactory.createURI(NS + "end");
    }
}
