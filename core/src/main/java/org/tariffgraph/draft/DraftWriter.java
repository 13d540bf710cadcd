package org.tariffgraph.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SchemaDO;
import org.tariffgraph.text.Selector;
import org.tariffgraph.text.SourceText;
import org.tariffgraph.vocab.TG;

/**
 * Writes what the rules found in a report as the graph of that report, in the model of the
 * curated articles: the source with its checksum and lengths, its page segments, and each
 * fact with the sentence it stands in as its evidence, marked as drafted by its rule and
 * unreviewed. Every sentence of the story is the evidence of some fact: a sentence no rule
 * found anything in is drafted as a general claim in the article's own voice.
 */
final class DraftWriter {

    /** The program that drafts, as a PROV software agent. */
    static final Node DRAFTER = NodeFactory.createURI(TG.ID + "agent/tariffgraph-drafter");
    private static final Pattern POSSIBLE = Pattern.compile("\\b(could|might|may)\\b(\\s+\\p{L}+)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern PREDICTED = Pattern.compile("\\b(will|would|expects?|expected|predicts?|predicted|plans? to|is likely to|are likely to)\\b(\\s+\\p{L}+)?",
            Pattern.CASE_INSENSITIVE);

    private final SourceText source;
    private final Extraction found;
    private final ReportMetadata meta;
    private final String slug;
    private final Graph g = GraphFactory.createDefaultGraph();
    private final Node article;
    private final Node drafting;
    private final Node publisher;
    private final Node published;
    private final Set<String> rulesUsed = new LinkedHashSet<>();
    /** For each sentence (by its start, a char index), the facts drafted with it as evidence. */
    private final Map<Integer, List<Node>> factsOfSentence = new LinkedHashMap<>();
    private final Set<String> agentsWritten = new HashSet<>();

    private DraftWriter(SourceText source, Extraction found, ReportMetadata meta, String slug) {
        this.source = source;
        this.found = found;
        this.meta = meta;
        this.slug = slug;
        this.article = uri(TG.ID + "article/" + slug);
        this.drafting = uri(TG.ID + "article/" + slug + "/drafting");
        this.publisher = agent(found.story().people.agent(meta.publisher(), EntityIndex.Kind.ORGANISATION), meta.publisher());
        this.published = instant(meta.published().toString(), Found.Precision.DAY);
    }

    /** The graph IRI of a report's draft. */
    static String graphIri(String slug) {
        return TG.GRAPH + "article/" + slug;
    }

    static Graph write(SourceText source, Extraction found, ReportMetadata meta, String slug) {
        DraftWriter w = new DraftWriter(source, found, meta, slug);
        w.writeSource();
        w.writeSegments();
        Map<Found.Agent, Node> roles = w.writeRoles();
        List<Node[]> statements = w.writeStatements(roles);
        w.writeQuantities(statements);
        w.writeDates(statements);
        w.writeGeneralClaims();
        w.writeProvenance();
        return w.g;
    }

    private void writeSource() {
        Node graph = uri(graphIri(slug));
        add(graph, RDFS.label.asNode(), en("Article (draft): " + meta.title()));
        add(graph, DCTerms.description.asNode(), en("The facts of one report, drafted from its text by rules and not yet reviewed: "
                + "each is marked with the rule that found it and its review status."));
        add(graph, DCTerms.source.asNode(), article);
        add(article, RDF.type.asNode(), TG.NewsArticle);
        add(article, RDF.type.asNode(), TG.SourceDocument);
        add(article, RDFS.label.asNode(), en(meta.publisher() + ": " + meta.title()));
        add(article, SchemaDO.headline.asNode(), en(meta.title()));
        add(article, SchemaDO.publisher.asNode(), publisher);
        add(article, SchemaDO.url.asNode(), uri(meta.url()));
        add(article, TG.publicationTime, published);
        add(article, TG.fileName, str(source.name()));
        add(article, TG.sha256, str(source.sha256()));
        add(article, TG.byteLength, integer(source.byteLength()));
        add(article, TG.charLength, integer(source.length()));
        add(article, DCTerms.format.asNode(), str("text/plain; charset=UTF-8"));
        add(article, DCTerms.language.asNode(), str("en"));
        for (Found.Mention m : found.mentions()) {
            add(article, SchemaDO.mentions.asNode(), agent(m.agent(), m.agent().name()));
        }
    }

