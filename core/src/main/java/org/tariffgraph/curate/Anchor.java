package org.tariffgraph.curate;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.tariffgraph.text.Selector;
import org.tariffgraph.text.SourceText;
import org.tariffgraph.text.TextException;
import org.tariffgraph.vocab.TG;

/**
 * Puts the words a curator typed in place: for every text span (page segment or evidence)
 * whose quote selector has an {@code oa:exact}, finds the words in the source text and
 * fills in or corrects the span's position selector ({@code oa:start}, {@code oa:end}) and
 * its quote's {@code oa:prefix} and {@code oa:suffix}, so that a curator types only the
 * words and the evidence check then finds them where the graph says. Each source's
 * {@code tg:sha256}, {@code tg:byteLength} and {@code tg:charLength} are set from its file.
 *
 * <p>Where the words occur once in the text, that is their place. Where they occur several
 * times, an {@code oa:start} the span already has that points at one of them chooses it,
 * or else an {@code oa:prefix} or {@code oa:suffix} it already has that only one of them
 * stands between. Words that are not in the text, or that nothing tells apart, are
 * refused, naming the span, the words and the offsets where they occur. Every span is
 * tried and every problem reported together; the dataset is changed only when all
 * succeed. A span whose selectors are already right is left as it is.
 *
 * <p>A source is found by its {@code tg:fileName} in the sources folder; a name with a
 * path separator or starting with a dot is refused, so that a data file cannot make the
 * curator's tools read outside that folder.
 *
 * <pre>{@code
 * TrigFile draft = TrigFile.read(Path.of("coinwire-daily.trig"));
 * Anchor.Result result = Anchor.withSources(Path.of("../shared/sources")).anchor(draft.dataset());
 * System.out.println(result.anchored().size() + " spans anchored, " + result.alreadyRight().size() + " already right");
 * }</pre>
 */
public final class Anchor {

    private final Path sources;

    private Anchor(Path sources) {
        this.sources = sources;
    }

    /** Anchors against the texts in a folder, each found by its source's {@code tg:fileName}. */
    public static Anchor withSources(Path folder) {
        return new Anchor(Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize());
    }

    /**
     * What an anchoring changed, each list in IRI order.
     *
     * @param anchored       the spans whose selectors were filled in or corrected
     * @param alreadyRight   the spans whose selectors were right and were left as they were
     * @param sourcesUpdated the sources whose SHA-256 or lengths were set from their files
     */
    public record Result(List<String> anchored, List<String> alreadyRight, List<String> sourcesUpdated) {

        public Result {
            anchored = List.copyOf(anchored);
            alreadyRight = List.copyOf(alreadyRight);
            sourcesUpdated = List.copyOf(sourcesUpdated);
        }

        /** Whether anything was changed. */
        public boolean changed() {
            return !anchored.isEmpty() || !sourcesUpdated.isEmpty();
        }
    }

