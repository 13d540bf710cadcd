package org.tariffgraph.curate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SchemaDO;
import org.tariffgraph.vocab.TG;

/**
 * A curator's decisions on a draft, read from a review file and applied to the draft's
 * dataset: the drafted facts and candidate entities (whatever has a
 * {@code tg:reviewStatus}) the curator accepts, corrects or rejects.
 *
 * <p>A review file is plain UTF-8 text, one decision a line; blank lines and lines that
 * start with {@code #} are skipped, and a {@code #} after a decision starts a comment:
 *
 * <pre>
 * # Coinwire Daily draft, first pass
 * accept statement:leo-wang-c750
 * correct statement:sanjay-gupta-c1362 tg:about place:china
 * correct claim:c295-298 rdfs:label "the 25% tariff on Chinese technology"@en
 * reject claim:c640-654          # a comment may follow a decision
 * accept-all
 * </pre>
 *
 * <ul>
 * <li>{@code accept IRI}: status {@code tg:Accepted} (a fact already corrected stays
 *     {@code tg:Corrected}), and {@code tg:reviewedBy} the curator.
 * <li>{@code correct IRI PROPERTY VALUE}: every value of the property is replaced; the
 *     values of several {@code correct} lines for the same fact and property are set
 *     together, so a property may get several values. Status {@code tg:Corrected} and
 *     {@code tg:reviewedBy} the curator. VALUE is one Turtle term: a quoted string (with
 *     {@code @en} or {@code ^^datatype} where the property needs one), a number
 *     ({@code 95.0} is an {@code xsd:decimal}, {@code 95} an {@code xsd:integer}), a
 *     boolean, or an IRI; PROPERTY is an IRI or {@code a}. The status and reviewer cannot
 *     be corrected: they are the decision itself.
 * <li>{@code reject IRI}: the fact is removed (every triple with it as subject, and its
 *     selectors if it is a span), with every evidence node of it that no other fact uses.
 *     A fact that still points at a rejected one refuses the review, naming both: reject
 *     or correct that one too. The articles' {@code schema:mentions} of a rejected
 *     candidate entity go with it. Where a rejected fact's evidence held words of the
 *     story that no other fact's evidence covers, the evidence stays, as the evidence of a
 *     new general claim in the article's own voice, drafted and unreviewed as the
 *     drafter's rule "sentence" makes them, so that every sentence of the story is still
 *     the evidence of a fact. (So a rejected general claim that was the only fact of its
 *     sentence comes back, unreviewed; a sentence that is not the story is taken out by
 *     marking its segment as not the story.) An evidence whose words a correction of
 *     {@code tg:hasEvidence} leaves unused is treated the same way.
 * <li>{@code accept-all}: accepts every fact and candidate that is still unreviewed and
 *     that no other line decides; general claims the review itself adds stay unreviewed.
 * </ul>
 *
 * <p>IRIs are written in full in angle brackets or as prefixed names of the TriG file's
 * prefixes. Each fact gets one decision (or several {@code correct} lines). An unknown
 * IRI, a node without a review status, a malformed line or value: the review is refused
 * with the line number, and nothing is changed; every problem is reported at once.
 *
 * <pre>{@code
 * TrigFile draft = TrigFile.read(Path.of("coinwire-daily.trig"));
 * Review.Result result = Review.read(Path.of("coinwire-daily.review"), draft.prefixes())
 *         .applyTo(draft.dataset(), "Jane Roe");
 * result.claimsAdded().forEach(c -> System.out.println("a general claim keeps its sentence covered: " + c.claim()));
 * try (OutputStream out = Files.newOutputStream(Path.of("coinwire-daily.trig"))) {
 *     draft.write(out);
 * }
 * }</pre>
 */
public final class Review {

    /** The drafter's rule for a sentence drafted as a general claim. */
    static final Node SENTENCE_RULE = Terms.uri(TG.DRAFT_RULE + "sentence");

    private final List<Decision> decisions;

    private Review(List<Decision> decisions) {
        this.decisions = List.copyOf(decisions);
    }

