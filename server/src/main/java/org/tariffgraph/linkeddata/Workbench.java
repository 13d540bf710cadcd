package org.tariffgraph.linkeddata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonNull;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.jgrapht.Graph;
import org.tariffgraph.export.NetworkExporter;
import org.tariffgraph.linkeddata.PageModel.Frame;
import org.tariffgraph.linkeddata.PageModel.Link;
import org.tariffgraph.linkeddata.PageModel.Value;
import org.tariffgraph.linkeddata.PageModel.When;
import org.tariffgraph.query.Catalogue;
import org.tariffgraph.query.CatalogueQuery;
import org.tariffgraph.query.QueryRunner;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A researcher's workbench over the graph: a query editor ({@code /query}), a timeline
 * ({@code /timeline}) and a network ({@code /network}). Each page is HTML from a template,
 * with the data its script draws served beside it as JSON ({@code /query/config.json},
 * {@code /timeline/items.json}, {@code /network/graph.json}), so that no page holds an inline
 * script. The timeline and the network pages also hold their data as tables, for reading
 * without the drawing.
 */
final class Workbench {

    static final String QUERY = "/query";
    static final String QUERY_CONFIG = "/query/config.json";
    static final String TIMELINE = "/timeline";
    static final String TIMELINE_ITEMS = "/timeline/items.json";
    static final String NETWORK = "/network";
    static final String NETWORK_GRAPH = "/network/graph.json";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    private static final String PREFIXES = """
            PREFIX tg:   <https://w3id.org/tariffgraph/ontology#>
            PREFIX time: <http://www.w3.org/2006/time#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX owl:  <http://www.w3.org/2002/07/owl#>
            """;

    private final DatasetGraph dataset;
    private final String sparqlPath;
    private final Catalogue catalogue;
    private final Assets assets;

    Workbench(DatasetGraph dataset, String sparqlPath, Catalogue catalogue, Assets assets) {
        this.dataset = dataset;
        this.sparqlPath = sparqlPath;
        this.catalogue = catalogue;
        this.assets = assets;
    }

    /** Whether a path is one of the workbench's. */
    static boolean handles(String path) {
        return List.of(QUERY, QUERY_CONFIG, TIMELINE, TIMELINE_ITEMS, NETWORK, NETWORK_GRAPH).contains(path);
    }

    /** Answers one of the workbench's paths. */
    void answer(String path, HttpServletResponse response) throws IOException {
        switch (path) {
            case QUERY -> {
                response.setHeader("Content-Security-Policy", ContentSecurityPolicy.of(assets.cspHashes("query", "styleElements"),
                        assets.cspHashes("query", "styleAttributes")));
                html(response, Pages.render("query.jte", new PageModel.Query(
                        new Frame("Query editor", sparqlPath, List.of("query.css"), List.of("query.js")), QUERY_CONFIG,
                        catalogue.queries().size() + " research questions, each with its summary")));
            }
            case QUERY_CONFIG -> json(response, queryConfig());
            case TIMELINE -> html(response, timelinePage());
            case TIMELINE_ITEMS -> json(response, timelineItems());
            case NETWORK -> html(response, networkPage());
            case NETWORK_GRAPH -> json(response, networkGraph());
            default -> throw new IllegalArgumentException(path);
        }
    }

    /** The query page's configuration: the endpoint, the graph's prefixes, the catalogue, and the classes and properties to complete. */
    JsonObject queryConfig() {
        JsonObject config = new JsonObject();
        config.put("endpoint", sparqlPath);
        JsonObject prefixes = new JsonObject();
        Txn.calculateRead(dataset, () -> new TreeMap<>(dataset.prefixes().getMapping())).forEach(prefixes::put);
        config.put("prefixes", prefixes);
        JsonArray examples = new JsonArray();
        for (CatalogueQuery q : catalogue.queries()) {
            JsonObject example = new JsonObject();
            example.put("id", q.id());
            example.put("summary", q.summary());
            example.put("description", q.description());
            JsonArray tags = new JsonArray();
            q.tags().forEach(tags::add);
            example.put("tags", tags);
            example.put("text", q.text());
            examples.add(example);
        }
        config.put("examples", examples);
        JsonObject terms = new JsonObject();
        terms.put("classes", iris("SELECT DISTINCT ?term WHERE { { ?s a ?term } UNION { ?term a owl:Class } FILTER(isIRI(?term)) } ORDER BY ?term"));
        terms.put("properties", iris("""
                SELECT DISTINCT ?term WHERE {
                  { ?s ?term ?o } UNION { VALUES ?kind { owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty } ?term a ?kind }
                  FILTER(isIRI(?term))
                } ORDER BY ?term"""));
        config.put("terms", terms);
        return config;
    }

