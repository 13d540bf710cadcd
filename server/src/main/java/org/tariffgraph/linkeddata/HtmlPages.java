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
import org.tariffgraph.linkeddata.PageModel.Dialogue;
import org.tariffgraph.linkeddata.PageModel.Fact;
import org.tariffgraph.linkeddata.PageModel.Frame;
import org.tariffgraph.linkeddata.PageModel.Response;
import org.tariffgraph.linkeddata.PageModel.Role;
import org.tariffgraph.linkeddata.PageModel.Row;
import org.tariffgraph.linkeddata.PageModel.Said;
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
        String queryHref = "/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);

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
        return Pages.render("entity.jte", new PageModel.Entity(new Frame(title, sparqlPath), iri, types, queryHref, words(iri),
                dialogue(iri), facts(iri), sections));
    }

    private static final String PREFIXES = """
            PREFIX tg:   <https://w3id.org/tariffgraph/ontology#>
            PREFIX oa:   <http://www.w3.org/ns/oa#>
            PREFIX org:  <http://www.w3.org/ns/org#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;

    /** The words of a piece of evidence (or of a page segment) when the resource is one: its quote, offsets, source and context. */
    private List<Evidence> words(String iri) {
        String query = PREFIXES + """
                SELECT ?evidence ?exact ?prefix ?suffix ?start ?end ?source ?sourceLabel WHERE {
                  VALUES ?evidence { <%s> }
                  ?evidence oa:hasSelector ?quote , ?position .
                  ?quote oa:exact ?exact .
                  ?position oa:start ?start ; oa:end ?end .
                  OPTIONAL { ?quote oa:prefix ?prefix }
                  OPTIONAL { ?quote oa:suffix ?suffix }
                  OPTIONAL { ?evidence oa:hasSource ?source OPTIONAL { ?source rdfs:label ?sourceLabel } }
                } ORDER BY ?start""".formatted(iri);
        return QueryRunner.create(dataset).select(query).bindings().stream().map(HtmlPages::evidence).distinct().toList();
    }

    /** A piece of evidence from a row that binds ?evidence, ?exact, ?start, ?end and perhaps ?prefix, ?suffix, ?source, ?sourceLabel. */
    private static Evidence evidence(Binding row) {
        Node source = row.get("source");
        Value sourceValue = source == null ? null
                : Value.link(Html.href(source.getURI()), row.get("sourceLabel") == null ? source.getURI() : text(row.get("sourceLabel")));
        String evidence = row.get("evidence").getURI();
        return new Evidence(Value.link(Html.href(evidence), "evidence " + evidence.substring(evidence.lastIndexOf('/') + 1)),
                text(row.get("exact")), text(row.get("start")), text(row.get("end")), sourceValue,
                row.get("prefix") == null ? "" : text(row.get("prefix")), row.get("suffix") == null ? "" : text(row.get("suffix")));
    }

    /** What a statement answers and what answers it; the roles of a speaker and what it said, in the order of the source. */
    private Dialogue dialogue(String iri) {
        List<Response> respondsTo = new ArrayList<>();
        List<Response> answeredBy = new ArrayList<>();
        String responses = PREFIXES + """
                SELECT ?direction ?other ?label (SAMPLE(?speakerLabel) AS ?speaker) (SAMPLE(?verbatim) AS ?words) (MIN(?at) AS ?start) WHERE {
                  { <%1$s> tg:respondsTo ?other BIND("respondsTo" AS ?direction) }
                  UNION { ?other tg:respondsTo <%1$s> BIND("answeredBy" AS ?direction) }
                  ?other rdfs:label ?label .
                  OPTIONAL { ?other tg:speaker/rdfs:label ?speakerLabel }
                  OPTIONAL { ?other tg:verbatim ?verbatim }
                  OPTIONAL { ?other tg:hasEvidence/oa:hasSelector/oa:start ?at }
                } GROUP BY ?direction ?other ?label ORDER BY ?direction ?start ?other""".formatted(iri);
        for (Binding row : QueryRunner.create(dataset).select(responses).bindings()) {
            Response response = new Response(Value.link(Html.href(row.get("other").getURI()), text(row.get("label"))),
                    row.get("speaker") == null ? "" : text(row.get("speaker")), row.get("words") == null ? "" : text(row.get("words")));
            (text(row.get("direction")).equals("respondsTo") ? respondsTo : answeredBy).add(response);
        }
        String roles = PREFIXES + """
                SELECT DISTINCT ?title ?organisation ?organisationLabel WHERE {
                  ?role org:member <%s> .
                  OPTIONAL { ?role tg:roleTitle ?title }
                  OPTIONAL { ?role org:organization ?organisation OPTIONAL { ?organisation rdfs:label ?organisationLabel } }
                } ORDER BY ?organisationLabel ?title""".formatted(iri);
        List<Role> held = QueryRunner.create(dataset).select(roles).bindings().stream().map(row -> new Role(
                row.get("title") == null ? "" : text(row.get("title")),
                row.get("organisation") == null ? Value.text("")
                        : Value.link(Html.href(row.get("organisation").getURI()),
                                row.get("organisationLabel") == null ? row.get("organisation").getURI() : text(row.get("organisationLabel")))))
                .toList();
        String said = PREFIXES + """
                SELECT ?statement ?label ?mode (SAMPLE(?verbatim) AS ?words) (MIN(?at) AS ?start) WHERE {
                  ?statement tg:speaker <%s> ; rdfs:label ?label .
                  OPTIONAL { ?statement tg:verbatim ?verbatim }
                  OPTIONAL { ?statement tg:hasEvidence/oa:hasSelector/oa:start ?at }
                  BIND(IF(EXISTS { ?statement a tg:DirectQuote }, "direct quote", "paraphrase") AS ?mode)
                } GROUP BY ?statement ?label ?mode ORDER BY ?start ?statement""".formatted(iri);
        List<Said> words = QueryRunner.create(dataset).select(said).bindings().stream().map(row -> new Said(
                Value.link(Html.href(row.get("statement").getURI()), text(row.get("label"))), text(row.get("mode")),
                row.get("words") == null ? "" : text(row.get("words")))).toList();
        return new Dialogue(List.copyOf(respondsTo), List.copyOf(answeredBy), held, words);
    }

    /** The facts that involve the resource (or are it), with their voice, who says them and all their evidence: one row per fact. */
    private List<Fact> facts(String iri) {
        String query = PREFIXES + """
                SELECT ?fact ?label ?kind ?voice ?evidence ?exact ?prefix ?suffix ?start ?end ?source ?sourceLabel
                       (GROUP_CONCAT(DISTINCT ?whoLabel; SEPARATOR=", ") AS ?who) WHERE {
                  { ?fact ?p <%1$s> } UNION { VALUES ?fact { <%1$s> } }
                  VALUES ?kindClass { tg:Statement tg:Claim tg:Event tg:Policy tg:HeldRole }
                  ?fact a ?kindClass ; rdfs:label ?label ; tg:voice/rdfs:label ?voice ; tg:hasEvidence ?evidence .
                  ?evidence oa:hasSelector ?quote , ?position .
                  ?quote oa:exact ?exact .
                  ?position oa:start ?start ; oa:end ?end .
                  OPTIONAL { ?quote oa:prefix ?prefix }
                  OPTIONAL { ?quote oa:suffix ?suffix }
                  OPTIONAL { ?evidence oa:hasSource ?source OPTIONAL { ?source rdfs:label ?sourceLabel } }
                  ?kindClass rdfs:label ?kind .
                  OPTIONAL { ?fact tg:speaker|tg:assertedBy ?agent . ?agent rdfs:label ?whoLabel }
                } GROUP BY ?fact ?label ?kind ?voice ?evidence ?exact ?prefix ?suffix ?start ?end ?source ?sourceLabel
                ORDER BY ?start ?fact""".formatted(iri);
        Map<String, Fact> facts = new LinkedHashMap<>();
        for (Binding row : QueryRunner.create(dataset).select(query).bindings()) {
            String fact = row.get("fact").getURI();
            Fact first = facts.computeIfAbsent(fact, f -> new Fact(Value.link(Html.href(f), text(row.get("label"))),
                    text(row.get("kind")), text(row.get("voice")), row.get("who") == null ? "" : text(row.get("who")), new ArrayList<>()));
            Evidence evidence = evidence(row);
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
        // The description's own nodes are fragments of the endpoint's URL: each is a section with its fragment as id, and links to them stay on the page.
        String fragments = endpointUrl + "#";
        bySubject.forEach((subject, triples) -> sections.add(new Section(prefixes.shortForm(subject),
                subject.startsWith(fragments) ? subject.substring(fragments.length()) : null, "property", "value",
                onThisPage(rows(triples, description, prefixes, false), fragments))));
        return Pages.render("service.jte", new PageModel.Service(new Frame("SPARQL endpoint", sparqlPath), endpointUrl, sections));
    }

    /** Links to {@code base#fragment} as links to {@code #fragment}, on the page of {@code base}. */
    private static List<Row> onThisPage(List<Row> rows, String base) {
        return rows.stream().map(r -> new Row(onThisPage(r.left(), base), onThisPage(r.right(), base))).toList();
    }

    private static Value onThisPage(Value value, String base) {
        return value.href() != null && value.href().startsWith(base) ? new Value(value.text(), value.href().substring(base.length() - 1), value.note()) : value;
    }

    /**
     * The dataset: where to go, its files with their sizes and checksums, the SPARQL service, the
     * linkset to Wikidata, the licence, the graphs, and its whole description. Every node of the
     * description that is a fragment of the dataset's IRI has its section or row with that id.
     */
    String dataset(Graph description) {
        Node ds = NodeFactory.createURI(DatasetDescription.DATASET);
        PrefixMapping prefixes = description.getPrefixMapping();
        String fragments = DatasetDescription.DATASET + "#";
        List<Value> links = List.of(Value.link("/query", "Query editor: the catalogue's questions, tables and charts"),
                Value.link("/timeline", "Timeline: what happened when, at the precision the source gives"),
                Value.link("/network", "Network: who said what about whom, and who answered whom"),
                Value.link(sparqlPath, "SPARQL endpoint"),
                Value.link("/ontology", "The ontology"),
                Value.link("/ontology/context.jsonld", "The ontology's JSON-LD context"),
                Value.link("/dumps/" + Dumps.CHECKSUMS, "SHA-256 checksums of the dumps"),
                Value.link("/.well-known/void", "VoID and DCAT description"));
        List<PageModel.Distribution> distributions = new ArrayList<>();
        for (Node d : objects(description, ds, DatasetDescription.DCAT + "distribution")) {
            Node url = one(description, d, DatasetDescription.DCAT + "downloadURL");
            Node checksum = one(description, d, DatasetDescription.SPDX + "checksum");
            String path = url.getURI().substring(url.getURI().indexOf("/dumps/"));
            distributions.add(new PageModel.Distribution(d.getURI().substring(fragments.length()),
                    Value.link(path, path.substring("/dumps/".length())),
                    one(description, d, DatasetDescription.DCAT + "mediaType").getURI().replaceFirst(".*/media-types/", ""),
                    text(one(description, d, DatasetDescription.DCAT + "byteSize")),
                    checksum.getURI().substring(fragments.length()),
                    text(one(description, checksum, DatasetDescription.SPDX + "checksumValue"))));
        }
        List<Section> parts = new ArrayList<>();
        for (Node service : objects(description, ds, DatasetDescription.DCAT + "accessService")) {
            parts.add(new Section("SPARQL service", null, "property", "value",
                    rows(description.find(service, Node.ANY, Node.ANY).toList(), description, prefixes, false)));
        }
        for (Node subset : objects(description, ds, DatasetDescription.VOID + "subset")) {
            if (subset.getURI().startsWith(fragments)) {
                parts.add(new Section(Html.label(subset, description).orElse("Linkset to Wikidata"), subset.getURI().substring(fragments.length()),
                        "property", "value", onThisPage(rows(description.find(subset, Node.ANY, Node.ANY).toList(), description, prefixes, false),
                        "/dataset#")));
            }
        }
        for (Node target : objects(description, NodeFactory.createURI(fragments + "wikidata-links"), DatasetDescription.VOID + "objectsTarget")) {
            parts.add(new Section("Wikidata, the linkset's target", target.getURI().substring(fragments.length()), "property", "value",
                    rows(description.find(target, Node.ANY, Node.ANY).toList(), description, prefixes, false)));
        }
        List<Row> graphs = objects(description, ds, DatasetDescription.VOID + "subset").stream().filter(g -> !g.getURI().startsWith(fragments))
                .map(g -> new Row(Value.labelled(g, description, prefixes),
                        Value.text(text(one(description, g, DatasetDescription.VOID + "triples")) + " triples"))).toList();
        Node licence = one(description, ds, DCTerms.license.getURI());
        Node rights = one(description, ds, DCTerms.rights.getURI());
        Section own = new Section("The whole description", "description", "property", "value",
                onThisPage(rows(description.find(ds, Node.ANY, Node.ANY).toList(), description, prefixes, false), "/dataset#"));
        return Pages.render("dataset.jte", new PageModel.Dataset(new Frame("tariffgraph", sparqlPath), links, distributions, parts,
                Value.link(licence.getURI(), "Creative Commons Attribution 4.0 (CC BY 4.0)"), rights == null ? "" : text(rights), graphs, own));
    }

    /** The objects of a subject's property, in order. */
    private static List<Node> objects(Graph g, Node s, String p) {
        return g.find(s, NodeFactory.createURI(p), Node.ANY).mapWith(Triple::getObject).toList().stream()
                .sorted(Comparator.comparing(Node::toString)).toList();
    }

    /** The one object of a subject's property. */
    private static Node one(Graph g, Node s, String p) {
        List<Node> found = objects(g, s, p);
        if (found.isEmpty()) {
            throw new IllegalStateException("the dataset's description has no " + p + " for " + s);
        }
        return found.get(0);
    }
}