    /**
     * Reads a review file.
     *
     * @param prefixes the prefixes of the TriG file reviewed, with which the file may write IRIs
     * @throws CurationException if the file cannot be read or is not UTF-8, or naming the line of every malformed line
     */
    public static Review read(Path file, PrefixMap prefixes) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CurationException(file + ": cannot read the review file: " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CurationException(file + ": the review file is not UTF-8 text", e);
        }
        return parse(text, prefixes);
    }

    /**
     * Reads the text of a review file.
     *
     * @throws CurationException naming the line of every malformed line
     */
    public static Review parse(String text, PrefixMap prefixes) {
        return new Review(ReviewFile.parse(Objects.requireNonNull(text, "text"), Objects.requireNonNull(prefixes, "prefixes")));
    }

    /**
     * What a review changed, IRIs in the order of the review file (those accepted by
     * {@code accept-all} in IRI order).
     *
     * @param accepted        the facts and candidates accepted by an {@code accept} line
     * @param acceptedByAll   those accepted by {@code accept-all}
     * @param corrected       the facts and candidates corrected
     * @param rejected        the facts and candidates removed
     * @param evidenceRemoved the evidence nodes removed with them, which no other fact used
     * @param claimsAdded     the general claims added to keep the story covered
     * @param mentionsRemoved the mentions of rejected candidates removed, as "ARTICLE mentions ENTITY"
     */
    public record Result(List<String> accepted, List<String> acceptedByAll, List<String> corrected, List<String> rejected,
                         List<String> evidenceRemoved, List<AddedClaim> claimsAdded, List<String> mentionsRemoved) {

        public Result {
            accepted = List.copyOf(accepted);
            acceptedByAll = List.copyOf(acceptedByAll);
            corrected = List.copyOf(corrected);
            rejected = List.copyOf(rejected);
            evidenceRemoved = List.copyOf(evidenceRemoved);
            claimsAdded = List.copyOf(claimsAdded);
            mentionsRemoved = List.copyOf(mentionsRemoved);
        }
    }

    /**
     * A general claim a review added, unreviewed, because a rejection left its evidence's words
     * of the story the evidence of no fact.
     *
     * @param claim    the claim's IRI
     * @param evidence the IRI of its evidence, which the rejected fact had
     * @param words    the words of that evidence
     */
    public record AddedClaim(String claim, String evidence, String words) {}

    /** Where an evidence that may be left unused came from: the decision, and the graph and drafting of its fact. */
    private record Origin(Decision decision, List<Node> graphs, List<Node> draftings) {}

    /**
     * Applies the decisions to a dataset, such as a draft's {@link TrigFile#dataset()}.
     *
     * @param curator the name recorded as {@code tg:reviewedBy}
     * @throws CurationException naming the line of every decision that cannot be applied; the dataset is then unchanged
     * @throws IllegalArgumentException if the curator's name is blank
     */
    public Result applyTo(DatasetGraph dataset, String curator) {
        if (curator == null || curator.isBlank()) {
            throw new IllegalArgumentException("a review needs the curator's name, recorded as tg:reviewedBy");
        }
        Node reviewer = Terms.str(curator.strip());
        WorkingCopy work = new WorkingCopy(dataset);
        Map<Node, Decision> decided = targets(work);
        List<String> problems = new ArrayList<>();
        Map<Node, Origin> leftEvidence = new LinkedHashMap<>();

        List<String> corrected = new ArrayList<>();
        Map<Node, Map<Node, List<Node>>> corrections = new LinkedHashMap<>();
        Map<Node, Decision> firstCorrection = new LinkedHashMap<>();
        for (Decision d : decisions(Decision.Kind.CORRECT)) {
            corrections.computeIfAbsent(d.subject(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(d.property(), k -> new ArrayList<>()).add(d.value());
            firstCorrection.putIfAbsent(d.subject(), d);
        }
        corrections.forEach((subject, byProperty) -> {
            List<Node> graphs = work.graphsOf(subject, TG.reviewStatus);
            byProperty.forEach((property, values) -> {
                if (property.equals(TG.hasEvidence)) {
                    work.objects(subject, TG.hasEvidence).stream().filter(e -> !values.contains(e))
                            .forEach(e -> leftEvidence.putIfAbsent(e, origin(work, firstCorrection.get(subject))));
                }
                work.removeAll(subject, property);
                graphs.forEach(g -> values.forEach(v -> work.add(g, subject, property, v)));
            });
            setStatus(work, subject, TG.Corrected, reviewer);
            corrected.add(Terms.iri(subject));
        });

        List<String> accepted = new ArrayList<>();
        for (Decision d : decisions(Decision.Kind.ACCEPT)) {
            boolean wasCorrected = work.objects(d.subject(), TG.reviewStatus).contains(TG.Corrected);
            setStatus(work, d.subject(), wasCorrected ? TG.Corrected : TG.Accepted, reviewer);
            accepted.add(Terms.iri(d.subject()));
        }
        List<String> acceptedByAll = new ArrayList<>();
        if (!decisions(Decision.Kind.ACCEPT_ALL).isEmpty()) {
            for (Node s : work.subjects(TG.reviewStatus, TG.Unreviewed)) {
                if (!decided.containsKey(s)) {
                    setStatus(work, s, TG.Accepted, reviewer);
                    acceptedByAll.add(Terms.iri(s));
                }
            }
        }

        List<String> rejected = new ArrayList<>();
        List<Decision> rejections = decisions(Decision.Kind.REJECT);
        for (Decision d : rejections) {
            Origin origin = origin(work, d);
            work.objects(d.subject(), TG.hasEvidence).forEach(e -> leftEvidence.putIfAbsent(e, origin));
            work.objects(d.subject(), OA.hasSelector.asNode()).forEach(work::removeSubject);
            work.removeSubject(d.subject());
            rejected.add(Terms.iri(d.subject()));
        }
        List<String> mentionsRemoved = new ArrayList<>();
        for (Decision d : rejections) {
            for (Quad q : work.pointingAt(d.subject())) {
                Node from = q.getSubject();
                boolean isFact = !work.objects(from, TG.reviewStatus).isEmpty();
                if (isFact) {
                    problems.add(line(d) + "cannot reject " + Terms.name(d.subject()) + ": " + Terms.name(from)
                            + " still points at it (" + Terms.name(q.getPredicate()) + "); reject or correct " + Terms.name(from) + " too");
                } else if (q.getPredicate().equals(SchemaDO.mentions.asNode())) {
                    work.remove(q);
                    mentionsRemoved.add(Terms.iri(from) + " mentions " + Terms.iri(d.subject()));
                } else {
                    problems.add(line(d) + "cannot reject " + Terms.name(d.subject()) + ": " + Terms.name(from)
                            + ", which is not a drafted fact, points at it (" + Terms.name(q.getPredicate())
                            + "); change " + Terms.name(from) + " in the TriG file first");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CurationException(problems);
        }

        List<String> evidenceRemoved = new ArrayList<>();
        List<AddedClaim> claimsAdded = new ArrayList<>();
        for (Node evidence : inTextOrder(work, leftEvidence.keySet())) {
            if (!work.subjects(TG.hasEvidence, evidence).isEmpty() || !work.isSubject(evidence)) {
                continue;
            }
            if (StoryCoverage.leavesUncovered(work, evidence)) {
                AddedClaim claim = addGeneralClaim(work, evidence, leftEvidence.get(evidence), problems);
                if (claim != null) {
                    claimsAdded.add(claim);
                }
            } else {
                work.objects(evidence, OA.hasSelector.asNode()).forEach(work::removeSubject);
                work.removeSubject(evidence);
                evidenceRemoved.add(Terms.iri(evidence));
            }
        }
        if (!problems.isEmpty()) {
            throw new CurationException(problems);
        }
        work.commit();
        return new Result(accepted, acceptedByAll, corrected, rejected, evidenceRemoved, claimsAdded, mentionsRemoved);
    }

    private List<Decision> decisions(Decision.Kind kind) {
        return decisions.stream().filter(d -> d.kind() == kind).toList();
    }

    /**
     * The fact each line decides on, after checking that it is in the dataset, has a review
     * status and is decided once.
     */
    private Map<Node, Decision> targets(WorkingCopy work) {
        List<String> problems = new ArrayList<>();
        Map<Node, Decision> decided = new LinkedHashMap<>();
        for (Decision d : decisions) {
            if (d.kind() == Decision.Kind.ACCEPT_ALL) {
                continue;
            }
            String name = Terms.name(d.subject());
            if (!work.isSubject(d.subject())) {
                problems.add(line(d) + "no " + name + " in the draft: no triple has it as its subject");
                continue;
            }
            if (work.objects(d.subject(), TG.reviewStatus).isEmpty()) {
                problems.add(line(d) + name + " was not drafted (it has no tg:reviewStatus), so there is nothing to review");
                continue;
            }
            Decision earlier = decided.putIfAbsent(d.subject(), d);
            if (earlier != null && !(earlier.kind() == Decision.Kind.CORRECT && d.kind() == Decision.Kind.CORRECT)) {
                problems.add(line(d) + name + " is already decided on line " + earlier.line() + " (" + earlier.kind().word
                        + "); give each fact one decision");
            }
        }
        if (!problems.isEmpty()) {
            throw new CurationException(problems);
        }
        return decided;
    }

    private static String line(Decision d) {
        return "line " + d.line() + ": ";
    }

    private static Origin origin(WorkingCopy work, Decision d) {
        return new Origin(d, work.graphsOf(d.subject(), TG.reviewStatus), work.objects(d.subject(), TG.PROV.wasGeneratedBy));
    }

    /** Sets the review status in the graphs that hold it, with the curator. */
    private static void setStatus(WorkingCopy work, Node subject, Node status, Node reviewer) {
        List<Node> graphs = work.graphsOf(subject, TG.reviewStatus);
        work.removeAll(subject, TG.reviewStatus);
        for (Node g : graphs) {
            work.add(g, subject, TG.reviewStatus, status);
            work.add(g, subject, TG.reviewedBy, reviewer);
        }
    }

    /** Evidence nodes by where they stand in their text, so that added claims come in the story's order. */
    private static List<Node> inTextOrder(WorkingCopy work, Iterable<Node> evidence) {
        List<Node> list = new ArrayList<>();
        evidence.forEach(list::add);
        list.sort(Comparator.<Node>comparingInt(e -> {
            StoryCoverage.Place place = StoryCoverage.placeOf(work, e);
            return place == null ? Integer.MAX_VALUE : place.start();
        }).thenComparing(WorkingCopy.ORDER));
        return list;
    }

    /**
     * A general claim in the article's own voice with the evidence as its evidence, as the
     * drafter's rule "sentence" drafts one: asserted by the article's publisher, generated by
     * the drafting of the fact that had the evidence, unreviewed.
     */
    private static AddedClaim addGeneralClaim(WorkingCopy work, Node evidence, Origin origin, List<String> problems) {
        String prefix = line(origin.decision()) + "cannot keep the words of " + Terms.name(evidence) + " the evidence of a fact: ";
        Node article = work.single(evidence, OA.hasSource.asNode());
        if (article == null || !article.isURI()) {
            problems.add(prefix + "it needs exactly one oa:hasSource, the article");
            return null;
        }
        Node publisher = work.single(article, SchemaDO.publisher.asNode());
        if (publisher == null) {
            problems.add(prefix + "its article " + Terms.name(article) + " needs exactly one schema:publisher to assert a general claim");
            return null;
        }
        Node drafting = origin.draftings().stream().filter(d -> work.hasType(d, TG.Drafting)).findFirst()
                .orElseGet(() -> work.subjects(TG.PROV.used, article).stream().filter(d -> work.hasType(d, TG.Drafting))
                        .findFirst().orElse(null));
        if (drafting == null) {
            problems.add(prefix + "no tg:Drafting of " + Terms.name(article) + " to mark a general claim as drafted by");
            return null;
        }
        StoryCoverage.Place place = StoryCoverage.placeOf(work, evidence);
        String words = place != null ? place.exact() : wordsOf(work, evidence);
        String base = article.getURI() + "/claim/" + (place != null ? "c" + place.start() + "-" + place.end()
                : evidence.isURI() ? evidence.getURI().substring(evidence.getURI().lastIndexOf('/') + 1) : "sentence");
        Node claim = Terms.uri(base);
        for (int n = 2; work.isSubject(claim); n++) {
            claim = Terms.uri(base + "-" + n);
        }
        Node graph = origin.graphs().isEmpty() ? work.graphsOf(evidence, OA.hasSource.asNode()).get(0) : origin.graphs().get(0);
        Node type = RDF.type.asNode();
        work.add(graph, claim, type, TG.Claim);
        work.add(graph, claim, type, TG.GeneralClaim);
        work.add(graph, claim, RDFS.label.asNode(), Terms.en(Terms.label(words)));
        work.add(graph, claim, TG.voice, TG.ArticleVoice);
        work.add(graph, claim, TG.assertedBy, publisher);
        work.add(graph, claim, TG.reportedIn, article);
        work.add(graph, claim, TG.modality, TG.Asserted);
        work.add(graph, claim, TG.hasEvidence, evidence);
        work.add(graph, claim, TG.PROV.wasGeneratedBy, drafting);
        work.add(graph, claim, TG.draftRule, SENTENCE_RULE);
        work.add(graph, claim, TG.reviewStatus, TG.Unreviewed);
        if (!work.hasType(SENTENCE_RULE, TG.DraftRule)) {
            work.add(graph, SENTENCE_RULE, type, TG.DraftRule);
            work.add(graph, SENTENCE_RULE, RDFS.label.asNode(), Terms.en("sentence"));
            work.add(graph, SENTENCE_RULE, RDFS.comment.asNode(),
                    Terms.en("A sentence of the story that no other fact has as evidence, as a claim in the article's own voice."));
        }
        return new AddedClaim(claim.getURI(), Terms.iri(evidence), words);
    }

    /** The words of a span's quote, or empty when it has none. */
    private static String wordsOf(WorkingCopy work, Node span) {
        for (Node selector : work.objects(span, OA.hasSelector.asNode())) {
            String exact = Terms.textOf(work.single(selector, OA.exact.asNode()));
            if (exact != null) {
                return exact;
            }
        }
        return "";
    }
}
