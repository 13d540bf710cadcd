package org.tariffgraph.linkeddata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.tariffgraph.linkeddata.PageModel.Evidence;
import org.tariffgraph.linkeddata.PageModel.Fact;
import org.tariffgraph.linkeddata.PageModel.Frame;
import org.tariffgraph.linkeddata.PageModel.Row;
import org.tariffgraph.linkeddata.PageModel.Section;
import org.tariffgraph.linkeddata.PageModel.Value;
import org.tariffgraph.query.QueryRunner;

/**
 * HTML pages for people: an entity with its labels, types, properties and links, and the
 * facts that involve it with the words of their evidence; a named graph; the endpoint; the
 * dataset.
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
        List<Value> types = description.find(node, RDF.type.asNode(), Node.ANY).mapWith(t -> Value.of(t.getObject(), prefixes))
                .toList().stream().sorted(Comparator.comparing(Value::text)).toList();
        String query = "SELECT ?property ?value WHERE { <" + iri + "> ?property ?value } ORDER BY ?property ?value";
        String queryHref = sparqlPath + "?format=json&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);

        // The resource's own triples, then those of its fragments (such as #quote), then what points to it.
        Map<String, List<Triple>> bySubject = new TreeMap<>();
        description.find().forEachRemaining(t -> {
            if (t.getSubject().isURI() && (t.getSubject().getURI().equals(iri) || t.getSubject().getURI().startsWith(iri + "#"))
                    && !(t.getSubject().equals(node) && t.getPredicate().equals(RDF.type.asNode()))) {
                bySubject.computeIfAbsent(t.getSubject().getURI(), k -> new ArrayList<>()).add(t);
            }
        });
        List<Section> sections = new ArrayList<>();
        bySubject.forEach((subject, triples) -> sections.add(subject.equals(iri)
                ? new Section("Properties", null, "property", "value", rows(triples, description, prefixes, false))
                : new Section(prefixes.shortForm(subject), subject.substring(iri.length() + 1), "property", "value",
                        rows(triples, description, prefixes, false))));
        List<Triple> incoming = description.find(Node.ANY, Node.ANY, node).toList();
        if (!incoming.isEmpty()) {
            sections.add(new Section("Referenced by", null, "from", "by", rows(incoming, description, prefixes, true)));
        }
        return Pages.render("entity.jte", new PageModel.Entity(new Frame(title, sparqlPath), iri, types, queryHref, facts(iri), sections));
    }

    /** The facts that involve the resource (or are it), with their voice, who says them and their evidence: one row per fact. */
    private List<Fact> facts(String iri) {
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
        Map<String, Fact> facts = new LinkedHashMap<>();
        for (Binding row : QueryRunner.create(dataset).select(query).bindings()) {
            String fact = row.get("fact").getURI();
            Fact first = facts.computeIfAbsent(fact, f -> new Fact(Value.link(Html.href(f), text(row.get("label"))),
                    text(row.get("kind")), text(row.get("voice")), row.get("who") == null ? "" : text(row.get("who")), new ArrayList<>()));
            Evidence evidence = new Evidence(text(row.get("exact")), text(row.get("start")));
            if (!first.evidence().contains(evidence)) {
                first.evidence().add(evidence);
            }
        }
        return List.copyOf(facts.values());
    }

    /** The text of a node: a literal's lexical form, or the node as it is written. */
    private static String text(Node node) {
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.toString();
    }

    private static List<Row> rows(List<Triple> triples, Graph labels, PrefixMapping prefixes, boolean incoming) {
        return triples.stream()
                .sorted(Comparator.comparing((Triple t) -> prefixes.shortForm(t.getPredicate().getURI()))
                        .thenComparing(t -> (incoming ? t.getSubject() : t.getObject()).toString()))
                .map(t -> incoming
                        ? new Row(Value.labelled(t.getSubject(), labels, prefixes), Value.of(t.getPredicate(), prefixes))
                        : new Row(Value.of(t.getPredicate(), prefixes), Value.labelled(t.getObject(), labels, prefixes)))
                .toList();
    }

    /** A named graph: its own description, and the resources it describes. */
    String graph(String iri, Graph graph) {
        PrefixMapping prefixes = graph.getPrefixMapping();
        Node node = NodeFactory.createURI(iri);
        String title = Html.label(node, graph).orElse(iri);
        List<String> descriptions = graph.find(node, DCTerms.description.asNode(), Node.ANY).mapWith(t -> text(t.getObject())).toList();
        Map<String, Node> subjects = new TreeMap<>();
        graph.find().forEachRemaining(t -> {
            if (t.getSubject().isURI() && !t.getSubject().getURI().contains("#") && !t.getSubject().equals(node)) {
                String label = Html.label(t.getSubject(), graph).orElse(prefixes.shortForm(t.getSubject().getURI()));
                subjects.putIfAbsent(label + " " + t.getSubject().getURI(), t.getSubject());
            }
        });
        List<Value> described = subjects.values().stream().map(s -> Value.labelled(s, graph, prefixes)).toList();
        return Pages.render("graph.jte", new PageModel.NamedGraph(new Frame(title, sparqlPath), iri, descriptions, graph.size(), described));
    }

    /** The endpoint's page for people: a query form, and the service description. */
    String service(Graph description, String endpointUrl) {
        PrefixMapping prefixes = description.getPrefixMapping();
        Map<String, List<Triple>> bySubject = new TreeMap<>();
        description.find().forEachRemaining(t -> bySubject.computeIfAbsent(t.getSubject().toString(), k -> new ArrayList<>()).add(t));
        List<Section> sections = new ArrayList<>();
        bySubject.forEach((subject, triples) -> sections.add(new Section(prefixes.shortForm(subject), null, "property", "value",
                rows(triples, description, prefixes, false))));
        return Pages.render("service.jte", new PageModel.Service(new Frame("SPARQL endpoint", sparqlPath), endpointUrl, sections));
    }

    /** The dataset: its description, with links to the graphs, the dumps and the endpoint. */
    String dataset(Graph description) {
        Node ds = NodeFactory.createURI(DatasetDescription.DATASET);
        PrefixMapping prefixes = description.getPrefixMapping();
        List<Value> links = List.of(Value.link(sparqlPath, "SPARQL endpoint"),
                Value.link("/ontology", "The ontology"),
                Value.link("/ontology/context.jsonld", "The ontology's JSON-LD context"),
                Value.link("/dumps/" + Dumps.TRIG, "Dump: TriG, gzipped"),
                Value.link("/dumps/" + Dumps.NQUADS, "Dump: N-Quads, gzipped"),
                Value.link("/dumps/" + Dumps.CHECKSUMS, "SHA-256 checksums of the dumps"),
                Value.link("/.well-known/void", "VoID and DCAT description"));
        Section own = new Section("Description", null, "property", "value",
                rows(description.find(ds, Node.ANY, Node.ANY).toList(), description, prefixes, false));
        return Pages.render("dataset.jte", new PageModel.Dataset(new Frame("tariffgraph", sparqlPath), links, own));
    }
}
