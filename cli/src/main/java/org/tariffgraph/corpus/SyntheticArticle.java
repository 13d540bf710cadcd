package org.tariffgraph.corpus;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SchemaDO;
import org.tariffgraph.corpus.EntityPool.Entity;
import org.tariffgraph.corpus.EntityPool.Person;
import org.tariffgraph.text.Selector;
import org.tariffgraph.text.SourceText;
import org.tariffgraph.vocab.TG;

/**
 * One synthetic article: a page text written from templates, and its facts in the model of
 * the curated article, each anchored to the words of that text by offsets and context. The
 * page has a headline, an advertisement, story paragraphs (production moves and their
 * reasons, market and revenue shares, quoted and paraphrased voices with their roles, a
 * security concern raised and answered, a tariff with its rate), a section heading, a
 * related-story link and a closing advertisement; every character of the headline and the
 * story paragraphs is the evidence of some fact.
 */
final class SyntheticArticle {

    /** A place as the text names it. */
    private record Place(Node iri, String inText, String inHeadline) {}

    /** A kind of goods a market share is about, and the words for it. */
    private record Market(Node concept, String words) {}

    /** A concern a speaker raises, the words that raise it and the words that answer it. */
    private record Concern(Node concept, String warning, String warningCue, String answer, String answerCue, String label) {}

    /** Words a speaker says, the topic they are on, and whether {@code market} or {@code place} stands in them. */
    private record Words(String text, Node topic) {}

    private static final Place UNITED_STATES = place("united-states", "the United States", "U.S.");
    private static final Place CHINA = place("china", "China", "China");
    private static final Place SINGAPORE = place("singapore", "Singapore", "Singapore");
    private static final Place INDIA = place("india", "India", "India");
    private static final List<Place> PRODUCTION_PLACES = List.of(UNITED_STATES, UNITED_STATES, UNITED_STATES, SINGAPORE, INDIA);
    private static final Node WORLD = NodeFactory.createURI(TG.ID + "place/world");

    private static final List<Market> MARKETS = List.of(
            new Market(concept("bitcoin-mining-hardware"), "mining hardware"),
            new Market(concept("bitcoin-mining-hardware"), "mining computers"),
            new Market(concept("advanced-technology"), "advanced chips"));

    private static final Node TARIFFS = concept("tariffs");
    private static final Node COSTS = concept("costs");
    private static final Node LOCALISATION = concept("production-localisation");
    private static final Node SUPPLY_CHAIN = concept("cryptocurrency-supply-chain");
    private static final Node NATIONAL_SECURITY = concept("national-security");
    private static final Node GRID_SECURITY = concept("grid-security");
    private static final Node DEPENDENCE = concept("industry-dependence");
    private static final Node IMPORTED_GOODS = concept("imported-goods");
    private static final Node PERCENT = TG.UNIT.PERCENT;

    private static final List<Concern> CONCERNS = List.of(
            new Concern(GRID_SECURITY, "imported machines on the electrical grid could pose security risks", "could pose",
                    "the machines do not pose a threat to grid security", "do not pose",
                    "imported machines on the grid could pose security risks"),
            new Concern(NATIONAL_SECURITY, "the hardware could become a national security problem", "could become",
                    "the hardware does not threaten national security", "does not threaten",
                    "the hardware could become a national security problem"),
            new Concern(DEPENDENCE, "reliance on a few suppliers could disrupt supply for years", "could disrupt",
                    "buyers are not dependent on a single supplier", "are not dependent",
                    "reliance on a few suppliers could disrupt supply"));

    private static final List<Words> QUOTES = List.of(
            new Words("Tariffs are changing where %s is built", TARIFFS),
            new Words("We are trying to reduce the cost for our customers", COSTS),
            new Words("The trade war is causing structural changes in supply chains", SUPPLY_CHAIN),
            new Words("Our customers want %s made closer to home", LOCALISATION),
            new Words("Security reviews now shape every purchase of %s", NATIONAL_SECURITY),
            new Words("Production in %s gives us room to plan", LOCALISATION),
            new Words("Nobody can plan a factory around tariffs that change every quarter", TARIFFS),
            new Words("Buyers ask first where %s was assembled", NATIONAL_SECURITY),
            new Words("Every new tariff adds to the price our customers pay", COSTS));

