package org.tariffgraph.export;

import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory;
import org.tariffgraph.query.QueryResult;
import org.tariffgraph.query.QueryRunner;

/**
 * The network of who said what about whom, and which statement answers which, as GraphML
 * for Gephi, Cytoscape or yEd, written by JGraphT.
 *
 * <p>Nodes are speakers (people and organisations), statements, the things statements are
 * about, and the organisations speakers hold roles in; every node has {@code iri},
 * {@code label} and {@code kind}, statements also {@code mode}, {@code words} and {@code start} (the offset of
 * their evidence in the source). Edges have a {@code relation}: {@code said} (speaker to
 * statement), {@code about} (statement to subject), {@code responds to} (statement to the
 * earlier statement) and {@code holds role at} (person to organisation, with {@code role}).
 */
public final class NetworkExporter {

    /** A node of the network, identified by its IRI; its attributes are filled in as the network is built. */
    public static final class Vertex {
        private final String iri;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        Vertex(String iri) {
            this.iri = iri;
        }

        public String iri() {
            return iri;
        }

        public Map<String, String> attributes() {
            return attributes;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Vertex v && v.iri.equals(iri);
        }

        @Override
        public int hashCode() {
            return iri.hashCode();
        }
    }

    /** An edge of the network; edges are distinct objects, so two nodes may have several. */
    public static final class Edge {
        private final String relation;
        private final String role;

        Edge(String relation, String role) {
            this.relation = relation;
            this.role = role;
        }

        public String relation() {
            return relation;
        }

        /** The title of the role, for {@code holds role at}; null otherwise or when the graph gives none. */
        public String role() {
            return role;
        }
    }

    private static final String PREFIXES = """
            PREFIX tg:   <https://w3id.org/tariffgraph/ontology#>
            PREFIX org:  <http://www.w3.org/ns/org#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX oa:   <http://www.w3.org/ns/oa#>
            """;

    private final DatasetGraph dataset;