    private JsonArray iris(String select) {
        JsonArray iris = new JsonArray();
        QueryRunner.create(dataset).select(PREFIXES + select).bindings().forEach(b -> iris.add(b.get("term").getURI()));
        return iris;
    }

    /**
     * One item of the timeline: a dated event, policy, statement or publication, or an undated
     * event placed before or after another by the article's words. {@code start} or {@code end}
     * is null where the graph knows only the other bound.
     */
    record Item(String iri, String label, String kind, String precision, String dateText, LocalDate start, LocalDate end, String source) {

        LocalDate sortDate() {
            return start != null ? start : end;
        }
    }

    /** The timeline's items: what the catalogue's timeline and event-order queries list, with the IRIs to link them. */
    List<Item> items() {
        String query = PREFIXES + """
                SELECT ?item ?label ?kind ?source ?relation ?relativeTo ?words ?day ?month ?year ?notBefore WHERE {
                  {
                    ?item tg:hasDate|tg:introducedOn ?instant ; rdfs:label ?label ; a ?kindClass .
                    VALUES ?kindClass { tg:Event tg:Policy }
                    BIND("article" AS ?source)
                  } UNION {
                    # Dates from outside the article, on enrichment links.
                    ?link tg:enriches ?item ; tg:effectiveFrom ?instant .
                    ?item rdfs:label ?name ; a ?kindClass .
                    VALUES ?kindClass { tg:Event tg:Policy }
                    BIND(CONCAT(STR(?name), " (in effect)") AS ?label)
                    BIND("enrichment" AS ?source)
                  } UNION {
                    # Statements hold as of the publication of the article that reports them.
                    ?item a tg:Statement ; rdfs:label ?label ; tg:reportedIn/tg:publicationTime ?instant .
                    BIND(tg:Statement AS ?kindClass)
                    BIND("article" AS ?source)
                  } UNION {
                    ?item tg:publicationTime ?instant ; rdfs:label ?label ; a tg:NewsArticle .
                    FILTER EXISTS { ?fact tg:reportedIn ?item }
                    BIND(tg:NewsArticle AS ?kindClass)
                    BIND("article" AS ?source)
                  } UNION {
                    # An undated event the article places only before or after something dated.
                    VALUES (?order ?relation) { (time:before "before") (time:after "after") }
                    ?item a tg:Event ; rdfs:label ?label ; ?order ?other .
                    FILTER NOT EXISTS { ?item tg:hasDate ?anyDate }
                    ?other rdfs:label ?relativeTo .
                    OPTIONAL { ?record a tg:TemporalRelation ; tg:statedAs ?words .
                               { ?record tg:later ?item ; tg:earlier ?other } UNION { ?record tg:earlier ?item ; tg:later ?other } }
                    OPTIONAL { ?other tg:hasDate ?otherDate }
                    BIND(COALESCE(?otherDate, ?other) AS ?instant)
                    BIND(tg:Event AS ?kindClass)
                    BIND("article" AS ?source)
                  }
                  ?kindClass rdfs:label ?kind .
                  OPTIONAL { ?instant time:inXSDDate ?day }
                  OPTIONAL { ?instant time:inXSDgYearMonth ?month }
                  OPTIONAL { ?instant time:inXSDgYear ?year }
                  OPTIONAL { ?instant tg:notBefore ?notBefore }
                  FILTER(BOUND(?day) || BOUND(?month) || BOUND(?year) || BOUND(?notBefore))
                } ORDER BY ?item ?label""";
        List<Item> items = new ArrayList<>();
        for (Binding row : QueryRunner.create(dataset).select(query).bindings()) {
            items.add(item(row));
        }
        items.sort(Comparator.comparing(Item::sortDate).thenComparing(Item::label));
        return items.stream().distinct().toList();
    }

    private static Item item(Binding row) {
        String iri = row.get("item").getURI();
        String label = text(row.get("label"));
        String kind = text(row.get("kind"));
        String source = text(row.get("source"));
        LocalDate start;
        LocalDate end;
        String precision;
        String when;
        if (row.get("day") != null) {
            start = LocalDate.parse(text(row.get("day")));
            end = start.plusDays(1);
            precision = "day";
            when = DAY.format(start);
        } else if (row.get("month") != null) {
            YearMonth month = YearMonth.parse(text(row.get("month")));
            start = month.atDay(1);
            end = month.plusMonths(1).atDay(1);
            precision = "month";
            when = MONTH.format(month);
        } else if (row.get("year") != null) {
            Year year = Year.parse(text(row.get("year")));
            start = year.atDay(1);
            end = year.plusYears(1).atDay(1);
            precision = "year";
            when = year.toString();
        } else {
            start = LocalDate.parse(text(row.get("notBefore")));
            end = null;
            precision = "not before";
            when = "not before " + DAY.format(start);
        }
        if (row.get("relation") != null) {
            // Placed by its relation to something dated: only one bound is known, that something's start or end.
            boolean before = text(row.get("relation")).equals("before");
            String words = row.get("words") == null ? "" : " (“" + text(row.get("words")) + "”)";
            when = text(row.get("relation")) + " " + text(row.get("relativeTo")) + ", " + when + words;
            precision = text(row.get("relation"));
            if (before) {
                end = start;
                start = null;
            } else {
                start = end != null ? end : start;
                end = null;
            }
        }
        return new Item(iri, label, kind, precision, when, start, end, source);
    }