    private void writeSegments() {
        int n = 0;
        for (Segment segment : found.story().segments) {
            Node node = uri(article.getURI() + "/segment/s" + String.format(Locale.ROOT, "%02d", ++n));
            add(node, RDF.type.asNode(), TG.PageSegment);
            add(node, RDF.type.asNode(), segment.story() ? TG.StorySegment : TG.NonStorySegment);
            add(node, RDF.type.asNode(), switch (segment.kind()) {
                case HEADLINE -> TG.Headline;
                case PARAGRAPH -> TG.StoryParagraph;
                case SECTION_HEADING -> TG.SectionHeading;
                case BYLINE -> TG.Byline;
                case DATELINE -> TG.Dateline;
                case NAVIGATION -> TG.NavigationLink;
                case ADVERTISEMENT -> TG.Advertisement;
            });
            span(node, segment.start(), segment.end());
        }
    }

    private Map<Found.Agent, Node> writeRoles() {
        Map<Found.Agent, Node> byPerson = new LinkedHashMap<>();
        for (Found.Role r : found.roles()) {
            Node person = agent(r.person(), r.person().name());
            String orgSlug = r.organisation() == null ? "" : "-" + EntityIndex.slug(r.organisation().name());
            Node role = uri(article.getURI() + "/role/" + EntityIndex.slug(r.person().name()) + orgSlug);
            if (g.contains(role, RDF.type.asNode(), TG.HeldRole)) {
                continue;
            }
            add(role, RDF.type.asNode(), TG.HeldRole);
            add(role, RDFS.label.asNode(), en(r.person().name() + ", " + r.role()
                    + (r.organisation() == null ? "" : " at " + r.organisation().name())));
            add(role, ORG.member.asNode(), person);
            if (r.organisation() != null) {
                add(role, ORG.organization.asNode(), agent(r.organisation(), r.organisation().name()));
            } else {
                add(role, ORG.role.asNode(), roleType(r.role()));
            }
            add(role, TG.roleTitle, str(r.role()));
            add(role, TG.asOf, published);
            articleVoice(role);
            fact(role, r.start(), r.rule());
            byPerson.putIfAbsent(r.person(), role);
        }
        return byPerson;
    }

    /** A role of no organisation is typed by its words: a role type of the draft, such as "analyst". */
    private Node roleType(String words) {
        Node type = uri(TG.ID + "role/" + EntityIndex.slug(words));
        add(type, RDF.type.asNode(), uri(ORG.NS + "Role"));
        add(type, RDFS.label.asNode(), en(words.toLowerCase(Locale.ROOT)));
        return type;
    }

    /** Each statement with the node it was written as, for the quantities and dates inside it. */
    private List<Node[]> writeStatements(Map<Found.Agent, Node> roles) {
        List<Node[]> written = new ArrayList<>();
        for (Found.Statement s : found.statements()) {
            String words = found.story().words(s.start(), s.end());
            Node speaker = agent(s.speaker(), s.speaker().name());
            Node node = uri(article.getURI() + "/statement/" + EntityIndex.slug(s.speaker().name()) + "-c" + offset(s.start()));
            add(node, RDF.type.asNode(), TG.Statement);
            add(node, RDF.type.asNode(), s.quote() ? TG.DirectQuote : TG.Paraphrase);
            add(node, RDFS.label.asNode(), en(s.speaker().name() + ": " + abbreviate(words)));
            add(node, TG.speaker, speaker);
            Node role = roles.get(s.speaker());
            if (role != null) {
                add(node, TG.speakerRole, role);
            }
            add(node, TG.speakerMention, str(s.speakerMention() != null ? s.speakerMention()
                    : lastMention(s.speaker(), s.sentenceStart(), s.sentenceEnd())));
            add(node, TG.reportingVerb, str(s.verb() != null ? s.verb() : reportingVerbBefore(s)));
            add(node, TG.verbatim, str(words));
            add(node, TG.voice, TG.AttributedVoice);
            for (Node about : about(s.start(), s.end(), s.sentenceStart(), s.sentenceEnd(), s.speaker())) {
                add(node, TG.about, about);
            }
            modality(node, words);
            add(node, TG.reportedIn, article);
            fact(node, s.sentenceStart(), s.sentenceEnd(), s.rule());
            if (s.speakerMention() == null) {
                // A continued quote names its speaker in the sentence before: that sentence is its evidence too.
                int[] named = sentenceNaming(s.speaker(), s.sentenceStart());
                if (named != null) {
                    add(node, TG.hasEvidence, evidence(named[0]));
                }
            }
            written.add(new Node[] {node, speaker, NodeFactory.createLiteralString(s.start() + ":" + s.end())});
        }
        return written;
    }

