package org.tariffgraph.linkeddata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.vocabulary.RDF;
import org.tariffgraph.query.QueryRunner;

/**
 * HTML pages for people: an entity with its labels, types, properties and links, and the
 * facts that involve it with the words of their evidence; a named graph; the dataset.
 */
final class HtmlPages {

    private final DatasetGraph dataset;
    private final String sparqlPath;

    HtmlPages(DatasetGraph dataset, String sparqlPath) {
        this.dataset = dataset;
        this.sparqlPath = sparqlPath;
    }

    String entity(String iri, Graph description) {
        PrefixMapping prefixes = description.getPrefixMapping();
        Node node = NodeFactory.createURI(iri);
        String title = Html.label(node, description).orElse(prefixes.shortForm(iri));
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        body.append("<p class=\"iri\">").append(Html.escape(iri)).append("</p>\n");
        List<String> types = new ArrayList<>();
        description.find(node, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> types.add(Html.value(t.getObject(), prefixes)));
        if (!types.isEmpty()) {
            types.sort(null);
            body.append("<p>Type: ").append(String.join(", ", types)).append("</p>\n");
        }
        String query = "SELECT ?property ?value WHERE { <" + iri + "> ?property ?value } ORDER BY ?property ?value";
        body.append("<p><a href=\"").append(Html.escape(sparqlPath + "?format=json&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
            .append("\">Query it at the SPARQL endpoint</a> &middot; also as RDF at this address, by content negotiation</p>\n");

        facts(body, iri, description);

        // The resource's own triples, then those of its fragments (such as #quote).
        Map<String, List<Triple>> bySubject = new TreeMap<>();
        description.find().forEachRemaining(t -> {
            if (t.getSubject().isURI() && (t.getSubject().getURI().equals(iri) || t.getSubject().getURI().startsWith(iri + "#"))
                    && !(t.getSubject().equals(node) && t.getPredicate().equals(RDF.type.asNode()))) {
                bySubject.computeIfAbsent(t.getSubject().getURI(), k -> new ArrayList<>()).add(t);
            }
        });
        bySubject.forEach((subject, triples) -> {
            body.append(subject.equals(iri) ? "<h2>Properties</h2>\n" : "<h3 id=\"" + Html.escape(subject.substring(iri.length() + 1)) + "\">"
                    + Html.escape(prefixes.shortForm(subject)) + "</h3>\n");
            propertyTable(body, triples, description, prefixes, false);
        });

        List<Triple> incoming = description.find(Node.ANY, Node.ANY, node).toList();
        if (!incoming.isEmpty()) {
            body.append("<h2>Referenced by</h2>\n");
            propertyTable(body, incoming, description, prefixes, true);
        }
        return Html.page(title, sparqlPath, body.toString());
    }

    /** The facts that involve the resource (or are it), with their voice, who says them and their evidence. */
    private void facts(StringBuilder body, String iri, Graph labels) {
        String query = """
                PREFIX tg:   <https://w3id.org/tariffgraph/ontology#>
                PREFIX oa:   <http://www.w3.org/ns/oa#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT DISTINCT ?fact ?label ?kind ?voice ?who ?exact ?start WHERE {
                  { ?fact ?p <%1$s> } UNION { VALUES ?fact { <%1$s> } }
                  VALUES ?kindClass { tg:Statement tg:Claim tg:Event tg:Policy tg:HeldRole }
                  ?fact a ?kindClass ; rdfs:label ?label ; tg:voice/rdfs:label ?voice ; tg:hasEvidence ?evidence .
                  ?evidence oa:hasSelector ?quote , ?position .
                  ?quote oa:exact ?exact .
                  ?position oa:start ?start .
                  ?kindClass rdfs:label ?kind .
                  OPTIONAL { ?fact tg:speaker|tg:assertedBy ?agent . ?agent rdfs:label ?who }
                } ORDER BY ?start ?fact""".formatted(iri);
        List<Binding> rows = QueryRunner.create(dataset).select(query).bindings();
        if (rows.isEmpty()) {
            return;
        }
        body.append("<h2>Facts that involve it, with their evidence</h2>\n<table>\n<tr><th>fact</th><th>kind</th><th>voice</th><th>who</th><th>evidence in the source</th></tr>\n");
        String previous = null;
        for (Binding row : rows) {
            String fact = row.get("fact").getURI();
            boolean same = fact.equals(previous);
            previous = fact;
            body.append("<tr><td>").append(same ? "" : Html.anchor(fact, text(row.get("label"))))
                .append("</td><td>").append(same ? "" : Html.escape(text(row.get("kind"))))
                .append("</td><td>").append(same ? "" : Html.escape(text(row.get("voice"))))
                .append("</td><td>").append(same || row.get("who") == null ? "" : Html.escape(text(row.get("who"))))
                .append("</td><td><blockquote>").append(Html.escape(text(row.get("exact"))))
                .append("</blockquote><span class=\"note\">characters ").append(Html.escape(text(row.get("start"))))
                .append(" on</span></td></tr>\n");
        }
        body.append("</table>\n");
    }

    /** The text of a node: a literal's lexical form, or the node as it is written. */
    private static String text(Node node) {
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.toString();
    }

    private static void propertyTable(StringBuilder body, List<Triple> triples, Graph labels, PrefixMapping prefixes, boolean incoming) {
        triples.sort(Comparator.comparing((Triple t) -> prefixes.shortForm(t.getPredicate().getURI()))
                .thenComparing(t -> (incoming ? t.getSubject() : t.getObject()).toString()));
        body.append("<table>\n<tr><th>").append(incoming ? "from" : "property").append("</th><th>")
            .append(incoming ? "by" : "value").append("</th></tr>\n");
        for (Triple t : triples) {
            String property = Html.value(t.getPredicate(), prefixes);
            if (incoming) {
                body.append("<tr><td>").append(Html.link(t.getSubject(), labels, prefixes)).append("</td><td>").append(property).append("</td></tr>\n");
            } else {
                body.append("<tr><td>").append(property).append("</td><td>").append(Html.link(t.getObject(), labels, prefixes)).append("</td></tr>\n");
            }
        }
        body.append("</table>\n");
    }

    /** A named graph: its own description, and the resources it describes. */
    String graph(String iri, Graph graph) {
        PrefixMapping prefixes = graph.getPrefixMapping();
        Node node = NodeFactory.createURI(iri);
        String title = Html.label(node, graph).orElse(iri);
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(Html.escape(title)).append("</h1>\n<p class=\"iri\">").append(Html.escape(iri)).append("</p>\n");
        graph.find(node, NodeFactory.createURI("http://purl.org/dc/terms/description"), Node.ANY)
             .forEachRemaining(t -> body.append("<p>").append(Html.escape(text(t.getObject()))).append("</p>\n"));
        body.append("<p>").append(graph.size()).append(" triples. The whole graph is served here as RDF by content negotiation (Turtle, JSON-LD, N-Triples, RDF/XML).</p>\n");
        Map<String, Node> subjects = new TreeMap<>();
        graph.find().forEachRemaining(t -> {
            if (t.getSubject().isURI() && !t.getSubject().getURI().contains("#") && !t.getSubject().equals(node)) {
                String label = Html.label(t.getSubject(), graph).orElse(prefixes.shortForm(t.getSubject().getURI()));
                subjects.putIfAbsent(label + " " + t.getSubject().getURI(), t.getSubject());
            }
        });
        body.append("<h2>What it describes</h2>\n<ul>\n");
        subjects.values().forEach(s -> body.append("<li>").append(Html.link(s, graph, prefixes)).append("</li>\n"));
        body.append("</ul>\n");
        return Html.page(title, sparqlPath, body.toString());
    }

    /** The endpoint's page for people: a query form, and the service description. */
    String service(Graph description, String endpointUrl) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>SPARQL endpoint</h1>\n<p class=\"iri\">").append(Html.escape(endpointUrl)).append("</p>\n")
            .append("<p>SPARQL 1.1 query over all the facts: the default graph is the union of the named graphs. ")
            .append("Read-only; federated queries are off; a query that runs out of time is answered 503, never with a partial result.</p>\n")
            .append("<form method=\"get\" action=\"").append(Html.escape(sparqlPath)).append("\">\n")
            .append("<textarea name=\"query\" rows=\"8\" cols=\"100\">PREFIX tg: &lt;https://w3id.org/tariffgraph/ontology#&gt;\n")
            .append("PREFIX rdfs: &lt;http://www.w3.org/2000/01/rdf-schema#&gt;\n")
            .append("SELECT ?speaker ?words WHERE { ?s tg:speaker/rdfs:label ?speaker ; tg:verbatim ?words } ORDER BY ?speaker</textarea><br>\n")
            .append("<select name=\"format\"><option value=\"json\">JSON</option><option value=\"xml\">XML</option>")
            .append("<option value=\"csv\">CSV</option><option value=\"tsv\">TSV</option></select>\n")
            .append("<button type=\"submit\">Run</button>\n</form>\n<h2>Service description</h2>\n");
        List<Triple> triples = description.find().toList();
        propertyTableBySubject(body, triples, description);
        return Html.page("SPARQL endpoint", sparqlPath, body.toString());
    }

