package org.tariffgraph.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import java.io.IOException;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.tariffgraph.linkeddata.LinkedData;
import org.tariffgraph.query.ServicePolicy;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The SPARQL query operation of the endpoint. It differs from Fuseki's own in two ways:
 *
 * <ul>
 * <li>Results are computed completely before the response starts. Fuseki streams SELECT
 *     results, so a time-out in mid-stream leaves the client a 200 with a cut-off body; here
 *     a time-out is always a 503 and a 200 always carries the whole answer.</li>
 * <li>A query that calls a remote endpoint ({@code SERVICE}) that is not allowed is refused
 *     with 400 before it runs.</li>
 * <li>A GET without a query returns the endpoint's SPARQL 1.1 Service Description.</li>
 * </ul>
 */
final class BufferedQueryProcessor extends SPARQL_QueryDataset {

    private final ServicePolicy services;
    private final LinkedData linkedData;

    BufferedQueryProcessor(ServicePolicy services, LinkedData linkedData) {
        this.services = services;
        this.linkedData = linkedData;
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

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        String refusal = services.refusal(query);
        if (refusal != null) {
            ServletOps.errorBadRequest(refusal);
        }
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec queryExec, Query requestQuery, String queryStringLog) {
        if (requestQuery.isSelectType()) {
            RowSet rows = queryExec.select();
            return new QueryExecResult(rows.materialize());
        }
        if (requestQuery.isJsonType()) {
            List<JsonObject> items = new ArrayList<>();
            Iterator<JsonObject> it = queryExec.execJsonItems();
            it.forEachRemaining(items::add);
            return new QueryExecResult(items.iterator());
        }
        // CONSTRUCT, DESCRIBE and ASK are computed in full by Fuseki already.
        return super.executeQuery(action, queryExec, requestQuery, queryStringLog);
    }
}