    /**
     * Anchors every span of a dataset whose quote has words, and sets each source's
     * checksum and lengths.
     *
     * @throws CurationException listing every span or source that could not be anchored; the dataset is then unchanged
     */
    public Result anchor(DatasetGraph dataset) {
        WorkingCopy work = new WorkingCopy(dataset);
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(sources)) {
            throw new CurationException(List.of("no sources folder at " + sources));
        }
        Map<Node, SourceText> texts = new LinkedHashMap<>();
        Set<Node> unusable = new HashSet<>();
        List<String> sourcesUpdated = new ArrayList<>();
        for (Node source : work.subjects(TG.fileName, Node.ANY)) {
            SourceText text = read(work, source, problems);
            if (text == null) {
                unusable.add(source);
            } else {
                texts.put(source, text);
                if (updateSource(work, source, text)) {
                    sourcesUpdated.add(Terms.iri(source));
                }
            }
        }
        List<String> anchored = new ArrayList<>();
        List<String> alreadyRight = new ArrayList<>();
        for (Node span : spans(work)) {
            Outcome outcome = anchorSpan(work, span, texts, unusable, problems);
            if (outcome == Outcome.ANCHORED) {
                anchored.add(Terms.iri(span));
            } else if (outcome == Outcome.RIGHT) {
                alreadyRight.add(Terms.iri(span));
            }
        }
        if (!problems.isEmpty()) {
            throw new CurationException(problems);
        }
        work.commit();
        return new Result(anchored, alreadyRight, sourcesUpdated);
    }

    private enum Outcome { ANCHORED, RIGHT, SKIPPED }

    /** The text of a source from its file, or null with the problem recorded. */
    private SourceText read(WorkingCopy work, Node source, List<String> problems) {
        List<Node> names = work.objects(source, TG.fileName);
        String name = names.size() == 1 ? Terms.textOf(names.get(0)) : null;
        if (name == null) {
            problems.add(Terms.name(source) + ": needs exactly one tg:fileName, a plain string; it has "
                    + names.stream().map(Node::toString).collect(Collectors.joining(", ")));
            return null;
        }
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            problems.add(Terms.name(source) + ": tg:fileName must be the plain name of a file in the sources folder, not \""
                    + name + "\"");
            return null;
        }
        Path file;
        try {
            file = sources.resolve(name).normalize();
        } catch (InvalidPathException e) {
            problems.add(Terms.name(source) + ": tg:fileName \"" + name + "\" is not a file name: " + e.getMessage());
            return null;
        }
        if (!sources.equals(file.getParent())) {
            problems.add(Terms.name(source) + ": tg:fileName \"" + name + "\" names no file directly in " + sources);
            return null;
        }
        try {
            return SourceText.read(file);
        } catch (TextException e) {
            problems.add(Terms.name(source) + ": cannot use its text: " + e.getMessage());
            return null;
        }
    }

    /** Sets the SHA-256 and lengths of a source from its text; whether any of them changed. */
    private static boolean updateSource(WorkingCopy work, Node source, SourceText text) {
        List<Node> graphs = work.graphsOf(source, TG.fileName);
        boolean changed = false;
        Node[][] values = {
                {TG.sha256, Terms.str(text.sha256())},
                {TG.byteLength, Terms.integer(text.byteLength())},
                {TG.charLength, Terms.integer(text.length())}};
        for (Node[] pair : values) {
            if (!work.objects(source, pair[0]).equals(List.of(pair[1]))) {
                work.removeAll(source, pair[0]);
                graphs.forEach(g -> work.add(g, source, pair[0], pair[1]));
                changed = true;
            }
        }
        return changed;
    }

    /** The nodes with a quote selector, in IRI order. */
    private static List<Node> spans(WorkingCopy work) {
        return work.subjects(OA.hasSelector.asNode(), Node.ANY).stream()
                .filter(span -> work.objects(span, OA.hasSelector.asNode()).stream()
                        .anyMatch(s -> work.hasType(s, OA.TextQuoteSelector.asNode())))
                .toList();
    }

    private static Outcome anchorSpan(WorkingCopy work, Node span, Map<Node, SourceText> texts, Set<Node> unusable,
                                      List<String> problems) {
        List<Node> quotes = selectors(work, span, OA.TextQuoteSelector.asNode());
        List<Node> positions = selectors(work, span, OA.TextPositionSelector.asNode());
        String name = Terms.name(span);
        if (quotes.size() > 1) {
            problems.add(name + ": has " + quotes.size() + " quote selectors; keep one");
            return Outcome.SKIPPED;
        }
        Node quote = quotes.get(0);
        List<Node> exacts = work.objects(quote, OA.exact.asNode());
        if (exacts.isEmpty()) {
            return Outcome.SKIPPED;
        }
        String exact = exacts.size() == 1 ? Terms.textOf(exacts.get(0)) : null;
        if (exact == null || exact.isEmpty()) {
            problems.add(name + ": its quote needs exactly one oa:exact, the words as a non-empty string");
            return Outcome.SKIPPED;
        }
        List<Node> sources = work.objects(span, OA.hasSource.asNode());
        if (sources.size() != 1) {
            problems.add(name + ": needs exactly one oa:hasSource, the source its words are in; it has " + sources.size());
            return Outcome.SKIPPED;
        }
        if (unusable.contains(sources.get(0))) {
            return Outcome.SKIPPED;
        }
        SourceText text = texts.get(sources.get(0));
        if (text == null) {
            problems.add(name + ": its source " + Terms.name(sources.get(0)) + " has no tg:fileName, so its words cannot be found");
            return Outcome.SKIPPED;
        }
        if (positions.size() > 1) {
            problems.add(name + ": has " + positions.size() + " position selectors; keep one");
            return Outcome.SKIPPED;
        }
        Node position = positions.isEmpty() ? null : positions.get(0);
        Integer start = position == null ? null : Terms.integerOf(work.single(position, OA.start.asNode()));
        Integer end = position == null ? null : Terms.integerOf(work.single(position, OA.end.asNode()));
        String prefix = Terms.textOf(work.single(quote, OA.prefix.asNode()));
        String suffix = Terms.textOf(work.single(quote, OA.suffix.asNode()));
        if (isRight(text, exact, prefix, suffix, start, end)) {
            return Outcome.RIGHT;
        }
        int at = place(text, span, exact, start, prefix, suffix, problems);
        if (at < 0) {
            return Outcome.SKIPPED;
        }
        write(work, span, quote, position, text.selector(at, at + exact.codePointCount(0, exact.length())));
        return Outcome.ANCHORED;
    }

    private static List<Node> selectors(WorkingCopy work, Node span, Node type) {
        return work.objects(span, OA.hasSelector.asNode()).stream().filter(s -> work.hasType(s, type)).toList();
    }

    /** Whether the selectors pass the evidence check as they are: the offsets give the words, with the prefix and suffix around them, once. */
    private static boolean isRight(SourceText text, String exact, String prefix, String suffix, Integer start, Integer end) {
        if (start == null || end == null || prefix == null || suffix == null
                || start < 0 || end > text.length() || start >= end || !text.slice(start, end).equals(exact)) {
            return false;
        }
        int prefixLength = prefix.codePointCount(0, prefix.length());
        int suffixLength = suffix.codePointCount(0, suffix.length());
        if (!text.slice(start - prefixLength, start).equals(prefix) || !text.slice(end, end + suffixLength).equals(suffix)) {
            return false;
        }
        return text.occurrences(prefix + exact + suffix).size() == 1;
    }

    /** Where the words are, in code points; -1 with the problem recorded when that cannot be told. */
    private static int place(SourceText text, Node span, String exact, Integer start, String prefix, String suffix,
                             List<String> problems) {
        List<Integer> at = text.occurrences(exact);
        String words = "\"" + Terms.abbreviate(exact) + "\"";
        if (at.isEmpty()) {
            problems.add(Terms.name(span) + ": the words " + words + " are not in " + text.name());
            return -1;
        }
        if (at.size() == 1) {
            return at.get(0);
        }
        if (start != null && at.contains(start)) {
            return start;
        }
        boolean context = (prefix != null && !prefix.isEmpty()) || (suffix != null && !suffix.isEmpty());
        List<Integer> fit = context ? at.stream().filter(o -> fits(text, o, exact, prefix, suffix)).toList() : List.of();
        if (fit.size() == 1) {
            return fit.get(0);
        }
        problems.add(Terms.name(span) + ": the words " + words + " occur " + at.size() + " times in " + text.name()
                + " (at " + at.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")"
                + (context ? ", and its oa:prefix and oa:suffix fit " + (fit.isEmpty() ? "none" : fit.size()) + " of them" : "")
                + "; set oa:start to one of these offsets, or give an oa:prefix or oa:suffix that only one of them has");
        return -1;
    }

    /** Whether the text around the words at an offset ends with the prefix and starts with the suffix (those given). */
    private static boolean fits(SourceText text, int offset, String exact, String prefix, String suffix) {
        int end = offset + exact.codePointCount(0, exact.length());
        boolean before = prefix == null || prefix.isEmpty()
                || text.slice(offset - prefix.codePointCount(0, prefix.length()), offset).equals(prefix);
        boolean after = suffix == null || suffix.isEmpty()
                || text.slice(end, end + suffix.codePointCount(0, suffix.length())).equals(suffix);
        return before && after;
    }

    /** Writes a selector: the quote's prefix and suffix, and the position, made when the span has none. */
    private static void write(WorkingCopy work, Node span, Node quote, Node position, Selector selector) {
        List<Node> graphs = work.graphsOf(quote, OA.exact.asNode());
        work.removeAll(quote, OA.prefix.asNode());
        work.removeAll(quote, OA.suffix.asNode());
        Node at = position;
        if (at == null) {
            at = span.isURI() && !span.getURI().contains("#") ? Terms.uri(span.getURI() + "#position") : NodeFactory.createBlankNode();
            for (Node g : graphs) {
                work.add(g, span, OA.hasSelector.asNode(), at);
                work.add(g, at, RDF.type.asNode(), OA.TextPositionSelector.asNode());
            }
        }
        work.removeAll(at, OA.start.asNode());
        work.removeAll(at, OA.end.asNode());
        for (Node g : graphs) {
            work.add(g, quote, OA.prefix.asNode(), Terms.str(selector.prefix()));
            work.add(g, quote, OA.suffix.asNode(), Terms.str(selector.suffix()));
            work.add(g, at, OA.start.asNode(), Terms.integer(selector.start()));
            work.add(g, at, OA.end.asNode(), Terms.integer(selector.end()));
        }
    }
}