    private static void propertyTableBySubject(StringBuilder body, List<Triple> triples, Graph description) {
        Map<String, List<Triple>> bySubject = new TreeMap<>();
        triples.forEach(t -> bySubject.computeIfAbsent(t.getSubject().toString(), k -> new ArrayList<>()).add(t));
        bySubject.forEach((subject, list) -> {
            body.append("<h3>").append(Html.escape(description.getPrefixMapping().shortForm(subject))).append("</h3>\n");
            propertyTable(body, list, description, description.getPrefixMapping(), false);
        });
    }

    /** The dataset: its description, with links to the graphs, the dumps and the endpoint. */
    String dataset(Graph description) {
        Node ds = NodeFactory.createURI(DatasetDescription.DATASET);
        PrefixMapping prefixes = description.getPrefixMapping();
        StringBuilder body = new StringBuilder();
        body.append("<h1>tariffgraph</h1>\n<p>Trade-policy news as a knowledge graph in which every fact is anchored to the exact words of its source.</p>\n");
        body.append("<ul>\n<li><a href=\"").append(Html.escape(sparqlPath)).append("\">SPARQL endpoint</a></li>\n")
            .append("<li><a href=\"/ontology\">The ontology</a>, and its <a href=\"/ontology/context.jsonld\">JSON-LD context</a></li>\n")
            .append("<li>Dumps: <a href=\"/dumps/").append(Dumps.TRIG).append("\">TriG</a>, <a href=\"/dumps/").append(Dumps.NQUADS)
            .append("\">N-Quads</a> (gzipped), <a href=\"/dumps/").append(Dumps.CHECKSUMS).append("\">SHA-256 checksums</a></li>\n")
            .append("<li><a href=\"/.well-known/void\">VoID and DCAT description</a></li>\n</ul>\n");
        List<Triple> own = description.find(ds, Node.ANY, Node.ANY).toList();
        body.append("<h2>Description</h2>\n");
        propertyTable(body, new ArrayList<>(own), description, prefixes, false);
        return Html.page("tariffgraph", sparqlPath, body.toString());
    }
}