    /** The items as JSON for the drawing, with the groups they fall in (one per kind). */
    JsonObject timelineItems() {
        List<Item> items = items();
        JsonArray array = new JsonArray();
        List<String> kinds = new ArrayList<>();
        for (Item item : items) {
            JsonObject o = new JsonObject();
            o.put("iri", item.iri());
            o.put("href", Html.href(item.iri()));
            o.put("label", item.label());
            o.put("kind", item.kind());
            o.put("group", item.kind());
            o.put("precision", item.precision());
            o.put("dateText", item.dateText());
            o.put("start", item.start() == null ? JsonNull.instance : new JsonString(item.start().toString()));
            o.put("end", item.end() == null ? JsonNull.instance : new JsonString(item.end().toString()));
            o.put("source", item.source());
            array.add(o);
            if (!kinds.contains(item.kind())) {
                kinds.add(item.kind());
            }
        }
        JsonArray groups = new JsonArray();
        kinds.stream().sorted(Comparator.comparing(Workbench::groupOrder)).forEach(kind -> {
            JsonObject g = new JsonObject();
            g.put("id", kind);
            g.put("content", kind);
            g.put("order", groupOrder(kind));
            groups.add(g);
        });
        JsonObject result = new JsonObject();
        result.put("items", array);
        result.put("groups", groups);
        return result;
    }

    private static int groupOrder(String kind) {
        int at = List.of("Event", "Policy", "Statement", "News Article").indexOf(kind);
        return at < 0 ? 99 : at;
    }

    private String timelinePage() {
        List<When> rows = items().stream().map(i -> new When(i.dateText(), i.precision(), Value.link(Html.href(i.iri()), i.label()),
                i.kind(), i.source())).toList();
        return Pages.render("timeline.jte", new PageModel.Timeline(
                new Frame("Timeline", sparqlPath, List.of("timeline.css"), List.of("timeline.js")), TIMELINE_ITEMS, rows));
    }

    /** The network of who said what about whom, as the GraphML export builds it, for the drawing. */
    JsonObject networkGraph() {
        Graph<NetworkExporter.Vertex, NetworkExporter.Edge> network = new NetworkExporter(dataset).network();
        JsonArray nodes = new JsonArray();
        for (NetworkExporter.Vertex v : network.vertexSet()) {
            JsonObject node = new JsonObject();
            node.put("id", v.iri());
            node.put("href", Html.href(v.iri()) == null ? "" : Html.href(v.iri()));
            v.attributes().forEach(node::put);
            nodes.add(node);
        }
        JsonArray edges = new JsonArray();
        for (NetworkExporter.Edge e : network.edgeSet()) {
            JsonObject edge = new JsonObject();
            edge.put("source", network.getEdgeSource(e).iri());
            edge.put("target", network.getEdgeTarget(e).iri());
            edge.put("relation", e.relation());
            if (e.role() != null) {
                edge.put("role", e.role());
            }
            edges.add(edge);
        }
        JsonObject graph = new JsonObject();
        graph.put("nodes", nodes);
        graph.put("edges", edges);
        return graph;
    }

    private String networkPage() {
        Graph<NetworkExporter.Vertex, NetworkExporter.Edge> network = new NetworkExporter(dataset).network();
        List<Link> links = new ArrayList<>();
        for (NetworkExporter.Edge e : network.edgeSet()) {
            String relation = e.role() == null ? e.relation() : e.relation() + " (" + e.role() + ")";
            links.add(new Link(node(network.getEdgeSource(e)), relation, node(network.getEdgeTarget(e))));
        }
        List<Link> replies = links.stream().filter(l -> l.relation().equals("responds to")).toList();
        String counts = network.vertexSet().size() + " nodes and " + network.edgeSet().size() + " edges.";
        return Pages.render("network.jte", new PageModel.Network(new Frame("Network", sparqlPath, List.of(), List.of("network.js")),
                NETWORK_GRAPH, replies, links, counts));
    }

    private static Value node(NetworkExporter.Vertex v) {
        return Value.link(Html.href(v.iri()), v.attributes().getOrDefault("label", v.iri()));
    }

    private static String text(Node node) {
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.toString();
    }

    private static void html(HttpServletResponse response, String page) throws IOException {
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void json(HttpServletResponse response, JsonValue value) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        JSON.write(body, value);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }
}
