package org.tariffgraph.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.tariffgraph.text.SourceFolders;
import org.tariffgraph.text.SourceText;
import org.tariffgraph.text.TextException;
import org.tariffgraph.vocab.TG;

/**
 * Checks every text span of the graph (evidence and page segments) against the source
 * text it points into.
 *
 * <p>For each source document with a {@code tg:fileName}, the file is read from the sources
 * folder and its SHA-256 and lengths compared with the graph. Then every span must slice
 * the text, from {@code oa:start} (inclusive) to {@code oa:end} (exclusive) in Unicode code
 * points, to exactly its {@code oa:exact}, with its {@code oa:prefix} and {@code oa:suffix}
 * just around it, and the quote with its context must occur once in the text. Two coverage
 * rules follow: every visible character of the page lies in exactly one page segment, and
 * every visible character of the headline and story paragraphs is evidence of some fact.
 */
public final class EvidenceCheck {

    static final String NAME = "evidence";

    private static final String PREFIXES = """
            PREFIX tg: <https://w3id.org/tariffgraph/ontology#>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            """;

    private static final Query SOURCES = QueryFactory.create(PREFIXES + """
            SELECT ?source ?file ?sha ?chars ?bytes WHERE {
              ?source tg:fileName ?file .
              OPTIONAL { ?source tg:sha256 ?sha }
              OPTIONAL { ?source tg:charLength ?chars }
              OPTIONAL { ?source tg:byteLength ?bytes }
            } ORDER BY ?source
            """);

    private static final Query SPANS = QueryFactory.create(PREFIXES + """
            SELECT ?span ?source ?exact ?prefix ?suffix ?start ?end ?segmentKind ?isEvidence WHERE {
              ?span oa:hasSource ?source ;
                    oa:hasSelector ?quote , ?position .
              ?quote a oa:TextQuoteSelector ; oa:exact ?exact .
              OPTIONAL { ?quote oa:prefix ?prefix }
              OPTIONAL { ?quote oa:suffix ?suffix }
              ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
              OPTIONAL {
                ?span a ?segmentKind .
                VALUES ?segmentKind { tg:Headline tg:StoryParagraph tg:SectionHeading tg:NonStorySegment }
              }
              BIND(EXISTS { ?fact tg:hasEvidence ?span } AS ?isEvidence)
            } ORDER BY ?span
            """);

    private static final String HEADLINE = TG.Headline.getURI();
    private static final String STORY_PARAGRAPH = TG.StoryParagraph.getURI();

    private EvidenceCheck() {}

    /** A span of text as the graph describes it. */
    private record Span(String iri, String exact, String prefix, String suffix, int start, int end,
                        String segmentKind, boolean isEvidence) {

        boolean isSegment() {
            return segmentKind != null;
        }
    }

    /** Checks all spans of {@code dataset} against the texts in {@code sourcesDir}. */
    public static Report run(DatasetGraph dataset, Path sourcesDir) {
        return run(dataset, SourceFolders.of(sourcesDir));
    }

    /** Checks all spans of {@code dataset} against the texts found in {@code sources}. */
    public static Report run(DatasetGraph dataset, SourceFolders sources) {
        List<Problem> problems = new ArrayList<>();
        if (!sources.missing().isEmpty()) {
            sources.missing().forEach(missing -> problems.add(new Problem(NAME, "", "no sources folder at " + missing
                    + "; give its location with --sources")));
            return Report.of(NAME, problems);
        }
        Txn.executeRead(dataset, () -> {
            Map<String, List<Span>> spansBySource = spansBySource(dataset);
            List<String> checkedSources = new ArrayList<>();
            for (Binding source : rows(dataset, SOURCES)) {
                String iri = source.get(Var.alloc("source")).getURI();
                checkedSources.add(iri);
                checkSource(source, iri, sources, spansBySource.getOrDefault(iri, List.of()), problems);
            }
            spansBySource.keySet().stream()
                    .filter(iri -> !checkedSources.contains(iri))
                    .forEach(iri -> problems.add(new Problem(NAME, iri,
                            "text spans point into this source, but it has no tg:fileName, so they cannot be checked")));
        });
        return Report.of(NAME, problems);
    }

