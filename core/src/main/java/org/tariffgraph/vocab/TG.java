package org.tariffgraph.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The IRIs of the tariffgraph project and the ontology terms the code needs by name.
 * Constants for terms are named exactly by the term's local name.
 */
public final class TG {

    private TG() {}

    /** The root of every IRI minted by the project. */
    public static final String BASE = "https://w3id.org/tariffgraph/";
    /** The ontology namespace, prefix {@code tg:}. */
    public static final String NS = BASE + "ontology#";
    /** The ontology IRI, the value of every term's {@code rdfs:isDefinedBy}. */
    public static final String ONTOLOGY = BASE + "ontology";
    /** The root of entity and fact IRIs. */
    public static final String ID = BASE + "id/";

    /** Where the synthetic articles written for measurement mint their IRIs, apart from the curated ones. */
    public static final String SYNTHETIC_ID = ID + "synthetic/";

    /** The root of named graph IRIs. */
    public static final String GRAPH = BASE + "graph/";
    /** The root of the IRIs of the drafter's rules, such as {@code draft-rule/sentence}. */
    public static final String DRAFT_RULE = ID + "draft-rule/";
    /** The named graph that holds the ontology in a loaded dataset. */
    public static final Node ontologyGraph = NodeFactory.createURI(GRAPH + "ontology");

    private static Node tg(String local) {
        return NodeFactory.createURI(NS + local);
    }

