package org.tariffgraph.draft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.tariffgraph.text.Quotations;

/**
 * How well a draft matches a reading of the same report made by hand, kind by kind: the
 * precision (what share of the drafted facts are right) and recall (what share of the facts
 * of the reading were drafted).
 *
 * <p>A drafted fact is right when it matches a fact of the reading not matched before:
 * a quote by the same speaker with the same words (quotation marks, white space and case
 * aside; one may hold the other when it is at least four fifths of it); a paraphrase by the
 * same speaker whose words share at least half of their words with it; a role of the same
 * person with the same words (and the same organisation where both name one); a quantity
 * with the same value and bound; a date with the same value and precision; a mention of the
 * same name.
 */
public final class Evaluation {

    /** The kinds of fact compared. */
    public enum Kind {
        QUOTE("direct quotes with speaker"), PARAPHRASE("paraphrases with speaker"), ROLE("roles"),
        QUANTITY("quantities with value and bound"), DATE("dates with precision"), MENTION("entity mentions");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One fact, as its kind's fields: speaker and words; person, role, organisation; value, bound, unit; value, precision; name. */
    public record Fact(Kind kind, List<String> fields) {

        public Fact {
            fields = List.copyOf(fields);
        }

        String field(int i) {
            return i < fields.size() ? fields.get(i) : "";
        }
    }

    /** The counts of one kind. */
    public record Score(Kind kind, int drafted, int gold, int matched) {

        /** Matched drafted facts over drafted facts; 1 when nothing was drafted. */
        public double precision() {
            return drafted == 0 ? 1.0 : (double) matched / drafted;
        }

        /** Matched facts over the facts of the reading; 1 when the reading holds none. */
        public double recall() {
            return gold == 0 ? 1.0 : (double) matched / gold;
        }
    }

    private Evaluation() {}

    private static final String FACTS = """
            PREFIX tg:     <https://w3id.org/tariffgraph/ontology#>
            PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX org:    <http://www.w3.org/ns/org#>
            PREFIX schema: <https://schema.org/>
            PREFIX time:   <http://www.w3.org/2006/time#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?kind ?a ?b ?c WHERE {
              {
                ?s a ?class ; tg:reportedIn ?source ; tg:speaker/rdfs:label ?a ; tg:verbatim ?b .
                VALUES (?class ?kind) { (tg:DirectQuote "QUOTE") (tg:Paraphrase "PARAPHRASE") }
              } UNION {
                ?r a tg:HeldRole ; tg:reportedIn ?source ; org:member/rdfs:label ?a .
                OPTIONAL { ?r tg:roleTitle ?title }
                OPTIONAL { ?r org:role/rdfs:label ?roleLabel }
                BIND(COALESCE(?title, ?roleLabel) AS ?b)
                OPTIONAL { ?r org:organization/rdfs:label ?c }
                BIND("ROLE" AS ?kind)
              } UNION {
                ?q a tg:QuantitativeClaim ; tg:reportedIn ?source ; tg:value ?a ; tg:boundType ?bound .
                BIND(STR(?bound) AS ?b)
                BIND(STR(?q) AS ?c)
                BIND("QUANTITY" AS ?kind)
              } UNION {
                ?f tg:reportedIn ?source ; tg:hasDate|tg:introducedOn ?instant .
                BIND("DATE" AS ?kind)
              } UNION {
                ?resolution a tg:DateResolution ; tg:resolvedTo ?instant .
                { ?f tg:dateResolution ?resolution ; tg:reportedIn ?source } UNION { ?resolution dcterms:source ?source }
                BIND("DATE" AS ?kind)
              } UNION {
                ?source schema:mentions/rdfs:label ?a .
                BIND("MENTION" AS ?kind)
              }
              OPTIONAL { ?instant time:inXSDDate ?day }
              OPTIONAL { ?instant time:inXSDgYearMonth ?month }
              OPTIONAL { ?instant time:inXSDgYear ?year }
              BIND(IF(?kind = "DATE", STR(COALESCE(?day, ?month, ?year)), ?a) AS ?value)
            }
            """;

    /**
     * The facts a source reports in a dataset, in the shape of a hand-made reading: its
     * quotes and paraphrases with their speakers' labels, its roles, its quantities, the dates
     * of its dated facts, and the labels of what it mentions.
     */
    public static List<Fact> factsOf(org.apache.jena.sparql.core.DatasetGraph dataset, String sourceIri) {
        String query = FACTS.replace("SELECT ?kind ?a ?b ?c WHERE {", "SELECT ?kind ?value ?b ?c ?day ?month ?year WHERE {\n  VALUES ?source { <" + sourceIri + "> }");
        List<Fact> facts = new ArrayList<>();
        org.apache.jena.sparql.core.DatasetGraph union = org.tariffgraph.load.UnionDefaultGraph.view(dataset);
        org.apache.jena.system.Txn.executeRead(dataset, () -> {
            try (var exec = org.apache.jena.sparql.exec.QueryExec.dataset(union).query(query).build()) {
                exec.select().forEachRemaining(row -> {
                    Kind kind = Kind.valueOf(row.get("kind").getLiteralLexicalForm());
                    String value = text(row.get("value"));
                    List<String> fields = switch (kind) {
                        case QUOTE, PARAPHRASE -> List.of(value, text(row.get("b")));
                        case ROLE -> List.of(value, text(row.get("b")), text(row.get("c")));
                        // The claim itself comes last, so that two claims of the same number are two facts.
                        case QUANTITY -> List.of(value, bound(text(row.get("b"))), "", text(row.get("c")));
                        case DATE -> List.of(value, row.get("day") != null ? "day" : row.get("month") != null ? "month" : "year");
                        case MENTION -> List.of(value);
                    };
                    facts.add(new Fact(kind, fields));
                });
            }
        });
        return facts;
    }