    public NetworkExporter(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /** Builds the network from the graph. */
    public Graph<Vertex, Edge> network() {
        Map<String, Vertex> vertices = new LinkedHashMap<>();
        Graph<Vertex, Edge> network = new DirectedPseudograph<>(null, null, false);
        QueryRunner runner = QueryRunner.create(dataset);

        QueryResult.Rows statements = runner.select(PREFIXES + """
                SELECT ?statement ?label ?words ?start ?mode ?speaker ?speakerLabel ?speakerKind WHERE {
                  ?statement a tg:Statement ; rdfs:label ?label ; tg:verbatim ?words ;
                             tg:speaker ?speaker ; tg:hasEvidence/oa:hasSelector/oa:start ?start .
                  ?speaker rdfs:label ?speakerLabel .
                  BIND(IF(EXISTS { ?statement a tg:DirectQuote }, "direct quote", "paraphrase") AS ?mode)
                  BIND(IF(EXISTS { ?speaker a foaf:Person }, "person", "organisation") AS ?speakerKind)
                } ORDER BY ?start ?statement""");
        for (Binding row : statements.bindings()) {
            Vertex speaker = vertex(vertices, network, row.get("speaker"), row.get("speakerLabel"), row.get("speakerKind"));
            Vertex statement = vertex(vertices, network, row.get("statement"), row.get("label"), null);
            statement.attributes().put("kind", "statement");
            statement.attributes().put("mode", text(row.get("mode")));
            statement.attributes().put("words", text(row.get("words")));
            statement.attributes().put("start", text(row.get("start")));
            network.addEdge(speaker, statement, new Edge("said", null));
        }

        QueryResult.Rows about = runner.select(PREFIXES + """
                SELECT ?statement ?subject (SAMPLE(?name) AS ?label) (MIN(?kindName) AS ?kind) WHERE {
                  ?statement a tg:Statement ; tg:about ?subject .
                  ?subject rdfs:label ?name .
                  # The kind of subject, from its classes; "topic" for a concept.
                  OPTIONAL {
                    VALUES (?class ?kindOfClass) { (foaf:Person "person") (tg:Company "organisation")
                      (tg:Jurisdiction "place") (tg:Region "place") (tg:Event "event") (tg:Policy "policy") }
                    ?subject a ?class .
                  }
                  BIND(COALESCE(?kindOfClass, "topic") AS ?kindName)
                } GROUP BY ?statement ?subject ORDER BY ?statement ?subject""");
        for (Binding row : about.bindings()) {
            Vertex subject = vertex(vertices, network, row.get("subject"), row.get("label"), row.get("kind"));
            network.addEdge(vertices.get(row.get("statement").getURI()), subject, new Edge("about", null));
        }

        QueryResult.Rows responses = runner.select(PREFIXES + """
                SELECT ?statement ?earlier WHERE { ?statement tg:respondsTo ?earlier } ORDER BY ?statement ?earlier""");
        for (Binding row : responses.bindings()) {
            network.addEdge(vertices.get(row.get("statement").getURI()), vertices.get(row.get("earlier").getURI()),
                    new Edge("responds to", null));
        }

        QueryResult.Rows roles = runner.select(PREFIXES + """
                SELECT DISTINCT ?person ?organisation ?label ?role WHERE {
                  ?statement tg:speakerRole ?heldRole .
                  ?heldRole org:member ?person ; org:organization ?organisation .
                  ?organisation rdfs:label ?label .
                  OPTIONAL { ?heldRole tg:roleTitle ?role }
                } ORDER BY ?person ?organisation""");
        for (Binding row : roles.bindings()) {
            Vertex organisation = vertex(vertices, network, row.get("organisation"), row.get("label"), null);
            organisation.attributes().putIfAbsent("kind", "organisation");
            network.addEdge(vertices.get(row.get("person").getURI()), organisation,
                    new Edge("holds role at", row.get("role") == null ? null : text(row.get("role"))));
        }
        return network;
    }

    /**
     * Writes the network as GraphML, valid against the GraphML schema: node ids are
     * {@code n0}, {@code n1}, ... (an IRI is not an XML name token) and each node's IRI is its
     * {@code iri} attribute.
     */
    public void writeGraphML(Writer out) {
        Graph<Vertex, Edge> network = network();
        Map<Vertex, String> ids = new java.util.HashMap<>();
        network.vertexSet().forEach(v -> ids.put(v, "n" + ids.size()));
        GraphMLExporter<Vertex, Edge> exporter = new GraphMLExporter<>(ids::get);
        exporter.registerAttribute("iri", AttributeCategory.NODE, AttributeType.STRING);
        for (String name : new String[] {"label", "kind", "mode", "words", "start"}) {
            exporter.registerAttribute(name, AttributeCategory.NODE, name.equals("start") ? AttributeType.INT : AttributeType.STRING);
        }
        exporter.registerAttribute("relation", AttributeCategory.EDGE, AttributeType.STRING);
        exporter.registerAttribute("role", AttributeCategory.EDGE, AttributeType.STRING);
        exporter.setVertexAttributeProvider(v -> {
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            attributes.put("iri", DefaultAttribute.createAttribute(v.iri()));
            v.attributes().forEach((k, value) -> attributes.put(k, k.equals("start")
                    ? DefaultAttribute.createAttribute(Integer.parseInt(value)) : DefaultAttribute.createAttribute(value)));
            return attributes;
        });
        exporter.setEdgeAttributeProvider(e -> {
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            attributes.put("relation", DefaultAttribute.createAttribute(e.relation));
            if (e.role != null) {
                attributes.put("role", DefaultAttribute.createAttribute(e.role));
            }
            return attributes;
        });
        exporter.exportGraph(network, out);
    }

    private static Vertex vertex(Map<String, Vertex> vertices, Graph<Vertex, Edge> network, Node iri, Node label, Node kind) {
        return vertices.computeIfAbsent(iri.getURI(), key -> {
            Vertex v = new Vertex(key);
            v.attributes().put("label", text(label));
            if (kind != null) {
                v.attributes().put("kind", text(kind));
            }
            network.addVertex(v);
            return v;
        });
    }

    private static String text(Node node) {
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.toString();
    }
}
