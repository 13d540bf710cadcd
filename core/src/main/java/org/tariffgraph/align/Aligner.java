package org.tariffgraph.align;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.tariffgraph.text.Quotations;
import org.tariffgraph.vocab.TG;

/**
 * Aligns what several reports say. Over a dataset of several articles (its default graph the
 * union of their graphs) it links, between facts of different sources:
 *
 * <ul>
 * <li>the same quote: direct quotes of the same speaker in the same words (quotation marks,
 *     case and white space aside; one may hold the other when it is at least four fifths of
 *     it) are {@code tg:sameStatementAs}: one statement, reported in several places, each
 *     report with its own evidence;</li>
 * <li>claims of the same kind about the same subject: market shares of the same holders in the
 *     same market (and region), revenue shares of the same company from the same market,
 *     rankings of the same group in the same market, the rates of the policies that target the
 *     same jurisdiction (the whole policy, or a rate combined from its parts), in the same
 *     unit: {@code tg:corroborates} when the values agree within their bounds, and
 *     {@code tg:conflictsWith} when they do not (more than 90% and exactly 99% agree; 30% and
 *     25% conflict);</li>
 * <li>roles of the same person at the same organisation: corroborating when described in the
 *     same words, conflicting when not ("senior executive" and "vice president");</li>
 * <li>events of the same kind with the same participants: corroborating when their dates
 *     agree (a day agrees with its month), conflicting when not.</li>
 * </ul>
 *
 * Synthetic articles (sources under {@value TG#SYNTHETIC_ID}), written to measure the graph
 * at scale, are not reports of a story: their facts are left out, so that no link joins them
 * to real reports.
 *
 * <p>Every link is written both ways, in the graph {@value #GRAPH}, which describes itself as
 * derived: the links are the rules' conclusions, and each side keeps its own source and
 * evidence.
 *
 * <pre>{@code
 * Graph links = Aligner.align(graph.dataset());
 * }</pre>
 */
public final class Aligner {

    /** The name of the graph of alignment links. */
    public static final String GRAPH = TG.GRAPH + "derived/alignment";

    private static final String PREFIXES = """
            PREFIX tg:   <https://w3id.org/tariffgraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX org:  <http://www.w3.org/ns/org#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX time: <http://www.w3.org/2006/time#>
            """;

    private static final String QUOTES = PREFIXES + """
            SELECT ?fact ?source ?speaker ?words WHERE {
              ?fact a tg:DirectQuote ; tg:reportedIn ?source ; tg:speaker ?speaker ; tg:verbatim ?words .
            } ORDER BY ?fact""";

    /** Each quantity with its key: the kind, the subjects, and what they are a share of or a rate on. */
    private static final String QUANTITIES = PREFIXES + """
            SELECT ?fact ?source ?kind ?subjects ?scope ?unit ?value ?bound WHERE {
              {
                ?fact a tg:MarketShareClaim ; tg:reportedIn ?source ; tg:market ?market .
                OPTIONAL { ?fact tg:region ?region }
                BIND("market share" AS ?kind)
                BIND(CONCAT(STR(?market), " ", COALESCE(STR(?region), "")) AS ?scope)
                { SELECT ?fact (GROUP_CONCAT(STR(?s); SEPARATOR=" ") AS ?subjects) WHERE { ?fact a tg:MarketShareClaim ; tg:claimSubject ?s } GROUP BY ?fact }
              } UNION {
                ?fact a tg:RevenueShareClaim ; tg:reportedIn ?source ; tg:claimSubject ?subject ; tg:revenueMarket ?market .
                BIND("revenue share" AS ?kind)
                BIND(STR(?subject) AS ?subjects)
                BIND(STR(?market) AS ?scope)
              } UNION {
                ?fact a tg:RankingClaim ; tg:reportedIn ?source ; tg:market ?market .
                BIND("ranking" AS ?kind)
                BIND(STR(?market) AS ?scope)
                { SELECT ?fact (GROUP_CONCAT(STR(?s); SEPARATOR=" ") AS ?subjects) WHERE { ?fact a tg:RankingClaim ; tg:claimSubject ?s } GROUP BY ?fact }
              } UNION {
                # The rate of a whole policy (one that is part of no other), by the jurisdiction it targets.
                ?policy tg:rate ?fact ; tg:targetJurisdiction ?target .
                FILTER NOT EXISTS { ?policy tg:partOfPolicy ?whole }
                ?fact tg:reportedIn ?source .
                BIND("tariff rate" AS ?kind)
                BIND(STR(?target) AS ?subjects)
                BIND("" AS ?scope)
              } UNION {
                # A rate combined from the parts of a whole policy: its sources are those of its parts.
                ?fact a tg:DerivedQuantity ; tg:combinedRateOf ?policy ; prov:wasDerivedFrom/tg:reportedIn ?source .
                ?policy tg:targetJurisdiction ?target .
                BIND("tariff rate" AS ?kind)
                BIND(STR(?target) AS ?subjects)
                BIND("" AS ?scope)
              }
              ?fact tg:value ?value ; tg:boundType ?bound .
              OPTIONAL { ?fact tg:unit ?unit }
            } ORDER BY ?fact ?source""";

    private static final String ROLES = PREFIXES + """
            SELECT ?fact ?source ?person ?organisation ?title WHERE {
              ?fact a tg:HeldRole ; tg:reportedIn ?source ; org:member ?person ; org:organization ?organisation .
              OPTIONAL { ?fact tg:roleTitle ?roleTitle }
              OPTIONAL { ?fact org:role/rdfs:label ?roleLabel }
              BIND(COALESCE(?roleTitle, ?roleLabel, "") AS ?title)
            } ORDER BY ?fact""";