    private static String text(org.apache.jena.graph.Node node) {
        return node == null ? "" : node.isLiteral() ? node.getLiteralLexicalForm() : node.toString();
    }

    /** A bound type's IRI as the reading writes it: tg:MoreThan as more_than. */
    private static String bound(String iri) {
        String local = iri.substring(iri.indexOf('#') + 1);
        if (local.equals("Approximately") || local.equals("About")) {
            return "about";
        }
        return local.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** Compares drafted facts with a reading, kind by kind, each fact of the reading matched at most once. */
    public static Map<Kind, Score> compare(List<Fact> drafted, List<Fact> gold) {
        Map<Kind, Score> scores = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            List<Fact> mine = distinct(drafted, kind);
            List<Fact> theirs = distinct(gold, kind);
            Set<Integer> used = new HashSet<>();
            int matched = 0;
            for (Fact d : mine) {
                for (int i = 0; i < theirs.size(); i++) {
                    if (!used.contains(i) && matches(d, theirs.get(i))) {
                        used.add(i);
                        matched++;
                        break;
                    }
                }
            }
            scores.put(kind, new Score(kind, mine.size(), theirs.size(), matched));
        }
        return scores;
    }

    /** The facts of one kind, each once: mentions and the other kinds are sets, not lists. */
    private static List<Fact> distinct(List<Fact> facts, Kind kind) {
        Set<List<String>> seen = new LinkedHashSet<>();
        List<Fact> out = new ArrayList<>();
        for (Fact f : facts) {
            if (f.kind() == kind && seen.add(normalised(f))) {
                out.add(f);
            }
        }
        return out;
    }

    private static List<String> normalised(Fact f) {
        return f.fields().stream().map(Evaluation::normal).toList();
    }

    static boolean matches(Fact d, Fact g) {
        return switch (d.kind()) {
            case QUOTE -> same(d.field(0), g.field(0)) && Quotations.sameWords(d.field(1), g.field(1));
            case PARAPHRASE -> same(d.field(0), g.field(0)) && overlap(d.field(1), g.field(1)) >= 0.5;
            case ROLE -> same(d.field(0), g.field(0)) && same(d.field(1), g.field(1))
                    && (d.field(2).isEmpty() || g.field(2).isEmpty() || same(d.field(2), g.field(2)));
            case QUANTITY -> sameNumber(d.field(0), g.field(0)) && same(d.field(1), g.field(1));
            case DATE -> same(d.field(0), g.field(0)) && same(d.field(1), g.field(1));
            case MENTION -> same(d.field(0), g.field(0));
        };
    }

    private static boolean same(String a, String b) {
        return normal(a).equals(normal(b));
    }

    /** The same number; a share written as a ratio ("9/10") equals the decimal it is exactly, and no rounding of it. */
    private static boolean sameNumber(String a, String b) {
        try {
            BigDecimal[] x = ratio(a.strip());
            BigDecimal[] y = ratio(b.strip());
            return x[0].multiply(y[1]).compareTo(y[0].multiply(x[1])) == 0;
        } catch (NumberFormatException e) {
            return same(a, b);
        }
    }

    private static BigDecimal[] ratio(String number) {
        int slash = number.indexOf('/');
        return slash < 0 ? new BigDecimal[] {new BigDecimal(number), BigDecimal.ONE}
                : new BigDecimal[] {new BigDecimal(number.substring(0, slash)), new BigDecimal(number.substring(slash + 1))};
    }

    /** The share of the words of the longer text that the other holds too. */
    private static double overlap(String a, String b) {
        List<String> x = words(a);
        List<String> y = words(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> ys = new HashSet<>(y);
        long common = x.stream().filter(ys::contains).count();
        return (double) common / Math.max(x.size(), y.size());
    }

    private static List<String> words(String s) {
        return Arrays.stream(normal(s).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** Lower case, typographic quotes and dashes as plain ones, white space folded, end punctuation and marks dropped. */
    static String normal(String s) {
        return Quotations.normal(s);
    }

    /**
     * Reads a hand-made reading: tab-separated, a header line, then one fact a line
     * ({@code quote SPEAKER WORDS}, {@code paraphrase SPEAKER WORDS}, {@code role PERSON ROLE ORG},
     * {@code quantity VALUE BOUND UNIT MEASURES}, {@code date VALUE PRECISION WORDS},
     * {@code mention NAME KIND}); other kinds are not compared.
     */
    public static List<Fact> readTsv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Fact> facts = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            Kind kind;
            try {
                kind = Kind.valueOf(cells[0].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                continue;
            }
            List<String> fields = new ArrayList<>(Arrays.asList(cells).subList(1, cells.length));
            if (kind == Kind.QUANTITY && fields.size() > 1) {
                fields.set(1, fields.get(1).replace('-', '_'));
            }
            facts.add(new Fact(kind, fields));
        }
        return facts;
    }
}