    /** A news article, a source document. */
    public static final Node NewsArticle = tg("NewsArticle");
    /** A document that facts are drawn from. */
    public static final Node SourceDocument = tg("SourceDocument");
    /** A part of a source page. */
    public static final Node PageSegment = tg("PageSegment");
    /** A page segment that is part of the story. */
    public static final Node StorySegment = tg("StorySegment");
    /** A page segment that is not part of the story. */
    public static final Node NonStorySegment = tg("NonStorySegment");
    /** The headline of a source page, a page segment. */
    public static final Node Headline = tg("Headline");
    /** A paragraph of a source page's story, a page segment. */
    public static final Node StoryParagraph = tg("StoryParagraph");
    /** A heading inside a story. */
    public static final Node SectionHeading = tg("SectionHeading");
    /** A page segment that advertises. */
    public static final Node Advertisement = tg("Advertisement");
    /** A page segment that points to another page. */
    public static final Node NavigationLink = tg("NavigationLink");
    /** A page segment that names the writer. */
    public static final Node Byline = tg("Byline");
    /** A page segment that gives where a story was filed from. */
    public static final Node Dateline = tg("Dateline");
    /** A span of source text that supports a fact. */
    public static final Node Evidence = tg("Evidence");
    /** What a person or organisation said, as a source reports it. */
    public static final Node Statement = tg("Statement");
    /** A statement in the speaker's own words. */
    public static final Node DirectQuote = tg("DirectQuote");
    /** A statement in the source's words. */
    public static final Node Paraphrase = tg("Paraphrase");
    /** A proposition a source or a statement asserts. */
    public static final Node Claim = tg("Claim");
    /** A claim whose content is the wording of its evidence. */
    public static final Node GeneralClaim = tg("GeneralClaim");
    /** A claim that states a number. */
    public static final Node QuantitativeClaim = tg("QuantitativeClaim");
    /** A quantitative claim of no more specific kind. */
    public static final Node OtherQuantitativeClaim = tg("OtherQuantitativeClaim");
    /** A claim of a share of a market. */
    public static final Node MarketShareClaim = tg("MarketShareClaim");
    /** A claim of a share of a company's revenue. */
    public static final Node RevenueShareClaim = tg("RevenueShareClaim");
    /** A claim about the rate of a policy. */
    public static final Node RateClaim = tg("RateClaim");
    /** A role a person holds, as a source reports it. */
    public static final Node HeldRole = tg("HeldRole");
    /** Something that happened, as a source reports it. */
    public static final Node Event = tg("Event");
    /** An event of no more specific kind. */
    public static final Node OtherEvent = tg("OtherEvent");
    /** How a date was read from a source's words. */
    public static final Node DateResolution = tg("DateResolution");
    /** The words of a source that order two events in time. */
    public static final Node TemporalRelation = tg("TemporalRelation");
    /** The drafting of the facts of a source text by rules. */
    public static final Node Drafting = tg("Drafting");
    /** A rule of the drafter. */
    public static final Node DraftRule = tg("DraftRule");
    /** A territory under one legal authority. */
    public static final Node Jurisdiction = tg("Jurisdiction");
    /** A geographic area that is not a jurisdiction. */
    public static final Node Region = tg("Region");
    /** A business organisation. */
    public static final Node Company = tg("Company");
    /** A policy, such as a tariff. */
    public static final Node Policy = tg("Policy");
    /** The file name of a source text. */
    public static final Node fileName = tg("fileName");
    /** The SHA-256 of a source text's bytes. */
    public static final Node sha256 = tg("sha256");
    /** A source text's length in bytes. */
    public static final Node byteLength = tg("byteLength");
    /** A source text's length in code points. */
    public static final Node charLength = tg("charLength");
    /** When a source was published. */
    public static final Node publicationTime = tg("publicationTime");
    /** Who made a statement. */
    public static final Node speaker = tg("speaker");
    /** The role in which the speaker spoke. */
    public static final Node speakerRole = tg("speakerRole");
    /** The words naming the speaker. */
    public static final Node speakerMention = tg("speakerMention");
    /** The verb that reports a statement. */
    public static final Node reportingVerb = tg("reportingVerb");
    /** A statement's words in the source. */
    public static final Node verbatim = tg("verbatim");
    /** Whose voice a fact is in. */
    public static final Node voice = tg("voice");
    /** The source that reports a fact. */
    public static final Node reportedIn = tg("reportedIn");
    /** A span of text that supports a fact. */
    public static final Node hasEvidence = tg("hasEvidence");
    /** What a statement or claim is about. */
    public static final Node about = tg("about");
    /** Who asserts a claim. */
    public static final Node assertedBy = tg("assertedBy");
    /** The statement a claim is made in. */
    public static final Node statedIn = tg("statedIn");
    /** The number of a quantitative claim. */
    public static final Node value = tg("value");
    /** How a number bounds the quantity. */
    public static final Node boundType = tg("boundType");
    /** The unit of a number. */
    public static final Node unit = tg("unit");
    /** The words of what a quantity measures. */
    public static final Node measuredAs = tg("measuredAs");
    /** Whom or what a claim is about. */
    public static final Node claimSubject = tg("claimSubject");
    /** The market of a share. */
    public static final Node market = tg("market");
    /** The region of a share. */
    public static final Node region = tg("region");
    /** The market that delivers a share of revenue. */
    public static final Node revenueMarket = tg("revenueMarket");
    /** The rate of a policy. */
    public static final Node rate = tg("rate");
    /** The jurisdiction whose goods a policy targets. */
    public static final Node targetJurisdiction = tg("targetJurisdiction");
    /** The policy a policy is part of. */
    public static final Node partOfPolicy = tg("partOfPolicy");
    /** The policy whose combined rate a derived quantity is. */
    public static final Node combinedRateOf = tg("combinedRateOf");
    /** A role as the source words it. */
    public static final Node roleTitle = tg("roleTitle");
    /** When a fact holds. */
    public static final Node asOf = tg("asOf");
    /** Who took part in an event. */
    public static final Node participant = tg("participant");
    /** The date of an event. */
    public static final Node hasDate = tg("hasDate");
    /** How an event's date was read. */
    public static final Node dateResolution = tg("dateResolution");
    /** The words of the source for a date or an order in time. */
    public static final Node statedAs = tg("statedAs");
    /** The instant a date was read as. */
    public static final Node resolvedTo = tg("resolvedTo");
    /** Why a date was read so. */
    public static final Node resolutionBasis = tg("resolutionBasis");
    /** Why an event has no date. */
    public static final Node undatedBecause = tg("undatedBecause");
    /** What comes first in a temporal relation. */
    public static final Node earlier = tg("earlier");
    /** What comes second in a temporal relation. */
    public static final Node later = tg("later");
    /** How a statement or claim is put. */
    public static final Node modality = tg("modality");
    /** The words that set a modality. */
    public static final Node modalityCue = tg("modalityCue");
    /** What a statement or claim concerns. */
    public static final Node topic = tg("topic");
    /** The rule that drafted a fact. */
    public static final Node draftRule = tg("draftRule");
    /** Where a drafted fact stands in review. */
    public static final Node reviewStatus = tg("reviewStatus");
    /** The curator who reviewed a fact. */
    public static final Node reviewedBy = tg("reviewedBy");
    /** A lower bound of an instant. */
    public static final Node notBefore = tg("notBefore");
    /** The source's own voice. */
    public static final Node ArticleVoice = tg("ArticleVoice");
    /** The voice of someone the source quotes or paraphrases. */
    public static final Node AttributedVoice = tg("AttributedVoice");
    /** The number is the quantity. */
    public static final Node Exact = tg("Exact");
    /** The number is an exclusive lower bound. */
    public static final Node MoreThan = tg("MoreThan");
    /** The number is an inclusive lower bound. */
    public static final Node AtLeast = tg("AtLeast");
    /** The number is an exclusive upper bound. */
    public static final Node LessThan = tg("LessThan");
    /** The number is an inclusive upper bound. */
    public static final Node AtMost = tg("AtMost");
    /** The number approximates the quantity. */
    public static final Node Approximately = tg("Approximately");
    /** Put as a fact. */
    public static final Node Asserted = tg("Asserted");
    /** Put as a possibility. */
    public static final Node Possible = tg("Possible");
    /** Put as a prediction. */
    public static final Node Predicted = tg("Predicted");
    /** Denied. */
    public static final Node Denied = tg("Denied");
    /** Two reports of the same quote. */
    public static final Node sameStatementAs = tg("sameStatementAs");
    /** Two facts of the same kind about the same subject that agree. */
    public static final Node corroborates = tg("corroborates");
    /** Two facts of the same kind about the same subject that do not agree. */
    public static final Node conflictsWith = tg("conflictsWith");
    /** Drafted and not yet reviewed. */
    public static final Node Unreviewed = tg("Unreviewed");
    /** Drafted and accepted. */
    public static final Node Accepted = tg("Accepted");
    /** Drafted and accepted after a correction. */
    public static final Node Corrected = tg("Corrected");