    private static final String EVENTS = PREFIXES + """
            SELECT ?fact ?source ?kind ?participants ?date WHERE {
              ?fact a tg:Event , ?kind ; tg:reportedIn ?source ; tg:hasDate ?instant .
              ?kind rdfs:subClassOf tg:Event .
              FILTER(?kind NOT IN (tg:Event, tg:OtherEvent))
              { ?instant time:inXSDDate ?value } UNION { ?instant time:inXSDgYearMonth ?value } UNION { ?instant time:inXSDgYear ?value }
              BIND(STR(?value) AS ?date)
              { SELECT ?fact (GROUP_CONCAT(STR(?p); SEPARATOR=" ") AS ?participants) WHERE { ?fact a tg:Event ; tg:participant ?p } GROUP BY ?fact }
            } ORDER BY ?fact""";

    private Aligner() {}

    /** The alignment links of a dataset whose default graph holds all its facts. */
    public static Graph align(DatasetGraph dataset) {
        Graph links = GraphFactory.createDefaultGraph();
        Node graph = NodeFactory.createURI(GRAPH);
        links.add(graph, RDFS.label.asNode(), NodeFactory.createLiteralLang("Alignment of the reports (derived)", "en"));
        links.add(graph, DCTerms.description.asNode(), NodeFactory.createLiteralLang(
                "Links derived by rules between the facts of different reports: the same quote reported in several places, "
                        + "and claims, roles and events of the same kind about the same subject that agree (corroborate) or do not "
                        + "(conflict). No report states them; each side keeps its own source and evidence.", "en"));
        Txn.executeRead(dataset, () -> {
            quotes(dataset, links);
            quantities(dataset, links);
            roles(dataset, links);
            events(dataset, links);
        });
        return links;
    }

    private static void quotes(DatasetGraph dataset, Graph links) {
        forPairs(group(rows(dataset, QUOTES), row -> text(row, "speaker")), (a, b) -> {
            if (Quotations.sameWords(text(a, "words"), text(b, "words"))) {
                link(links, a.get("fact"), TG.sameStatementAs, b.get("fact"));
            }
        });
    }

    private static void quantities(DatasetGraph dataset, Graph links) {
        Map<String, List<Binding>> byKey = group(rows(dataset, QUANTITIES), row -> text(row, "kind") + "|"
                + sorted(text(row, "subjects")) + "|" + text(row, "scope") + "|" + text(row, "unit"));
        forPairs(byKey, (a, b) -> {
            boolean agree = interval(a).meets(interval(b));
            link(links, a.get("fact"), agree ? TG.corroborates : TG.conflictsWith, b.get("fact"));
        });
    }

    private static Interval interval(Binding row) {
        BigDecimal value = new BigDecimal(row.get("value").getLiteralLexicalForm());
        String bound = row.get("bound").getURI();
        return Interval.of(value, bound.substring(bound.indexOf('#') + 1));
    }

    private static void roles(DatasetGraph dataset, Graph links) {
        forPairs(group(rows(dataset, ROLES), row -> text(row, "person") + "|" + text(row, "organisation")), (a, b) -> {
            boolean same = Quotations.normal(text(a, "title")).equals(Quotations.normal(text(b, "title")));
            link(links, a.get("fact"), same ? TG.corroborates : TG.conflictsWith, b.get("fact"));
        });
    }

    private static void events(DatasetGraph dataset, Graph links) {
        forPairs(group(rows(dataset, EVENTS), row -> text(row, "kind") + "|" + sorted(text(row, "participants"))), (a, b) -> {
            String x = text(a, "date");
            String y = text(b, "date");
            boolean agree = x.startsWith(y) || y.startsWith(x);
            link(links, a.get("fact"), agree ? TG.corroborates : TG.conflictsWith, b.get("fact"));
        });
    }

    /** Rows grouped by a key: only facts with the same key are compared, so the work grows with the groups, not the whole. */
    private static Map<String, List<Binding>> group(List<Binding> rows, Function<Binding, String> key) {
        Map<String, List<Binding>> groups = new LinkedHashMap<>();
        for (Binding row : rows) {
            groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    /** Each pair of distinct facts of different sources within a group, once. */
    private static void forPairs(Map<String, List<Binding>> groups, BiConsumer<Binding, Binding> action) {
        for (List<Binding> group : groups.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    Binding a = group.get(i);
                    Binding b = group.get(j);
                    if (!a.get("source").equals(b.get("source")) && !a.get("fact").equals(b.get("fact"))) {
                        action.accept(a, b);
                    }
                }
            }
        }
    }

    /** Space-separated words in a fixed order, so that the same set gives the same key. */
    private static String sorted(String words) {
        return String.join(" ", new TreeSet<>(List.of(words.split(" "))));
    }

    private static void link(Graph links, Node a, Node property, Node b) {
        links.add(a, property, b);
        links.add(b, property, a);
    }

    private static String text(Binding row, String var) {
        Node n = row.get(var);
        return n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    private static List<Binding> rows(DatasetGraph dataset, String query) {
        List<Binding> rows = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
            exec.select().forEachRemaining(row -> {
                if (!row.get("source").getURI().startsWith(TG.SYNTHETIC_ID)) {
                    rows.add(row);
                }
            });
        }
        return rows;
    }
}