    private static void checkSource(Binding row, String iri, SourceFolders sources, List<Span> spans, List<Problem> problems) {
        String fileName = row.get(Var.alloc("file")).getLiteralLexicalForm();
        if (!SourceFolders.isPlainName(fileName)) {
            problems.add(new Problem(NAME, iri, "tg:fileName must be a plain file name, not a path: " + fileName));
            return;
        }
        Optional<Path> found = sources.find(fileName);
        if (found.isEmpty()) {
            problems.add(new Problem(NAME, iri, "cannot use the source text: no file " + fileName + " in " + sources));
            return;
        }
        Path file = found.get();
        SourceText source;
        try {
            source = SourceText.read(file);
        } catch (TextException e) {
            problems.add(new Problem(NAME, iri, "cannot use the source text: " + e.getMessage()));
            return;
        }
        expectLiteral(row, "sha", source.sha256(), iri, "SHA-256 of " + fileName, problems);
        expectLiteral(row, "bytes", Integer.toString(source.byteLength()), iri, "byte length of " + fileName, problems);
        String text = source.text();
        int[] codePoints = text.codePoints().toArray();
        expectLiteral(row, "chars", Integer.toString(codePoints.length), iri, "length in code points of " + fileName, problems);
        for (Span span : spans) {
            checkSpan(span, text, codePoints, problems);
        }
        checkSegmentsCoverPage(iri, spans, codePoints, problems);
        checkStoryIsEvidence(spans, codePoints, problems);
    }

    private static void expectLiteral(Binding row, String var, String actual, String iri, String what, List<Problem> problems) {
        Node value = row.get(Var.alloc(var));
        if (value == null) {
            problems.add(new Problem(NAME, iri, "the graph does not record the " + what + " (" + actual + ")"));
        } else if (!value.getLiteralLexicalForm().equals(actual)) {
            problems.add(new Problem(NAME, iri, "the graph records " + value.getLiteralLexicalForm() + " as the "
                    + what + ", but the file gives " + actual));
        }
    }

    /** @param whole the text as a string; {@code text}, the same as code points */
    private static void checkSpan(Span span, String whole, int[] text, List<Problem> problems) {
        if (span.start < 0 || span.end > text.length || span.start >= span.end) {
            problems.add(new Problem(NAME, span.iri, "offsets " + span.start + "-" + span.end
                    + " are outside the text, which has " + text.length + " characters"));
            return;
        }
        String slice = slice(text, span.start, span.end);
        if (!slice.equals(span.exact)) {
            problems.add(new Problem(NAME, span.iri, "offsets " + span.start + "-" + span.end + " give \""
                    + abbreviate(slice) + "\" but the quote is \"" + abbreviate(span.exact) + "\""));
            return;
        }
        String before = slice(text, Math.max(0, span.start - length(span.prefix)), span.start);
        if (span.prefix == null || !before.equals(span.prefix)) {
            problems.add(new Problem(NAME, span.iri, "oa:prefix " + quoted(span.prefix)
                    + " does not match the text before the quote, \"" + before + "\""));
        }
        String after = slice(text, span.end, Math.min(text.length, span.end + length(span.suffix)));
        if (span.suffix == null || !after.equals(span.suffix)) {
            problems.add(new Problem(NAME, span.iri, "oa:suffix " + quoted(span.suffix)
                    + " does not match the text after the quote, \"" + after + "\""));
        }
        String withContext = nullToEmpty(span.prefix) + span.exact + nullToEmpty(span.suffix);
        int first = whole.indexOf(withContext);
        if (first >= 0 && whole.indexOf(withContext, first + 1) >= 0) {
            problems.add(new Problem(NAME, span.iri, "the quote with its prefix and suffix occurs more than once in the text"));
        }
    }