    /** An action: a firm's course of action, such as starting production. */
    public static final Node Action = tg("Action");
    /** An action that shifts production to another place. */
    public static final Node ProductionShift = tg("ProductionShift");
    /** An event and action: production starts. */
    public static final Node ProductionStart = tg("ProductionStart");
    /** An event and action: trial production begins. */
    public static final Node TrialProduction = tg("TrialProduction");
    /** A situation an action answers, such as tariff pressure. */
    public static final Node Situation = tg("Situation");
    /** A claim that an action answers a policy or situation. */
    public static final Node ResponseClaim = tg("ResponseClaim");
    /** A claim that ties organisations to a country. */
    public static final Node CountryClaim = tg("CountryClaim");
    /** A country claim: based in the country. */
    public static final Node BasedInClaim = tg("BasedInClaim");
    /** A policy that is a tariff. */
    public static final Node Tariff = tg("Tariff");
    /** Where an event or action takes place. */
    public static final Node location = tg("location");
    /** What an event or action produces. */
    public static final Node product = tg("product");
    /** The stage an action has reached. */
    public static final Node stage = tg("stage");
    /** The action is under way. */
    public static final Node StartedStage = tg("StartedStage");
    /** The action is at a trial stage. */
    public static final Node TrialStage = tg("TrialStage");
    /** The broader action an action is part of. */
    public static final Node partOfAction = tg("partOfAction");
    /** The action a response claim explains. */
    public static final Node action = tg("action");
    /** The policy or situation an action answers. */
    public static final Node inResponseTo = tg("inResponseTo");
    /** The jurisdiction that issues a policy. */
    public static final Node issuingJurisdiction = tg("issuingJurisdiction");
    /** The kind of goods a policy targets. */
    public static final Node targetGoods = tg("targetGoods");
    /** Where a policy stands, as of a time. */
    public static final Node status = tg("status");
    /** The policy applies. */
    public static final Node InForce = tg("InForce");
    /** The country a country claim names. */
    public static final Node country = tg("country");
    /** A concern a statement or claim raises. */
    public static final Node raisesConcern = tg("raisesConcern");
    /** A concern a statement answers. */
    public static final Node answersConcern = tg("answersConcern");
    /** The statement a statement answers. */
    public static final Node respondsTo = tg("respondsTo");