    /** The words naming the speaker of a quote that continues one before: the words that named the speaker there. */
    private String lastMention(Found.Agent speaker, int from, int to) {
        for (int i = found.statements().size() - 1; i >= 0; i--) {
            Found.Statement before = found.statements().get(i);
            if (before.sentenceStart() < from && before.speaker().equals(speaker) && before.speakerMention() != null) {
                return before.speakerMention();
            }
        }
        return speaker.name();
    }

    /** The sentence before {@code sentenceStart} in which a statement of the speaker named the speaker. */
    private int[] sentenceNaming(Found.Agent speaker, int sentenceStart) {
        for (int i = found.statements().size() - 1; i >= 0; i--) {
            Found.Statement before = found.statements().get(i);
            if (before.sentenceStart() < sentenceStart && before.speaker().equals(speaker) && before.speakerMention() != null) {
                return new int[] {before.sentenceStart(), before.sentenceEnd()};
            }
        }
        return null;
    }

    /** A continued quote has no verb of its own: that of the quote it continues. */
    private String reportingVerbBefore(Found.Statement s) {
        String verb = "said";
        for (Found.Statement other : found.statements()) {
            if (other.start() >= s.start()) {
                break;
            }
            if (other.speaker().equals(s.speaker()) && other.verb() != null) {
                verb = other.verb();
            }
        }
        return verb;
    }

    /** What a fact is about: the names inside its words, else those of its sentence, else the agents the story names most. */
    private List<Node> about(int start, int end, int sentenceStart, int sentenceEnd, Found.Agent speaker) {
        List<Node> inside = new ArrayList<>();
        List<Node> inSentence = new ArrayList<>();
        for (Found.Mention m : found.mentions()) {
            Node node = agent(m.agent(), m.agent().name());
            if (m.start() >= start && m.end() <= end && !inside.contains(node)) {
                inside.add(node);
            } else if (m.start() >= sentenceStart && m.end() <= sentenceEnd && !m.agent().equals(speaker) && !inSentence.contains(node)) {
                inSentence.add(node);
            }
        }
        if (!inside.isEmpty()) {
            return inside;
        }
        if (!inSentence.isEmpty()) {
            return inSentence;
        }
        return List.of(mostNamed());
    }