    private static final List<Words> PARAPHRASES = List.of(
            new Words("costs in %s remain higher than at home", COSTS),
            new Words("demand for %s keeps growing", SUPPLY_CHAIN),
            new Words("the company is hiring engineers in %s", LOCALISATION),
            new Words("suppliers are following their customers to %s", LOCALISATION),
            new Words("export controls make long-term planning hard", TARIFFS),
            new Words("security audits of imported %s are getting stricter", NATIONAL_SECURITY),
            new Words("the first lines in %s are already running", LOCALISATION),
            new Words("shipping %s across borders has become slower", SUPPLY_CHAIN));

    private static final String[] HEADLINES = {
        "%s and %s Expand Production in %s as Tariffs Bite",
        "%s and %s Shift Manufacturing to %s Amid Trade Tensions",
        "%s, %s Move Production to %s to Avoid Tariffs"};

    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final EntityPool pool;
    private final SplittableRandom random;
    private final String slug;
    private final Node article;
    private final Node graph;
    private final String fileName;
    private final StringBuilder text = new StringBuilder();
    private final List<Quad> facts = new ArrayList<>();
    /** The evidence spans, by their IRI: start and end. */
    private final Map<Node, int[]> evidence = new LinkedHashMap<>();
    private final List<int[]> segments = new ArrayList<>();
    private final List<Node[]> segmentTypes = new ArrayList<>();
    private final Set<Node> mentions = new LinkedHashSet<>();
    private int counter;
    /** The article's publisher, who asserts the claims in its voice. */
    private Entity outlet;
    /** The day of publication, the time the roles and shares are reported for. */
    private Node publicationInstant;

    private byte[] bytes;
    private List<Quad> quads;

    SyntheticArticle(EntityPool pool, long seed, int index) {
        this.pool = pool;
        this.random = new SplittableRandom(seed * 1_000_003L + index);
        this.slug = String.format(Locale.ROOT, "a%06d", index);
        this.article = NodeFactory.createURI(EntityPool.ID + "article/" + slug);
        this.graph = NodeFactory.createURI(TG.GRAPH + "synthetic/article/" + slug);
        this.fileName = "synthetic-" + slug + ".txt";
    }

    String fileName() {
        return fileName;
    }

    Node graph() {
        return graph;
    }

    /** The bytes of the page text, UTF-8. */
    byte[] text() {
        build();
        return bytes;
    }

    /** The quads of the article's graph, in a fixed order. */
    List<Quad> quads() {
        build();
        return quads;
    }

