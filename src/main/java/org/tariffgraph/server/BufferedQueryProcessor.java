package org.tariffgraph.server;

import java.io.IOException;
import java.util.List;
import java.util.Set;

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
import org.tariffgraph.linkeddata.ContentNegotiation;
import org.tariffgraph.linkeddata.LinkedData;
import org.tariffgraph.query.AnswerTooLargeException;
import org.tariffgraph.query.QueryGuard;
import org.tariffgraph.query.QueryResult;
import org.tariffgraph.query.QueryRunner;
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
 * <li>An answer larger than the limit is refused with 422, and a query whose client has
 *     gone away is stopped.</li>
 * </ul>
 */
final class BufferedQueryProcessor extends SPARQL_QueryDataset {

    private final ServicePolicy services;
    private final LinkedData linkedData;
    private final Limits limits;

    BufferedQueryProcessor(ServicePolicy services, LinkedData linkedData, Limits limits) {
        this.services = services;
        this.linkedData = linkedData;
        this.limits = limits;
    }

    /** The media types of results: SPARQL results for SELECT and ASK, RDF for CONSTRUCT and DESCRIBE, JSON for JSON queries. */
    private static final List<String> RESULT_TYPES = List.of("application/sparql-results+json", "application/sparql-results+xml",
            "application/json", "application/xml", "text/csv", "text/tab-separated-values", "text/plain");
    private static final List<String> RDF_TYPES = List.of("text/turtle", "application/n-triples", "application/ld+json",
            "application/rdf+xml", "application/trig", "application/n-quads", "application/rdf+json", "text/plain");

    /** An Accept header that admits no format of the answer is refused with 406, before the query runs. */
    @Override
    protected void validateQuery(HttpAction action, Query query) {
        String accept = action.getRequest().getHeader("Accept");
        boolean formatParameter = action.getRequest().getParameter("format") != null || action.getRequest().getParameter("output") != null;
        List<String> offers = query.isJsonType() ? List.of("application/json")
                : query.isSelectType() || query.isAskType() ? RESULT_TYPES : RDF_TYPES;
        if (!formatParameter && ContentNegotiation.choose(accept, offers) == null) {
            ServletOps.error(406, "Not acceptable: this answer can be sent as " + String.join(", ", offers));
        }
        validateReach(action, query);
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
        Set<String> graphs = QueryGuard.graphNames(dataset);
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
        // Stop the query when the client goes away: nobody would read the answer.
        ClientWatch watch = ClientWatch.start(action.getRequest(), queryExec::abort);
        try {
            return execResult(QueryRunner.complete(queryExec, requestQuery, limits.maxRows()));
        } catch (AnswerTooLargeException e) {
            throw new ActionErrorException(422, "The answer has more than " + limits.maxRows() + " " + e.unit()
                    + ", the most this endpoint returns; add a LIMIT or narrow the query.", null);
        } catch (QueryDeniedException e) {
            // Refused at run time, where the static check could not see it.
            throw new ActionErrorException(400, e.getMessage(), null);
        } catch (QueryCancelledException e) {
            if (watch.clientGone()) {
                throw new ActionErrorException(499, "the client closed the connection; the query was stopped", null);
            }
            throw e;
        } finally {
            watch.stop();
        }
    }

    /** The complete answer, for Fuseki's writers. */
    private static QueryExecResult execResult(QueryResult answer) {
        if (answer.isRows()) {
            return new QueryExecResult(answer.rowSet());
        }
        if (answer.isBoolean()) {
            return new QueryExecResult(answer.booleanValue());
        }
        if (answer.isJson()) {
            return new QueryExecResult(answer.jsonItems().iterator());
        }
        return answer.isDataset() ? new QueryExecResult(answer.datasetValue()) : new QueryExecResult(answer.graphValue());
    }
}