    private Node mostNamed() {
        Map<Found.Agent, Integer> counts = new LinkedHashMap<>();
        found.mentions().forEach(m -> counts.merge(m.agent(), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> agent(e.getKey(), e.getKey().name())).orElse(publisher);
    }

    private void writeQuantities(List<Node[]> statements) {
        for (Found.Quantity q : found.quantities()) {
            Node claim = uri(article.getURI() + "/claim/c" + offset(q.start()) + "-" + offset(q.end()));
            add(claim, RDF.type.asNode(), TG.Claim);
            add(claim, RDF.type.asNode(), TG.QuantitativeClaim);
            add(claim, RDF.type.asNode(), TG.OtherQuantitativeClaim);
            add(claim, RDFS.label.asNode(), en(quantityLabel(q)));
            add(claim, TG.value, NodeFactory.createLiteralDT(q.value().toPlainString().contains(".") ? q.value().toPlainString()
                    : q.value().toPlainString() + ".0", XSDDatatype.XSDdecimal));
            add(claim, TG.boundType, switch (q.bound()) {
                case EXACT -> TG.Exact;
                case MORE_THAN -> TG.MoreThan;
                case AT_LEAST -> TG.AtLeast;
                case LESS_THAN -> TG.LessThan;
                case AT_MOST -> TG.AtMost;
                case ABOUT -> TG.Approximately;
            });
            add(claim, TG.unit, switch (q.unit()) {
                case "percent" -> TG.UNIT.PERCENT;
                case "usd" -> TG.UNIT.CCY_USD;
                case "eur" -> TG.UNIT.CCY_EUR;
                case "gbp" -> TG.UNIT.CCY_GBP;
                case "czk" -> TG.UNIT.CCY_CZK;
                case "cny" -> TG.UNIT.CCY_CNY;
                case "jpy" -> TG.UNIT.CCY_JPY;
                case "fraction" -> TG.UNIT.FRACTION;
                case "year" -> TG.UNIT.YR;
                case "month" -> TG.UNIT.MO;
                case "week" -> TG.UNIT.WK;
                case "day" -> TG.UNIT.DAY;
                default -> TG.UNIT.NUM;
            });
            if (!q.measures().isEmpty()) {
                add(claim, TG.measuredAs, str(q.measures()));
            }
            Node[] statement = enclosing(statements, q.start(), q.end());
            voiceOfClaim(claim, statement);
            String sentence = found.story().words(q.sentenceStart(), q.sentenceEnd());
            modality(claim, sentence);
            fact(claim, q.sentenceStart(), q.rule());
        }
    }

    /** A quantity's label: its words in the text, up to the end of what it measures where that follows closely. */
    private String quantityLabel(Found.Quantity q) {
        String text = found.story().text;
        if (!q.measures().isEmpty()) {
            int at = text.indexOf(q.measures(), q.end());
            if (at >= 0 && at - q.end() <= 12) {
                return abbreviate(text.substring(q.start(), at + q.measures().length()));
            }
        }
        return found.story().words(q.start(), q.end());
    }

    /** The statement whose words hold a span, if any. */
    private static Node[] enclosing(List<Node[]> statements, int start, int end) {
        for (Node[] s : statements) {
            String[] range = s[2].getLiteralLexicalForm().split(":");
            if (start >= Integer.parseInt(range[0]) && end <= Integer.parseInt(range[1])) {
                return s;
            }
        }
        return null;
    }

    /** A claim inside a statement is in its speaker's voice; any other, in the article's. */
    private void voiceOfClaim(Node claim, Node[] statement) {
        if (statement != null) {
            add(claim, TG.voice, TG.AttributedVoice);
            add(claim, TG.statedIn, statement[0]);
            add(claim, TG.assertedBy, statement[1]);
        } else {
            add(claim, TG.voice, TG.ArticleVoice);
            add(claim, TG.assertedBy, publisher);
        }
        add(claim, TG.reportedIn, article);
    }

    /**
     * A date the text gives: an event of the sentence, in the article's voice, dated with how
     * the date was read; in a statement, the reading of the date alone. A time given relative
     * to another ("a month later") orders the sentence's event after the one before it.
     */
    private void writeDates(List<Node[]> statements) {
        Node previousEvent = null;
        Map<Integer, Node> eventOfSentence = new LinkedHashMap<>();
        List<Object> timeline = new ArrayList<>();
        timeline.addAll(found.dates());
        timeline.addAll(found.relatives());
        timeline.sort(Comparator.comparingInt(o -> o instanceof Found.Date d ? d.start() : ((Found.Relative) o).start()));
        for (Object item : timeline) {
            if (item instanceof Found.Date d) {
                Node instant = instant(d.value(), d.precision());
                Node resolution = uri(article.getURI() + "/date-resolution/c" + offset(d.start()) + "-" + offset(d.end()));
                String words = found.story().words(d.start(), d.end());
                add(resolution, RDF.type.asNode(), TG.DateResolution);
                add(resolution, RDFS.label.asNode(), en("\"" + words + "\", read as " + label(d.value(), d.precision())));
                add(resolution, TG.statedAs, str(words));
                add(resolution, TG.resolvedTo, instant);
                add(resolution, TG.resolutionBasis, en(d.resolution() != null ? d.resolution()
                        : "The text gives the date in full: \"" + words + "\"."));
                add(resolution, DCTerms.source.asNode(), article);
                if (enclosing(statements, d.start(), d.end()) != null) {
                    continue;
                }
                Node event = eventOfSentence.get(d.sentenceStart());
                if (event == null) {
                    event = event(d.sentenceStart(), d.sentenceEnd(), d.rule());
                    if (event == null) {
                        continue;
                    }
                    eventOfSentence.put(d.sentenceStart(), event);
                    add(event, TG.hasDate, instant);
                    add(event, TG.dateResolution, resolution);
                }
                previousEvent = event;
            } else {
                Found.Relative r = (Found.Relative) item;
                if (previousEvent == null || enclosing(statements, r.start(), r.end()) != null
                        || eventOfSentence.containsKey(r.sentenceStart())) {
                    continue;
                }
                Node event = event(r.sentenceStart(), r.sentenceEnd(), r.rule());
                if (event == null) {
                    continue;
                }
                String words = found.story().words(r.start(), r.end());
                eventOfSentence.put(r.sentenceStart(), event);
                add(event, TG.undatedBecause, en("The text gives its time only relative to an earlier event: \"" + words + "\"."));
                Node relation = uri(article.getURI() + "/time-relation/c" + offset(r.start()) + "-" + offset(r.end()));
                add(relation, RDF.type.asNode(), TG.TemporalRelation);
                add(relation, RDFS.label.asNode(), en("\"" + words + "\": this event comes after the one reported before it"));
                add(relation, TG.earlier, previousEvent);
                add(relation, TG.later, event);
                add(relation, TG.statedAs, str(words));
                add(event, TG.TIME.after, previousEvent);
                articleVoice(relation);
                fact(relation, r.sentenceStart(), r.rule());
                previousEvent = event;
            }
        }
    }

    /** The event a sentence reports, with the agents it names as participants; none when it names no agent. */
    private Node event(int sentenceStart, int sentenceEnd, String rule) {
        List<Node> participants = new ArrayList<>();
        for (Found.Mention m : found.mentions()) {
            if (m.start() >= sentenceStart && m.end() <= sentenceEnd && m.agent().kind() != EntityIndex.Kind.PLACE) {
                Node node = agent(m.agent(), m.agent().name());
                if (!participants.contains(node)) {
                    participants.add(node);
                }
            }
        }
        if (participants.isEmpty()) {
            return null;
        }
        Node event = uri(article.getURI() + "/event/c" + offset(sentenceStart));
        add(event, RDF.type.asNode(), TG.Event);
        add(event, RDF.type.asNode(), TG.OtherEvent);
        add(event, RDFS.label.asNode(), en(abbreviate(found.story().words(sentenceStart, sentenceEnd))));
        participants.forEach(p -> add(event, TG.participant, p));
        articleVoice(event);
        fact(event, sentenceStart, rule);
        return event;
    }

    /** A general claim in the article's voice for each sentence of the story that no other fact has as evidence. */
    private void writeGeneralClaims() {
        for (int[] sentence : found.story().sentences) {
            if (factsOfSentence.containsKey(sentence[0])) {
                continue;
            }
            Node claim = uri(article.getURI() + "/claim/c" + offset(sentence[0]) + "-" + offset(sentence[1]));
            String words = found.story().words(sentence[0], sentence[1]);
            add(claim, RDF.type.asNode(), TG.Claim);
            add(claim, RDF.type.asNode(), TG.GeneralClaim);
            add(claim, RDFS.label.asNode(), en(abbreviate(words)));
            add(claim, TG.voice, TG.ArticleVoice);
            add(claim, TG.assertedBy, publisher);
            add(claim, TG.reportedIn, article);
            modality(claim, words);
            fact(claim, sentence[0], "sentence");
        }
    }

    private void writeProvenance() {
        add(drafting, RDF.type.asNode(), TG.Drafting);
        add(drafting, RDFS.label.asNode(), en("Drafting of \"" + meta.title() + "\" by rules"));
        add(drafting, TG.PROV.used, article);
        add(drafting, TG.PROV.wasAssociatedWith, DRAFTER);
        add(DRAFTER, RDF.type.asNode(), TG.PROV.SoftwareAgent);
        add(DRAFTER, RDFS.label.asNode(), en("tariffgraph drafter"));
        for (String rule : rulesUsed) {
            Node node = rule(rule);
            add(node, RDF.type.asNode(), TG.DraftRule);
            add(node, RDFS.label.asNode(), en(rule));
            add(node, RDFS.comment.asNode(), en(DraftRules.describe(rule)));
        }
    }

    private static Node rule(String name) {
        return uri(TG.ID + "draft-rule/" + name);
    }

    /** Marks a fact as drafted by a rule and unreviewed, with the sentence at {@code sentenceStart} as its evidence. */
    private void fact(Node fact, int sentenceStart, String rule) {
        int[] sentence = found.story().sentenceAt(sentenceStart);
        fact(fact, sentence[0], sentence[1], rule);
    }

    /**
     * Marks a drafted fact, its evidence the sentences from the one at {@code start} to the one
     * that ends at or after {@code end}: one span, so that it holds all the fact's words. Every
     * sentence of it counts as having a fact, so none of them is drafted again in the
     * article's voice.
     */
    private void fact(Node fact, int start, int end, String rule) {
        int[] first = found.story().sentenceAt(start);
        int[] last = found.story().sentenceAt(Math.max(start, end - 1));
        add(fact, TG.hasEvidence, evidence(first[0], last == null ? first[1] : Math.max(first[1], last[1])));
        add(fact, TG.PROV.wasGeneratedBy, drafting);
        add(fact, TG.draftRule, rule(rule));
        add(fact, TG.reviewStatus, TG.Unreviewed);
        rulesUsed.add(rule);
        for (int[] sentence : found.story().sentences) {
            if (sentence[0] >= first[0] && sentence[1] <= (last == null ? first[1] : last[1])) {
                factsOfSentence.computeIfAbsent(sentence[0], k -> new ArrayList<>()).add(fact);
            }
        }
    }

    /** The evidence node of the sentence at {@code sentenceStart}, written once. */
    private Node evidence(int sentenceStart) {
        int[] sentence = found.story().sentenceAt(sentenceStart);
        return evidence(sentence[0], sentence[1]);
    }

    /** The evidence node of a span of whole sentences, written once. */
    private Node evidence(int start, int end) {
        Node evidence = uri(article.getURI() + "/evidence/c" + offset(start) + "-" + offset(end));
        if (!g.contains(evidence, RDF.type.asNode(), TG.Evidence)) {
            add(evidence, RDF.type.asNode(), TG.Evidence);
            span(evidence, start, end);
        }
        return evidence;
    }

    private void articleVoice(Node fact) {
        add(fact, TG.voice, TG.ArticleVoice);
        add(fact, TG.reportedIn, article);
    }

    /** How a statement or claim is put, from its words: a possibility ("could"), a prediction ("will"), or an assertion. */
    private void modality(Node fact, String words) {
        Matcher possible = POSSIBLE.matcher(words);
        Matcher predicted = PREDICTED.matcher(words);
        if (possible.find()) {
            add(fact, TG.modality, TG.Possible);
            add(fact, TG.modalityCue, str(possible.group()));
        } else if (predicted.find()) {
            add(fact, TG.modality, TG.Predicted);
            add(fact, TG.modalityCue, str(predicted.group()));
        } else {
            add(fact, TG.modality, TG.Asserted);
        }
    }

    /** The source's text from {@code start} to {@code end} (char indexes) as the quote and position selectors of a span. */
    private void span(Node node, int start, int end) {
        Selector selector = source.selector(source.offsetOfChar(start), source.offsetOfChar(end));
        Node quote = uri(node.getURI() + "#quote");
        Node position = uri(node.getURI() + "#position");
        add(node, OA.hasSource.asNode(), article);
        add(node, OA.hasSelector.asNode(), quote);
        add(node, OA.hasSelector.asNode(), position);
        add(quote, RDF.type.asNode(), OA.TextQuoteSelector.asNode());
        add(quote, OA.exact.asNode(), str(selector.exact()));
        add(quote, OA.prefix.asNode(), str(selector.prefix()));
        add(quote, OA.suffix.asNode(), str(selector.suffix()));
        add(position, RDF.type.asNode(), OA.TextPositionSelector.asNode());
        add(position, OA.start.asNode(), integer(selector.start()));
        add(position, OA.end.asNode(), integer(selector.end()));
    }

    /** An agent's IRI; a candidate is described in the draft, unreviewed, with no external link. */
    private Node agent(Found.Agent agent, String fallbackName) {
        if (agent == null) {
            Found.Agent candidate = new Found.Agent(fallbackName, People.mint(fallbackName, EntityIndex.Kind.ORGANISATION),
                    EntityIndex.Kind.ORGANISATION, true);
            return agent(candidate, fallbackName);
        }
        Node node = uri(agent.iri());
        if (agent.candidate() && agentsWritten.add(agent.iri())) {
            add(node, RDF.type.asNode(), switch (agent.kind()) {
                case PERSON -> TG.FOAF.Person;
                case ORGANISATION -> uri(ORG.NS + "Organization");
                case PLACE -> People.isRegion(agent.name()) ? TG.Region : TG.Jurisdiction;
            });
            add(node, RDFS.label.asNode(), en(agent.name()));
            add(node, TG.PROV.wasGeneratedBy, drafting);
            add(node, TG.reviewStatus, TG.Unreviewed);
        }
        return node;
    }

    /**
     * A time instant of the draft: a day, a month or a year, its value in the XSD type of its
     * precision, and its precision where OWL-Time puts it, as the unit of its date-time
     * description, whose calendar fields are those the precision knows.
     */
    private Node instant(String value, Found.Precision precision) {
        Node node = uri(TG.ID + "time/" + value);
        Node description = uri(node.getURI() + "#description");
        add(node, RDF.type.asNode(), TG.TIME.Instant);
        add(node, RDFS.label.asNode(), en(label(value, precision)));
        add(node, TG.TIME.inDateTime, description);
        add(description, RDF.type.asNode(), TG.TIME.DateTimeDescription);
        add(description, TG.TIME.year, NodeFactory.createLiteralDT(value.substring(0, 4), XSDDatatype.XSDgYear));
        switch (precision) {
            case DAY -> {
                add(node, TG.TIME.inXSDDate, NodeFactory.createLiteralDT(value, XSDDatatype.XSDdate));
                add(description, TG.TIME.unitType, TG.TIME.unitDay);
                add(description, TG.TIME.month, NodeFactory.createLiteralDT("--" + value.substring(5, 7), XSDDatatype.XSDgMonth));
                add(description, TG.TIME.day, NodeFactory.createLiteralDT("---" + value.substring(8, 10), XSDDatatype.XSDgDay));
            }
            case MONTH -> {
                add(node, TG.TIME.inXSDgYearMonth, NodeFactory.createLiteralDT(value, XSDDatatype.XSDgYearMonth));
                add(description, TG.TIME.unitType, TG.TIME.unitMonth);
                add(description, TG.TIME.month, NodeFactory.createLiteralDT("--" + value.substring(5, 7), XSDDatatype.XSDgMonth));
            }
            case YEAR -> {
                add(node, TG.TIME.inXSDgYear, NodeFactory.createLiteralDT(value, XSDDatatype.XSDgYear));
                add(description, TG.TIME.unitType, TG.TIME.unitYear);
            }
        }
        return node;
    }

    /** "18 June 2025", "December 2024", "2024". */
    static String label(String value, Found.Precision precision) {
        return switch (precision) {
            case DAY -> {
                java.time.LocalDate d = java.time.LocalDate.parse(value);
                yield d.getDayOfMonth() + " " + d.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " " + d.getYear();
            }
            case MONTH -> {
                java.time.YearMonth m = java.time.YearMonth.parse(value);
                yield m.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " " + m.getYear();
            }
            case YEAR -> value;
        };
    }

    /** The offset in code points of a char index of the text. */
    private int offset(int charIndex) {
        return source.offsetOfChar(charIndex);
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 100 ? one : one.substring(0, 97) + "...";
    }

    private void add(Node s, Node p, Node o) {
        g.add(s, p, o);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node en(String text) {
        return NodeFactory.createLiteralLang(text, "en");
    }

    private static Node str(String text) {
        return NodeFactory.createLiteralString(text);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