    /** Every visible character of the page belongs to exactly one page segment. */
    private static void checkSegmentsCoverPage(String source, List<Span> spans, int[] text, List<Problem> problems) {
        List<Span> segments = spans.stream().filter(Span::isSegment).toList();
        if (segments.isEmpty()) {
            return;
        }
        int[] owners = new int[text.length];
        for (Span segment : segments) {
            for (int i = Math.max(0, segment.start); i < Math.min(text.length, segment.end); i++) {
                owners[i]++;
            }
        }
        reportRuns(text, i -> owners[i] == 0, (from, to) -> new Problem(NAME, source,
                "characters " + from + "-" + to + " (\"" + abbreviate(slice(text, from, to))
                + "\") belong to no page segment"), problems);
        reportRuns(text, i -> owners[i] > 1, (from, to) -> new Problem(NAME, source,
                "characters " + from + "-" + to + " (\"" + abbreviate(slice(text, from, to))
                + "\") belong to more than one page segment"), problems);
    }

    /** Every visible character of the headline and the story paragraphs is the evidence of a fact. */
    private static void checkStoryIsEvidence(List<Span> spans, int[] text, List<Problem> problems) {
        boolean[] covered = new boolean[text.length];
        spans.stream().filter(Span::isEvidence).forEach(span -> {
            for (int i = Math.max(0, span.start); i < Math.min(text.length, span.end); i++) {
                covered[i] = true;
            }
        });
        for (Span segment : spans) {
            if (!HEADLINE.equals(segment.segmentKind) && !STORY_PARAGRAPH.equals(segment.segmentKind)) {
                continue;
            }
            int from = Math.max(0, segment.start);
            int to = Math.min(text.length, segment.end);
            reportRuns(text, i -> i >= from && i < to && !covered[i], (a, b) -> new Problem(NAME, segment.iri,
                    "story text at " + a + "-" + b + " (\"" + abbreviate(slice(text, a, b))
                    + "\") is not the evidence of any fact"), problems);
        }
    }

    private interface IndexTest {
        boolean test(int index);
    }

    private interface RunReporter {
        Problem report(int from, int to);
    }

    /** Reports each maximal run of visible characters that pass the test; white space neither starts nor breaks a run. */
    private static void reportRuns(int[] text, IndexTest test, RunReporter reporter, List<Problem> problems) {
        int runStart = -1;
        int lastVisible = -1;
        for (int i = 0; i <= text.length; i++) {
            boolean blank = i < text.length && isBlank(text[i]);
            if (blank) {
                continue;
            }
            boolean hit = i < text.length && test.test(i);
            if (hit && runStart < 0) {
                runStart = i;
            } else if (!hit && runStart >= 0) {
                problems.add(reporter.report(runStart, lastVisible + 1));
                runStart = -1;
            }
            lastVisible = i;
        }
    }

    private static boolean isBlank(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static Map<String, List<Span>> spansBySource(DatasetGraph dataset) {
        Map<String, List<Span>> bySource = new TreeMap<>();
        for (Binding row : rows(dataset, SPANS)) {
            Node segmentKind = row.get(Var.alloc("segmentKind"));
            Span span = new Span(
                    ShapeCheck.nodeText(row.get(Var.alloc("span"))),
                    row.get(Var.alloc("exact")).getLiteralLexicalForm(),
                    lexical(row.get(Var.alloc("prefix"))),
                    lexical(row.get(Var.alloc("suffix"))),
                    integer(row.get(Var.alloc("start"))),
                    integer(row.get(Var.alloc("end"))),
                    segmentKind == null ? null : segmentKind.getURI(),
                    "true".equals(row.get(Var.alloc("isEvidence")).getLiteralLexicalForm()));
            bySource.computeIfAbsent(ShapeCheck.nodeText(row.get(Var.alloc("source"))), k -> new ArrayList<>()).add(span);
        }
        return bySource;
    }

    private static List<Binding> rows(DatasetGraph dataset, Query query) {
        List<Binding> rows = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
            RowSet rowSet = exec.select();
            rowSet.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static int integer(Node node) {
        try {
            return Integer.parseInt(node.getLiteralLexicalForm().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String lexical(Node node) {
        return node == null ? null : node.getLiteralLexicalForm();
    }

    private static int length(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String quoted(String s) {
        return s == null ? "(missing)" : "\"" + s + "\"";
    }

    static String slice(int[] codePoints, int from, int to) {
        return new String(codePoints, from, Math.max(0, to - from));
    }

    private static String abbreviate(String s) {
        String oneLine = s.replace("\n", "\\n");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

}