    private void build() {
        if (quads != null) {
            return;
        }
        LocalDate published = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365));
        Node publication = NodeFactory.createURI(TG.ID + "time/" + published);
        publicationInstant = publication;
        outlet = pool.outlet(random);
        List<Entity> firms = pool.companies(random, 4);
        Entity a = firms.get(0);
        Entity b = firms.get(1);
        Entity c = firms.get(2);
        Entity based = firms.get(3);
        Place where = EntityPool.pick(random, PRODUCTION_PLACES);
        Place origin = where == INDIA || random.nextInt(4) > 0 ? CHINA : INDIA;
        Market market = EntityPool.pick(random, MARKETS);
        List<Person> speakers = pool.people(random, 7 + random.nextInt(7));
        Concern concern = EntityPool.pick(random, CONCERNS);
        mentions.addAll(List.of(a.iri(), b.iri(), c.iri(), where.iri(), origin.iri()));

        String headline = String.format(Locale.ROOT, EntityPool.pick(random, HEADLINES), a.name(), b.name(), where.inHeadline());
        int[] h = segment(headline, TG.Headline, TG.StorySegment);
        claim(TG.GeneralClaim, a.name() + " and " + b.name() + " expand production in " + where.inText(),
                outlet, h, TARIFFS, LOCALISATION).about(where.iri());
        separate();
        segment("Sign up for the trade newsletter of " + outlet.name(), TG.Advertisement, TG.NonStorySegment);
        separate();

        // The three firms' shift and the pressure it answers.
        int paragraph = startParagraph();
        int[] shiftWords = append(a.name() + ", " + b.name() + " and " + c.name() + " are moving production to " + where.inText());
        append(" in response to ");
        int[] pressureWords = append("mounting tariff pressure on goods from " + origin.inText());
        append(".");
        int[] shiftSentence = {shiftWords[0], pressureWords[1] + 1};
        Node shift = fact("action", TG.Action, TG.ProductionShift);
        label(shift, a.name() + ", " + b.name() + " and " + c.name() + " move production to " + where.inText());
        add(shift, TG.participant, a.iri(), b.iri(), c.iri());
        add(shift, TG.location, where.iri());
        add(shift, TG.product, market.concept());
        add(shift, TG.stage, TG.StartedStage);
        add(shift, TG.undatedBecause, literalEn("The article reports the shift as under way and gives no date for its start."));
        reported(shift, TG.ArticleVoice, shiftWords);
        Node pressure = fact("situation", TG.Situation);
        label(pressure, "Mounting tariff pressure on goods from " + origin.inText());
        add(pressure, TG.about, origin.iri());
        add(pressure, TG.topic, TARIFFS);
        reported(pressure, TG.ArticleVoice, pressureWords);
        Claim response = claim(TG.ResponseClaim, "The firms move production to " + where.inText() + " in response to tariff pressure",
                outlet, shiftSentence, LOCALISATION, TARIFFS);
        response.subjects(a, b, c);
        add(response.node, TG.action, shift);
        add(response.node, TG.inResponseTo, pressure);
        endParagraph(paragraph);

        // Their share of the market.
        paragraph = startParagraph();
        double share = 50 + random.nextInt(45);
        int[] shareSentence = append("Together, these firms make more than " + number(share) + "% of the world’s " + market.words() + ".");
        Claim marketShare = claim(TG.MarketShareClaim, "The firms make more than " + number(share) + "% of the world's " + market.words(),
                outlet, shareSentence);
        marketShare.subjects(a, b, c);
        marketShare.quantity(share, TG.MoreThan);
        add(marketShare.node, TG.market, market.concept());
        add(marketShare.node, TG.region, WORLD);
        endParagraph(paragraph);

        // A production start dated to a month, and a trial production that answers a tariff.
        paragraph = startParagraph();
        YearMonth month = YearMonth.from(published.minusMonths(1 + random.nextInt(4)));
        String monthName = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        int[] startSentence = append(a.name() + " began production in " + where.inText() + " in " + monthName + ".");
        Node start = fact("event", TG.Event, TG.Action, TG.ProductionStart);
        label(start, a.name() + " starts production in " + where.inText());
        add(start, TG.participant, a.iri());
        add(start, TG.location, where.iri());
        add(start, TG.product, market.concept());
        add(start, TG.hasDate, month(month));
        add(start, TG.stage, TG.StartedStage);
        add(start, TG.partOfAction, shift);
        Node resolution = node("date-resolution");
        add(start, TG.dateResolution, resolution);
        add(resolution, RDF.type.asNode(), TG.DateResolution);
        label(resolution, "Date of " + a.name() + "'s production start, resolved to " + monthName + " " + month.getYear());
        add(resolution, TG.statedAs, literal("in " + monthName));
        add(resolution, TG.resolvedTo, month(month));
        add(resolution, TG.resolutionBasis, literalEn("The article gives the month only; it was published on "
                + published.format(DAY_LABEL) + ", so the month is the last " + monthName + " before that day."));
        add(resolution, DCTerms.source.asNode(), article);
        reported(start, TG.ArticleVoice, startSentence);
        append(" ");
        int[] trialSentence = append(b.name() + " began trial production in " + where.inText() + " to avoid the tariffs.");
        Node trial = fact("event", TG.Event, TG.Action, TG.TrialProduction);
        label(trial, b.name() + " begins trial production in " + where.inText());
        add(trial, TG.participant, b.iri());
        add(trial, TG.location, where.iri());
        add(trial, TG.stage, TG.TrialStage);
        add(trial, TG.partOfAction, shift);
        add(trial, TG.undatedBecause, literalEn("The article gives no date for the trial production, only that it began before the article was published."));
        add(trial, TG.TIME.before, publication);
        reported(trial, TG.ArticleVoice, trialSentence);
        Node order = fact("time-relation", TG.TemporalRelation);
        label(order, b.name() + "'s trial production began before the article was published");
        add(order, TG.earlier, trial);
        add(order, TG.later, publication);
        add(order, TG.statedAs, literal("began"));
        reported(order, TG.ArticleVoice, trialSentence);
        endParagraph(paragraph);

        // The tariff, its rate, and the pressure it adds.
        double rate = 10 + 5 * random.nextInt(9);
        paragraph = startParagraph();
        int[] tariffWords = append("Tariffs of " + number(rate) + "% on goods from " + origin.inText());
        int[] tariffSentence = {tariffWords[0], append(" add to the pressure on " + c.name() + ".")[1]};
        Node tariff = fact("policy", TG.Policy, TG.Tariff);
        label(tariff, number(rate) + "% U.S. tariff on goods from " + origin.inText());
        add(tariff, TG.issuingJurisdiction, UNITED_STATES.iri());
        add(tariff, TG.targetJurisdiction, origin.iri());
        add(tariff, TG.targetGoods, IMPORTED_GOODS);
        add(tariff, TG.status, TG.InForce);
        add(tariff, TG.asOf, publication);
        reported(tariff, TG.ArticleVoice, tariffWords);
        Claim rateClaim = claim(TG.RateClaim, "The tariff on goods from " + origin.inText() + " is " + number(rate) + "%",
                outlet, tariffWords);
        rateClaim.quantity(rate, TG.Exact);
        add(tariff, TG.rate, rateClaim.node);
        claim(TG.GeneralClaim, "Tariffs on goods from " + origin.inText() + " add to the pressure on " + c.name(),
                outlet, tariffSentence, TARIFFS).about(tariff).subjects(c);
        Claim avoid = claim(TG.ResponseClaim, b.name() + " began trial production in " + where.inText() + " to avoid the tariffs",
                outlet, trialSentence, LOCALISATION, TARIFFS);
        avoid.subjects(b);
        add(avoid.node, TG.action, trial);
        add(avoid.node, TG.inResponseTo, tariff);
        endParagraph(paragraph);

        // Revenue, and where a fourth firm is based.
        paragraph = startParagraph();
        double revenue = 10 + random.nextInt(60);
        int[] revenueSentence = append(c.name() + " now earns " + number(revenue) + "% of its revenue in " + where.inText() + ".");
        Claim revenueShare = claim(TG.RevenueShareClaim, where.inText() + " delivers " + number(revenue) + "% of " + c.name() + "'s revenue",
                outlet, revenueSentence);
        revenueShare.subjects(c);
        revenueShare.quantity(revenue, TG.Exact);
        add(revenueShare.node, TG.revenueMarket, where.iri());
        add(revenueShare.node, TG.asOf, publication);
        append(" ");
        Place home = EntityPool.pick(random, List.of(UNITED_STATES, SINGAPORE, INDIA, CHINA));
        int[] basedSentence = append(based.name() + " is based in " + home.inText() + ".");
        Claim basedIn = claim(TG.BasedInClaim, based.name() + " is based in " + home.inText(), outlet, basedSentence);
        add(basedIn.node, RDF.type.asNode(), TG.CountryClaim);
        basedIn.subjects(based);
        add(basedIn.node, TG.country, home.iri());
        mentions.add(based.iri());
        mentions.add(home.iri());
        endParagraph(paragraph);

        // The voices: a quote and a paraphrase from each speaker but the last two.
        for (Person speaker : speakers.subList(0, speakers.size() - 2)) {
            voice(speaker, EntityPool.pick(random, QUOTES), EntityPool.pick(random, PARAPHRASES), market, where, origin);
        }

        // A concern raised, and answered.
        segment("Security Concerns Over " + capitalise(market.words()), TG.SectionHeading, TG.StorySegment);
        separate();
        Person warner = speakers.get(speakers.size() - 2);
        Person answerer = speakers.get(speakers.size() - 1);
        paragraph = startParagraph();
        int[] warnerIntro = append(warner.person().name() + ", " + warner.roleTitle() + " at " + warner.employer().name());
        Node warnerRole = heldRole(warner, warnerIntro);
        append(", warned that ");
        int[] warning = append(concern.warning());
        int[] warnSentence = {warnerIntro[0], append(".")[1]};
        Node raised = statement(warner, warnerRole, TG.Paraphrase, warner.person().name(), "warned", warning, warnSentence, concern.concept());
        add(raised, TG.about, market.concept());
        add(raised, TG.modality, TG.Possible);
        add(raised, TG.modalityCue, literal(concern.warningCue()));
        add(raised, TG.raisesConcern, concern.concept());
        endParagraph(paragraph);
        paragraph = startParagraph();
        int[] answerSentence = append(answerer.person().name() + " responded that ");
        int[] answer = append(concern.answer());
        answerSentence[1] = append(".")[1];
        Node answered = statement(answerer, null, TG.Paraphrase, answerer.person().name(), "responded", answer, answerSentence, concern.concept());
        add(answered, TG.about, market.concept());
        add(answered, TG.modality, TG.Denied);
        add(answered, TG.modalityCue, literal(concern.answerCue()));
        add(answered, TG.answersConcern, concern.concept());
        add(answered, TG.respondsTo, raised);
        endParagraph(paragraph);

        Entity other = pool.company(random);
        segment("Related story: " + other.name() + " Opens a Plant in " + EntityPool.pick(random, List.of("Texas", "Ohio", "Johor", "Pune")),
                TG.NavigationLink, TG.NonStorySegment);
        separate();
        segment("Read more trade coverage from " + outlet.name() + ".", TG.Advertisement, TG.NonStorySegment);
        text.append('\n');

        bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        quads = assemble(headline, outlet, publication);
    }

    /** A paragraph with one speaker's quote and paraphrase, and perhaps a share they give. */
    private void voice(Person speaker, Words quote, Words paraphrase, Market market, Place where, Place origin) {
        int paragraph = startParagraph();
        boolean givesShare = random.nextInt(3) == 0;
        double share = 30 + random.nextInt(65);
        String quoted = givesShare ? "More than " + number(share) + "% of " + market.words() + " is made in " + origin.inText()
                : String.format(Locale.ROOT, quote.text(), quote.text().contains("Production in") ? where.inText() : market.words());
        int[] sentence = append("“");
        int[] words = append(quoted);
        append(",” said ");
        int[] intro = append(speaker.person().name() + ", " + speaker.roleTitle() + " at " + speaker.employer().name());
        sentence[1] = append(".")[1];
        Node role = heldRole(speaker, intro);
        Node said = statement(speaker, role, TG.DirectQuote, speaker.person().name(), "said", words, sentence,
                givesShare ? DEPENDENCE : quote.topic());
        reported(said, words);
        add(said, TG.about, givesShare ? origin.iri() : market.concept());
        add(said, TG.modality, TG.Asserted);
        if (givesShare) {
            Claim claim = claim(TG.MarketShareClaim, "More than " + number(share) + "% of " + market.words() + " is made in " + origin.inText(),
                    speaker.person(), words);
            add(claim.node, TG.statedIn, said);
            claim.subjects(new Entity(origin.iri(), origin.inText()));
            claim.quantity(share, TG.MoreThan);
            add(claim.node, TG.market, market.concept());
        }
        append(" ");
        int[] added = append(speaker.person().lastName() + " added that ");
        int[] addedWords = append(String.format(Locale.ROOT, paraphrase.text(), paraphrase.text().contains("in %s") || paraphrase.text().contains("to %s")
                ? where.inText() : market.words()));
        added[1] = append(".")[1];
        Node addedStatement = statement(speaker, role, TG.Paraphrase, speaker.person().lastName(), "added", addedWords, added, paraphrase.topic());
        reported(addedStatement, addedWords);
        add(addedStatement, TG.about, speaker.employer().iri());
        add(addedStatement, TG.modality, TG.Asserted);
        endParagraph(paragraph);
    }

    /** The role a speaker is introduced with, as of the publication. */
    private Node heldRole(Person person, int[] intro) {
        Node role = NodeFactory.createURI(article.getURI() + "/role/" + localName(person.person().iri()));
        add(role, RDF.type.asNode(), TG.HeldRole);
        label(role, person.person().name() + ", " + person.roleTitle() + " at " + person.employer().name());
        add(role, ORG.member.asNode(), person.person().iri());
        add(role, ORG.organization.asNode(), person.employer().iri());
        add(role, ORG.role.asNode(), person.roleType());
        add(role, TG.roleTitle, literal(person.roleTitle()));
        add(role, TG.asOf, publicationInstant);
        reported(role, TG.ArticleVoice, intro);
        mentions.add(person.person().iri());
        mentions.add(person.employer().iri());
        return role;
    }

    private Node statement(Person speaker, Node role, Node kind, String mention, String verb, int[] words, int[] evidenceSpan, Node topic) {
        Node statement = fact("statement", TG.Statement, kind);
        String said = slice(words);
        label(statement, speaker.person().name() + ": " + said);
        add(statement, TG.speaker, speaker.person().iri());
        if (role != null) {
            add(statement, TG.speakerRole, role);
        }
        add(statement, TG.speakerMention, literal(mention));
        add(statement, TG.reportingVerb, literal(verb));
        add(statement, TG.verbatim, literal(said));
        add(statement, TG.topic, topic);
        reported(statement, TG.AttributedVoice, evidenceSpan);
        mentions.add(speaker.person().iri());
        return statement;
    }

    /** A claim under construction. */
    private final class Claim {
        final Node node;

        Claim(Node node) {
            this.node = node;
        }

        Claim about(Node... about) {
            add(node, TG.about, about);
            return this;
        }

        Claim subjects(Entity... subjects) {
            for (Entity subject : subjects) {
                add(node, TG.claimSubject, subject.iri());
            }
            return this;
        }

        void quantity(double value, Node bound) {
            add(node, TG.value, NodeFactory.createLiteralDT(number(value) + ".0", XSDDatatype.XSDdecimal));
            add(node, TG.boundType, bound);
            add(node, TG.unit, PERCENT);
        }
    }

    /** A claim in the article's voice when {@code assertedBy} is the outlet, else in the attributed voice. */
    private Claim claim(Node kind, String label, Entity assertedBy, int[] evidenceSpan, Node... topics) {
        boolean quantitative = kind.equals(TG.MarketShareClaim) || kind.equals(TG.RevenueShareClaim) || kind.equals(TG.RateClaim);
        Node claim = quantitative ? fact("claim", TG.Claim, TG.QuantitativeClaim, kind) : fact("claim", TG.Claim, kind);
        label(claim, label);
        add(claim, TG.assertedBy, assertedBy.iri());
        add(claim, TG.modality, TG.Asserted);
        add(claim, TG.topic, topics);
        reported(claim, assertedBy.equals(outlet) ? TG.ArticleVoice : TG.AttributedVoice, evidenceSpan);
        return new Claim(claim);
    }

    /** The common properties of a reported fact: voice, source and evidence. */
    private void reported(Node fact, Node voice, int[] span) {
        add(fact, TG.voice, voice);
        add(fact, TG.reportedIn, article);
        Node node = evidenceNode(span);
        evidence.putIfAbsent(node, span);
        add(fact, TG.hasEvidence, node);
    }

    /** One more piece of evidence of a fact: the words themselves, within the sentence that is its first. */
    private void reported(Node fact, int[] span) {
        Node node = evidenceNode(span);
        evidence.putIfAbsent(node, span);
        add(fact, TG.hasEvidence, node);
    }

    private Node evidenceNode(int[] span) {
        return NodeFactory.createURI(article.getURI() + "/evidence/c" + span[0] + "-" + span[1]);
    }

    private Node fact(String kind, Node... types) {
        Node node = node(kind);
        for (Node type : types) {
            add(node, RDF.type.asNode(), type);
        }
        return node;
    }

    private Node node(String kind) {
        return NodeFactory.createURI(article.getURI() + "/" + kind + "/f" + (++counter));
    }

    private void label(Node node, String label) {
        add(node, RDFS.label.asNode(), literalEn(label));
    }

    private void add(Node s, Node p, Node... objects) {
        for (Node o : objects) {
            facts.add(Quad.create(graph, s, p, o));
        }
    }

    private int[] append(String words) {
        int start = text.length();
        text.append(words);
        return new int[] {start, text.length()};
    }

    private String slice(int[] span) {
        return text.substring(span[0], span[1]);
    }

    private void separate() {
        text.append("\n\n");
    }

    private int[] segment(String words, Node... types) {
        int[] span = append(words);
        segments.add(span);
        segmentTypes.add(types);
        return span;
    }

    private int startParagraph() {
        return text.length();
    }

    private void endParagraph(int start) {
        segments.add(new int[] {start, text.length()});
        segmentTypes.add(new Node[] {TG.StoryParagraph, TG.StorySegment});
        separate();
    }

    /** Every quad of the article's graph: the graph, the source, the segments, the facts and the evidence. */
    private List<Quad> assemble(String headline, Entity outlet, Node publication) {
        SourceText source = SourceText.of(fileName, bytes);
        List<Quad> all = new ArrayList<>();
        add(all, graph, RDFS.label.asNode(), literalEn("Synthetic article " + slug + ": " + headline));
        add(all, graph, DCTerms.description.asNode(), literalEn("The facts of one synthetic article, generated for measuring the graph at scale; every fact is anchored to the words of its generated text."));
        add(all, graph, DCTerms.source.asNode(), article);
        add(all, article, RDF.type.asNode(), TG.NewsArticle);
        add(all, article, RDF.type.asNode(), TG.SourceDocument);
        add(all, article, RDFS.label.asNode(), literalEn(outlet.name() + ": " + headline));
        add(all, article, SchemaDO.headline.asNode(), literalEn(headline));
        add(all, article, SchemaDO.publisher.asNode(), outlet.iri());
        add(all, article, TG.publicationTime, publication);
        add(all, article, TG.fileName, literal(fileName));
        add(all, article, TG.sha256, literal(source.sha256()));
        add(all, article, TG.byteLength, integer(source.byteLength()));
        add(all, article, TG.charLength, integer(source.length()));
        add(all, article, DCTerms.format.asNode(), literal("text/plain; charset=UTF-8"));
        add(all, article, DCTerms.language.asNode(), literal("en"));
        for (Node mentioned : mentions) {
            add(all, article, SchemaDO.mentions.asNode(), mentioned);
        }
        for (int i = 0; i < segments.size(); i++) {
            Node segment = NodeFactory.createURI(article.getURI() + "/segment/s" + String.format(Locale.ROOT, "%02d", i + 1));
            for (Node type : segmentTypes.get(i)) {
                add(all, segment, RDF.type.asNode(), type);
            }
            add(all, segment, RDF.type.asNode(), TG.PageSegment);
            span(all, segment, source, segments.get(i));
        }
        all.addAll(facts);
        evidence.forEach((node, span) -> {
            add(all, node, RDF.type.asNode(), TG.Evidence);
            span(all, node, source, span);
        });
        return all;
    }

    private void span(List<Quad> all, Node node, SourceText source, int[] span) {
        Selector selector = source.selector(span[0], span[1]);
        Node quote = NodeFactory.createURI(node.getURI() + "#quote");
        Node position = NodeFactory.createURI(node.getURI() + "#position");
        add(all, node, OA.hasSource.asNode(), article);
        add(all, node, OA.hasSelector.asNode(), quote);
        add(all, node, OA.hasSelector.asNode(), position);
        add(all, quote, RDF.type.asNode(), OA.TextQuoteSelector.asNode());
        add(all, quote, OA.exact.asNode(), literal(selector.exact()));
        add(all, quote, OA.prefix.asNode(), literal(selector.prefix()));
        add(all, quote, OA.suffix.asNode(), literal(selector.suffix()));
        add(all, position, RDF.type.asNode(), OA.TextPositionSelector.asNode());
        add(all, position, OA.start.asNode(), integer(selector.start()));
        add(all, position, OA.end.asNode(), integer(selector.end()));
    }

    private void add(List<Quad> all, Node s, Node p, Node o) {
        all.add(Quad.create(graph, s, p, o));
    }

    private static Node month(YearMonth month) {
        return NodeFactory.createURI(TG.ID + "time/" + month);
    }

    private static Place place(String local, String inText, String inHeadline) {
        return new Place(NodeFactory.createURI(TG.ID + "place/" + local), inText, inHeadline);
    }

    private static Node concept(String local) {
        return NodeFactory.createURI(TG.ID + "concept/" + local);
    }

    private static Node literal(String s) {
        return NodeFactory.createLiteralString(s);
    }

    private static Node literalEn(String s) {
        return NodeFactory.createLiteralLang(s, "en");
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static String number(double value) {
        return Long.toString(Math.round(value));
    }

    private static String localName(Node iri) {
        String s = iri.getURI();
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private static String capitalise(String words) {
        StringBuilder out = new StringBuilder();
        for (String word : words.split(" ")) {
            out.append(out.length() == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }
}
