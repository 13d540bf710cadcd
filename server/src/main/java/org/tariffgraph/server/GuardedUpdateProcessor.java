package org.tariffgraph.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIxResolver;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.shared.AddDeniedException;
import org.apache.jena.shared.DeleteDeniedException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.sparql.modify.UsingList;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateBinaryOp;
import org.apache.jena.sparql.modify.request.UpdateData;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.modify.request.UpdateDropClear;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.modify.request.UpdateMove;
import org.apache.jena.sparql.util.Context;
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
 * <li>{@code DROP ALL} and {@code CLEAR ALL}, which would empty the default graph too;</li>
 * <li>{@code ADD}, {@code COPY} or {@code MOVE} from a graph that does not exist.</li>
 * </ul>
 *
 * <p>What no check of the text can see, such as {@code GRAPH ?g} bound to the union graph,
 * is refused as it happens, by the dataset ({@link org.tariffgraph.load.UnionDefaultGraph}):
 * then too the answer is 400 and the transaction is abandoned. An update gets the same
 * time-out as a query; one that runs longer is stopped and answered 503, and changes
 * nothing.
 *
 * <p>Only {@code application/sparql-update} bodies are taken, and never from another site:
 * a browser can send a form to any site with the user's credentials, so form-encoded
 * updates, and requests a browser marks as cross-site, are refused.
 */
final class GuardedUpdateProcessor extends SPARQL_Update {

    private static final Logger LOG = LoggerFactory.getLogger("org.tariffgraph.update");

    private static final IRIxResolver PARAMETER_IRIS = IRIxResolver.create().base(Fuseki.BaseParserSPARQL).resolve(true)
            .allowRelative(false).build();

    private final QueryGuard guard;
    private final Duration timeout;
    private final Runnable onChange;

    /**
     * @param timeout  the longest an update may run before it is stopped, and nothing changed
     * @param onChange run after each update that succeeds
     */
    GuardedUpdateProcessor(ServicePolicy services, Duration timeout, Runnable onChange) {
        this.guard = new QueryGuard(services);
        this.timeout = timeout;
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

    /**
     * Parses the request once, checks it, and executes that same parsed request: checking
     * one parse and executing another would let the two disagree, as they did when only
     * Fuseki's parse took the {@code using-graph-uri} parameters into account.
     */
    @Override
    protected void execute(HttpAction action, InputStream input) {
        byte[] body;
        try {
            body = input.readAllBytes();
        } catch (IOException e) {
            ServletOps.errorBadRequest("cannot read the update request: " + e.getMessage());
            return;
        }
        UpdateRequest request = parse(action, body);
        DatasetGraph dataset = action.getDataset();
        Set<String> graphs = QueryGuard.heldGraphs(dataset);
        for (Update operation : request.getOperations()) {
            String refusal = refusal(operation, graphs);
            if (refusal != null) {
                ServletOps.errorBadRequest(refusal + "; nothing was changed");
                return;
            }
        }
        LOG.info("user {} applies an update of {} bytes", action.getUser(), body.length);
        action.beginWrite();
        try {
            execute(request, action.getActiveDSG(), action.getContext());
            action.commit();
        } catch (AddDeniedException | DeleteDeniedException e) {
            // A write the checks above cannot see, such as GRAPH ?g bound to the union graph.
            action.abortSilent();
            ServletOps.errorBadRequest(e.getMessage() + "; nothing was changed");
        } catch (QueryCancelledException e) {
            action.abortSilent();
            ServletOps.error(503, "The update ran longer than the time-out of " + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms")
                    + " and was stopped; nothing was changed");
        } catch (UpdateException | QueryParseException | QueryBuildException | QueryExceptionHTTP e) {
            action.abortSilent();
            ServletOps.errorBadRequest(e.getMessage() + "; nothing was changed");
        } catch (RuntimeException e) {
            action.abortSilent();
            // Refused at run time, where the static check could not see it: a java: function, a bound.
            ActionErrorException refusal = BufferedQueryProcessor.refusal(e);
            if (refusal != null) {
                throw new ActionErrorException(refusal.getRC(), refusal.getMessage() + " Nothing was changed.", null);
            }
            throw e;
        } catch (Error e) {
            action.abortSilent();
            throw e;
        } finally {
            action.endWrite();
        }
        onChange.run();
    }

    /**
     * Runs the operations one by one, in the caller's transaction, each with what is left of
     * the time-out as its {@code ARQ.updateTimeout}. Jena's own handling of that time-out
     * gives every operation after the first a time-out of zero, so a request of several
     * operations handed over whole would be stopped at its second.
     */
    private void execute(UpdateRequest request, DatasetGraph dataset, Context context) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Update operation : request.getOperations()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new QueryCancelledException();
            }
            UpdateExec.dataset(dataset).update(operation).context(context).timeout(left, TimeUnit.MILLISECONDS).execute();
        }
    }

    /** The request with the {@code using-graph-uri} and {@code using-named-graph-uri} parameters applied, as SPARQL 1.1 says. */
    private static UpdateRequest parse(HttpAction action, byte[] body) {
        UsingList using = new UsingList();
        for (String iri : parameters(action, HttpNames.paramUsingGraphURI)) {
            using.addUsing(NodeFactory.createURI(protocolIri(iri)));
        }
        for (String iri : parameters(action, HttpNames.paramUsingNamedGraphURI)) {
            using.addUsingNamed(NodeFactory.createURI(protocolIri(iri)));
        }
        try {
            return UpdateFactory.read(using, new ByteArrayInputStream(body), Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
        } catch (QueryParseException | UpdateException e) {
            ServletOps.errorBadRequest(e.getMessage());
            return null;
        }
    }

    private static String[] parameters(HttpAction action, String name) {
        String[] values = action.getRequest().getParameterValues(name);
        return values == null ? new String[0] : values;
    }

    private static String protocolIri(String iri) {
        try {
            return PARAMETER_IRIS.resolve(iri).str();
        } catch (RuntimeException e) {
            ServletOps.errorBadRequest("not an IRI: " + iri);
            return null;
        }
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
        if (operation instanceof UpdateDropClear dropClear) {
            if (dropClear.getTarget().isAll()) {
                String verb = operation instanceof UpdateDrop ? "DROP" : "CLEAR";
                return verb + " ALL would empty the default graph too, which is the union of the named graphs and cannot be written: "
                        + verb + " NAMED empties every named graph, " + verb + " GRAPH <...> one";
            }
            if (targetsDefault(dropClear.getTarget())) {
                return DEFAULT_GRAPH;
            }
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
