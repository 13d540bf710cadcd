package org.tariffgraph.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateAdd;
import org.apache.jena.sparql.modify.request.UpdateClear;
import org.apache.jena.sparql.modify.request.UpdateCopy;
import org.apache.jena.sparql.modify.request.UpdateData;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.modify.request.UpdateMove;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateException;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tariffgraph.query.ServicePolicy;

/**
 * SPARQL update, checked before it runs. Refused with 400, and nothing changed:
 *
 * <ul>
 * <li>{@code LOAD}, which would make the server fetch a URL or read a file;</li>
 * <li>a {@code SERVICE} the policy does not allow, in a {@code WHERE} clause;</li>
 * <li>any write to the default graph, which is the union of the named graphs and holds
 *     nothing of its own: data goes into a named graph.</li>
 * </ul>
 */
final class GuardedUpdateProcessor extends SPARQL_Update {

    private static final Logger LOG = LoggerFactory.getLogger("org.tariffgraph.update");

    private final ServicePolicy services;

    GuardedUpdateProcessor(ServicePolicy services) {
        this.services = services;
    }

    @Override
    protected void execute(HttpAction action, InputStream input) {
        byte[] body;
        try {
            body = input.readAllBytes();
        } catch (IOException e) {
            ServletOps.errorBadRequest("cannot read the update request: " + e.getMessage());
            return;
        }
        UpdateRequest request;
        try {
            request = UpdateFactory.create(new String(body, StandardCharsets.UTF_8), Syntax.syntaxARQ);
        } catch (QueryParseException | UpdateException e) {
            ServletOps.errorBadRequest(e.getMessage());
            return;
        }
        for (Update operation : request.getOperations()) {
            String refusal = refusal(operation);
            if (refusal != null) {
                ServletOps.errorBadRequest(refusal + "; nothing was changed");
                return;
            }
        }
        LOG.info("user {} applies an update of {} bytes", action.getUser(), body.length);
        super.execute(action, new ByteArrayInputStream(body));
    }

    private String refusal(Update operation) {
        if (operation instanceof UpdateLoad) {
            return "LOAD is not allowed: the server never fetches data on a client's behalf";
        }
        if (operation instanceof UpdateData data && data.getQuads().stream().anyMatch(Quad::isDefaultGraph)) {
            return DEFAULT_GRAPH;
        }
        if (operation instanceof UpdateDeleteWhere deleteWhere && deleteWhere.getQuads().stream().anyMatch(Quad::isDefaultGraph)) {
            return DEFAULT_GRAPH;
        }
        if (operation instanceof UpdateModify modify) {
            boolean templatesInDefault = modify.getInsertQuads().stream().anyMatch(Quad::isDefaultGraph)
                    || modify.getDeleteQuads().stream().anyMatch(Quad::isDefaultGraph);
            if (templatesInDefault && modify.getWithIRI() == null) {
                return DEFAULT_GRAPH;
            }
            Query where = new Query();
            where.setQuerySelectType();
            where.setQueryResultStar(true);
            where.setQueryPattern(modify.getWherePattern());
            return services.refusal(where);
        }
        if (operation instanceof UpdateClear clear && targetsDefault(clear.getTarget())) {
            return DEFAULT_GRAPH;
        }
        if (operation instanceof UpdateDrop drop && targetsDefault(drop.getTarget())) {
            return DEFAULT_GRAPH;
        }
        if (operation instanceof UpdateAdd add && add.getDest().isDefault()) {
            return DEFAULT_GRAPH;
        }
        if (operation instanceof UpdateCopy copy && copy.getDest().isDefault()) {
            return DEFAULT_GRAPH;
        }
        if (operation instanceof UpdateMove move && (move.getDest().isDefault() || move.getSrc().isDefault())) {
            return DEFAULT_GRAPH;
        }
        return null;
    }

    private static boolean targetsDefault(Target target) {
        return target.isDefault();
    }

    private static final String DEFAULT_GRAPH =
            "the default graph is the union of the named graphs and cannot be written: write into a named graph (GRAPH <...> { ... })";
}