    /** Terms of W3C PROV-O the code writes or reads. */
    public static final class PROV {
        private PROV() {}

        public static final String NS = "http://www.w3.org/ns/prov#";
        public static final Node used = NodeFactory.createURI(NS + "used");
        public static final Node wasGeneratedBy = NodeFactory.createURI(NS + "wasGeneratedBy");
        public static final Node wasAssociatedWith = NodeFactory.createURI(NS + "wasAssociatedWith");
        public static final Node wasDerivedFrom = NodeFactory.createURI(NS + "wasDerivedFrom");
        public static final Node SoftwareAgent = NodeFactory.createURI(NS + "SoftwareAgent");
    }

    /** Terms of OWL-Time the code writes or reads. */
    public static final class TIME {
        private TIME() {}

        public static final String NS = "http://www.w3.org/2006/time#";
        public static final Node Instant = NodeFactory.createURI(NS + "Instant");
        public static final Node inXSDDate = NodeFactory.createURI(NS + "inXSDDate");
        public static final Node inXSDgYearMonth = NodeFactory.createURI(NS + "inXSDgYearMonth");
        public static final Node inXSDgYear = NodeFactory.createURI(NS + "inXSDgYear");
        public static final Node inDateTime = NodeFactory.createURI(NS + "inDateTime");
        public static final Node DateTimeDescription = NodeFactory.createURI(NS + "DateTimeDescription");
        public static final Node year = NodeFactory.createURI(NS + "year");
        public static final Node month = NodeFactory.createURI(NS + "month");
        public static final Node day = NodeFactory.createURI(NS + "day");
        public static final Node unitType = NodeFactory.createURI(NS + "unitType");
        public static final Node unitDay = NodeFactory.createURI(NS + "unitDay");
        public static final Node unitMonth = NodeFactory.createURI(NS + "unitMonth");
        public static final Node unitYear = NodeFactory.createURI(NS + "unitYear");
        public static final Node after = NodeFactory.createURI(NS + "after");
        public static final Node before = NodeFactory.createURI(NS + "before");
    }

    /** Units of QUDT the code writes. */
    public static final class UNIT {
        private UNIT() {}

        public static final String NS = "http://qudt.org/vocab/unit/";
        public static final Node PERCENT = NodeFactory.createURI(NS + "PERCENT");
        public static final Node NUM = NodeFactory.createURI(NS + "NUM");
        public static final Node CCY_USD = NodeFactory.createURI(NS + "CCY_USD");
        public static final Node CCY_EUR = NodeFactory.createURI(NS + "CCY_EUR");
        public static final Node CCY_GBP = NodeFactory.createURI(NS + "CCY_GBP");
        public static final Node CCY_CZK = NodeFactory.createURI(NS + "CCY_CZK");
        public static final Node CCY_CNY = NodeFactory.createURI(NS + "CCY_CNY");
        public static final Node CCY_JPY = NodeFactory.createURI(NS + "CCY_JPY");
        public static final Node FRACTION = NodeFactory.createURI(NS + "FRACTION");
        public static final Node YR = NodeFactory.createURI(NS + "YR");
        public static final Node MO = NodeFactory.createURI(NS + "MO");
        public static final Node WK = NodeFactory.createURI(NS + "WK");
        public static final Node DAY = NodeFactory.createURI(NS + "DAY");
    }

    /** Terms of FOAF the code writes. */
    public static final class FOAF {
        private FOAF() {}

        public static final String NS = "http://xmlns.com/foaf/0.1/";
        public static final Node Person = NodeFactory.createURI(NS + "Person");
    }
}
