package org.tariffgraph.server;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.sparql.core.Prologue;
import org.tariffgraph.export.JsonLd;
import org.tariffgraph.vocab.TG;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.tariffgraph.linkeddata.LinkedData;
import org.tariffgraph.query.AnswerTooLargeException;
import org.tariffgraph.query.QueryGuard;
import org.tariffgraph.query.QueryResult;
import org.tariffgraph.query.QueryRunner;
import org.tariffgraph.query.StringTooLongException;
import org.tariffgraph.query.ServicePolicy;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The SPARQL query operation of the endpoint. It differs from Fuseki's own in these ways:
 *
 * <ul>
 * <li>Results are computed completely before the response starts. Fuseki streams SELECT
 *     results, so a time-out in mid-stream leaves the client a 200 with a cut-off body; here
 *     a time-out is always a 503 and a 200 always carries the whole answer.</li>
 * <li>A query that could make the server reach outside the dataset is refused with 400
 *     before it runs: a {@code SERVICE} not allowed, a {@code FROM} or {@code FROM NAMED}
 *     graph the dataset does not hold, a {@code java:} function (see {@link QueryGuard}).</li>
 * <li>A GET without a query returns the endpoint's SPARQL 1.1 Service Description.</li>
 * <li>An Accept header that admits none of the formats Fuseki's writers offer is refused with
 *     406 before the query runs; RDF answers in JSON-LD are compacted with the ontology's
 *     context, as the project's linked data and exports are.</li>
 * <li>An answer larger than the limits (rows, or bytes), or a string built larger than its
 *     limit, is refused with 422, and a query whose client has gone away is stopped.</li>
 * <li>At most {@link Limits#maxConcurrentQueries()} queries are computed at once; another
 *     waits briefly, then is answered 503 with {@code Retry-After} (see {@link QueryGate}).</li>
 * </ul>
 */
final class BufferedQueryProcessor extends SPARQL_QueryDataset {

    private final ServicePolicy services;
    private final LinkedData linkedData;
    private final Limits limits;
    private final Duration timeout;
    private final QueryGate gate;

    BufferedQueryProcessor(ServicePolicy services, LinkedData linkedData, Limits limits, Duration timeout) {
        this.timeout = timeout;
        this.services = services;
        this.linkedData = linkedData;
        this.limits = limits;
        this.gate = new QueryGate(limits.maxConcurrentQueries());
    }

    /**
     * The formats an answer can be sent in: Fuseki's own offers, which its writers choose
     * from, so that what is refused here with 406 and what is written agree.
     */
    private static AcceptList offers(Query query) {
        return query.isJsonType() ? DEF.jsonOffer
                : query.isSelectType() ? DEF.rsOfferTable
                : query.isAskType() ? DEF.rsOfferBoolean
                : query.isConstructQuad() ? DEF.quadsOffer
                : DEF.constructOffer;
    }

    /** The format the request chooses from the offers, as Fuseki's writers match it; null when it admits none. */
    private static MediaType choice(HttpServletRequest request, AcceptList offers) {
        String accept = request.getHeader(HttpNames.hAccept);
        return accept == null || accept.isBlank() ? offers.first() : ConNeg.match(accept, offers);
    }

    /** The output format named by a parameter ({@code output} or {@code format}), or null. */
    private static String formatParameter(HttpServletRequest request) {
        String output = request.getParameter(HttpNames.paramOutput1);
        return output != null ? output : request.getParameter(HttpNames.paramOutput2);
    }

    /** An Accept header that admits no format of the answer is refused with 406, before the query runs. */
    @Override
    protected void validateQuery(HttpAction action, Query query) {
        HttpServletRequest request = action.getRequest();
        AcceptList offers = offers(query);
        if (formatParameter(request) == null && choice(request, offers) == null) {
            ServletOps.error(406, "Not acceptable: this answer can be sent as "
                    + offers.entries().stream().map(MediaType::getContentTypeStr).collect(Collectors.joining(", ")));
        }
        validateReach(action, query);
    }

    /**
     * RDF answers asked for as JSON-LD are written as the rest of the project writes JSON-LD
     * (see {@link JsonLd}): compacted with the ontology's context, so that their keys are the
     * ones the linked data and the export use. Every other answer is written by Fuseki.
     */
    @Override
    protected void sendResults(HttpAction action, QueryExecResult result, Prologue prologue) {
        if ((result.isGraph() || result.isDataset()) && asksForJsonLd(action.getRequest(), result.isDataset() ? DEF.quadsOffer : DEF.constructOffer)) {
            DatasetGraph served = action.getActiveDSG();
            JsonLd jsonLd = JsonLd.fromOntology(served.getGraph(TG.ontologyGraph), served.prefixes());
            action.setResponseStatus(200);
            action.setResponseContentType(WebContent.contentTypeJSONLD);
            action.setResponseCharacterEncoding(WebContent.charsetUTF8);
            try {
                if (result.isGraph()) {
                    jsonLd.write(result.graph(), action.getResponseOutputStream());
                } else {
                    jsonLd.write(result.dataset(), action.getResponseOutputStream());
                }
            } catch (IOException e) {
                ServletOps.errorOccurred(e);
            }
            return;
        }
        super.sendResults(action, result, prologue);
    }

    private static boolean asksForJsonLd(HttpServletRequest request, AcceptList offers) {
        String parameter = formatParameter(request);
        if (parameter != null) {
            Lang lang = RDFLanguages.shortnameToLang(parameter);
            return Lang.JSONLD.equals(lang != null ? lang : RDFLanguages.contentTypeToLang(parameter));
        }
        MediaType chosen = choice(request, offers);
        return chosen != null && WebContent.contentTypeJSONLD.equals(chosen.getContentTypeStr());
    }

    /** A GET without a query is answered with the SPARQL 1.1 Service Description of the endpoint. */
    @Override
    public void execGet(HttpAction action) {
        if (action.getRequestQueryString() == null && linkedData != null) {
            HttpServletRequest request = action.getRequest();
            String endpoint = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + request.getRequestURI();
            try {
                linkedData.writeServiceDescription(request, action.getResponse(), endpoint);
            } catch (IOException e) {
                ServletOps.errorOccurred(e);
            }
            return;
        }
        super.execGet(action);
    }

    /** Refuses a query that could reach outside the dataset. */
    private void validateReach(HttpAction action, Query query) {
        DatasetGraph dataset = action.getDataset();
        Set<String> graphs = QueryGuard.heldGraphs(dataset);
        String refusal = new QueryGuard(services).refusal(query, graphs);
        for (String parameter : new String[] {"default-graph-uri", "named-graph-uri"}) {
            String[] values = action.getRequest().getParameterValues(parameter);
            if (refusal == null && values != null) {
                refusal = QueryGuard.refusalOfGraphs(parameter, List.of(values), graphs);
            }
        }
        if (refusal != null) {
            ServletOps.errorBadRequest(refusal);
        }
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec queryExec, Query requestQuery, String queryStringLog) {
        if (!gate.enter()) {
            action.getResponse().setHeader("Retry-After", Integer.toString(QueryGate.RETRY_AFTER_SECONDS));
            throw new ActionErrorException(503, "The endpoint is computing " + gate.places() + " queries, the most it computes at once"
                    + " (--max-concurrent-queries); try again in a few seconds.", null);
        }
        // Stop the query when the client goes away: nobody would read the answer.
        ClientWatch watch = ClientWatch.start(action.getRequest(), queryExec::abort);
        long started = System.nanoTime();
        try {
            return execResult(QueryRunner.complete(queryExec, requestQuery, limits.answerLimits()));
        } catch (RuntimeException e) {
            ActionErrorException refusal = refusal(e);
            if (refusal == null && e instanceof QueryCancelledException && watch.clientGone()) {
                refusal = new ActionErrorException(499, "the client closed the connection; the query was stopped", null);
            }
            throw refusal != null ? refusal : outOfTime(e, Duration.ofNanos(System.nanoTime() - started), timeout);
        } finally {
            watch.stop();
            gate.leave();
        }
    }

    /**
     * The client error for a query refused while it ran, or null: a function or service
     * refused at run time (400), an answer or a string over the limits (422). The messages
     * name the limit and the option of {@code serve} that sets it.
     */
    static ActionErrorException refusal(Throwable e) {
        if (e instanceof QueryDeniedException) {
            return new ActionErrorException(400, e.getMessage(), null);
        }
        if (e instanceof AnswerTooLargeException tooLarge) {
            String option = tooLarge.unit().equals("bytes") ? "--max-answer-bytes" : "--max-rows";
            return new ActionErrorException(422, "The answer has more than " + tooLarge.limit() + " " + tooLarge.unit()
                    + ", the most this endpoint returns (" + option + "); add a LIMIT or narrow the query.", null);
        }
        if (e instanceof StringTooLongException tooLong) {
            String which = tooLong.inAll()
                    ? "The query's expressions built more than " + tooLong.limit() + " characters of strings in all"
                            + ", the most one query may build (half of --max-answer-bytes, at two bytes a character)"
                    : "An expression built a string or number of more than " + tooLong.limit() + " characters"
                            + ", the longest this endpoint lets a query build (--max-string-length)";
            return new ActionErrorException(422, which + "; build shorter strings, or narrow the query.", null);
        }
        return null;
    }

    /**
     * The failure of a query that has run for its whole time-out is the time-out's: some of
     * Jena's operators, stopped in the middle of building (a hash join's table not yet made),
     * fail with another exception on their way out, which would otherwise be a 500. It is
     * answered as every time-out is, 503.
     */
    static RuntimeException outOfTime(RuntimeException e, Duration ran, Duration timeout) {
        if (e instanceof QueryCancelledException || ran.compareTo(timeout) < 0) {
            return e;
        }
        QueryCancelledException timedOut = new QueryCancelledException();
        timedOut.addSuppressed(e);
        return timedOut;
    }

    /** The complete answer, for Fuseki's writers. */
    private static QueryExecResult execResult(QueryResult answer) {
        if (answer instanceof QueryResult.Rows rows) {
            return new QueryExecResult(rows.rowSet());
        }
        if (answer instanceof QueryResult.Ask ask) {
            return new QueryExecResult(ask.value());
        }
        if (answer instanceof QueryResult.JsonItems json) {
            return new QueryExecResult(json.items().iterator());
        }
        if (answer instanceof QueryResult.Quads quads) {
            return new QueryExecResult(quads.dataset());
        }
        return new QueryExecResult(((QueryResult.Triples) answer).graph());
    }
}
