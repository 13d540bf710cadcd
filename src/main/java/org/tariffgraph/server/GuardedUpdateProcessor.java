package org.tariffgraph.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import java.util.List;
import java.util.Set;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateBinaryOp;
import org.apache.jena.sparql.modify.request.UpdateClear;
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
import org.tariffgraph.query.QueryGuard;
import org.tariffgraph.query.ServicePolicy;

/**
 * SPARQL update, checked before it runs. Refused with 400, and nothing changed:
 *
 * <ul>
 * <li>{@code LOAD}, which would make the server fetch a URL or read a file;</li>
 * <li>in a {@code WHERE} clause, anything a query may not do (see {@link QueryGuard}): a
 *     {@code SERVICE} the policy does not allow, even inside {@code EXISTS}, a
 *     {@code java:} function; and {@code USING} a graph the dataset does not hold;</li>
 * <li>any write to the default graph, which is the union of the named graphs and holds
 *     nothing of its own, or to the union graph's reserved name: data goes into a named
 *     graph;</li>
 * <li>{@code ADD}, {@code COPY} or {@code MOVE} from a graph that does not exist.</li>
 * </ul>
 *
 * <p>Only {@code application/sparql-update} bodies are taken, and never from another site:
 * a browser can send a form to any site with the user's credentials, so form-encoded
 * updates, and requests a browser marks as cross-site, are refused.
 */
final class GuardedUpdateProcessor extends SPARQL_Update {

    private static final Logger LOG = LoggerFactory.getLogger("org.tariffgraph.update");

    private final QueryGuard guard;
    private final Runnable onChange;

    /** @param onChange run after each update that succeeds */
    GuardedUpdateProcessor(ServicePolicy services, Runnable onChange) {
        this.guard = new QueryGuard(services);
        this.onChange = onChange;
    }

    @Override
    public void validate(HttpAction action) {
        String contentType = action.getRequest().getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/sparql-update")) {
            ServletOps.error(415, "Send the update as application/sparql-update: form-encoded updates are refused, "
                    + "since any web page could make a browser send one with its user's credentials");
        }
        String site = action.getRequest().getHeader("Sec-Fetch-Site");
        String origin = action.getRequest().getHeader("Origin");
        if ("cross-site".equalsIgnoreCase(site) || (origin != null && !sameOrigin(origin, action))) {
            ServletOps.errorForbidden("Updates are not taken from another site");
        }
        super.validate(action);
    }

    private static boolean sameOrigin(String origin, HttpAction action) {
        var request = action.getRequest();
        String own = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        String ownDefaultPort = request.getScheme() + "://" + request.getServerName();
        return origin.equalsIgnoreCase(own) || origin.equalsIgnoreCase(ownDefaultPort);
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
        DatasetGraph dataset = action.getDataset();
        Set<String> graphs = QueryGuard.graphNames(dataset);
        for (Update operation : request.getOperations()) {
            String refusal = refusal(operation, graphs);
            if (refusal != null) {
                ServletOps.errorBadRequest(refusal + "; nothing was changed");
                return;
            }
        }
        LOG.info("user {} applies an update of {} bytes", action.getUser(), body.length);
        try {
            super.execute(action, new ByteArrayInputStream(body));
        } catch (ActionErrorException e) {
            // Refused at run time, where the static check could not see it; the update was rolled back.
            ActionErrorException refusal = BufferedQueryProcessor.refusal(e.getCause());
            if (refusal != null) {
                throw new ActionErrorException(refusal.getRC(), refusal.getMessage() + " Nothing was changed.", null);
            }
            throw e;
        }
        onChange.run();
    }

    private String refusal(Update operation, Set<String> graphs) {
        if (operation instanceof UpdateLoad) {
            return "LOAD is not allowed: the server never fetches data on a client's behalf";
        }
        if (operation instanceof UpdateData data && data.getQuads().stream().anyMatch(GuardedUpdateProcessor::notNamed)) {
            return DEFAULT_GRAPH;
        }
        if (operation instanceof UpdateDeleteWhere deleteWhere && deleteWhere.getQuads().stream().anyMatch(GuardedUpdateProcessor::notNamed)) {
            return DEFAULT_GRAPH;
        }
        if (operation instanceof UpdateModify modify) {
            boolean templatesInDefault = modify.getInsertQuads().stream().anyMatch(GuardedUpdateProcessor::notNamed)
                    || modify.getDeleteQuads().stream().anyMatch(GuardedUpdateProcessor::notNamed);
            if (templatesInDefault && (modify.getWithIRI() == null || isReserved(modify.getWithIRI()))) {
                return DEFAULT_GRAPH;
            }
            String using = QueryGuard.refusalOfGraphs("USING", uris(modify.getUsing()), graphs);
            if (using == null) {
                using = QueryGuard.refusalOfGraphs("USING NAMED", uris(modify.getUsingNamed()), graphs);
            }
            if (using != null) {
                return using;
            }
            Query where = new Query();
            where.setQuerySelectType();
            where.setQueryResultStar(true);
            where.setQueryPattern(modify.getWherePattern());
            return guard.refusal(where, graphs);
        }
        if (operation instanceof UpdateClear clear && targetsDefault(clear.getTarget())) {
            return DEFAULT_GRAPH;
        }
        if (operation instanceof UpdateDrop drop && targetsDefault(drop.getTarget())) {
            return DEFAULT_GRAPH;
        }
        if (operation instanceof UpdateBinaryOp binary) {
            if (targetsDefault(binary.getDest()) || (operation instanceof UpdateMove && targetsDefault(binary.getSrc()))) {
                return DEFAULT_GRAPH;
            }
            Target source = binary.getSrc();
            if (source.isOneNamedGraph() && !graphs.contains(source.getGraph().getURI()) && !binary.isSilent()) {
                return "no graph <" + source.getGraph().getURI() + "> to copy from";
            }
        }
        return null;
    }

    private static List<String> uris(List<Node> graphs) {
        return graphs.stream().map(Node::getURI).toList();
    }

    /** A quad written outside a named graph: to the default graph or to a reserved graph name. */
    private static boolean notNamed(Quad quad) {
        return quad.isDefaultGraph() || isReserved(quad.getGraph());
    }

    private static boolean isReserved(Node graph) {
        return Quad.isDefaultGraph(graph) || Quad.isUnionGraph(graph);
    }

    private static boolean targetsDefault(Target target) {
        return target.isDefault() || (target.isOneNamedGraph() && isReserved(target.getGraph()));
    }

    private static final String DEFAULT_GRAPH =
            "the default graph is the union of the named graphs and cannot be written: write into a named graph (GRAPH <...> { ... })";
}
