package org.tariffgraph.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.linkeddata.LinkedData;
import org.tariffgraph.query.Catalogue;
import org.tariffgraph.query.ExecutionGuard;
import org.tariffgraph.query.QueryRunner;
import org.tariffgraph.query.ServicePolicy;

import jakarta.servlet.http.HttpServlet;

/**
 * The embedded SPARQL endpoint: Apache Jena Fuseki serving one dataset, read-only and with
 * federated queries off unless told otherwise.
 *
 * <p>Endpoints, under the dataset name ({@code /kg} by default): {@code sparql} (SPARQL
 * query), {@code get} (Graph Store Protocol, read only), and {@code update} (SPARQL update,
 * only when enabled, and then only for users of a password file, by HTTP basic
 * authentication). {@code /$/ping} answers when the server is up. Every IRI of the graph
 * also answers at its own path, as linked data, and the workbench (query editor, timeline,
 * network) is at {@code /query}, {@code /timeline} and {@code /network} (see {@link LinkedData}).
 * Every answer carries security headers: a Content-Security-Policy that lets pages run only
 * the server's own scripts, and {@code nosniff}, {@code no-referrer} and no framing. A request is
 * served at the normal form of its path, so that every rule sees one spelling of it.
 *
 * <pre>{@code
 * SparqlServer server = SparqlServer.builder(graph).port(0).timeout(Duration.ofSeconds(5)).build().start();
 * try {
 *     System.out.println(server.queryUrl());
 * } finally {
 *     server.stop();
 * }
 * }</pre>
 */
public final class SparqlServer {

    private final FusekiServer fuseki;
    private final UpdateUsers updateUsers;
    private final String host;
    private final String datasetName;
    private final boolean updateEnabled;

    private SparqlServer(Builder b) {
        this.host = b.host;
        this.datasetName = b.datasetName;
        this.updateUsers = b.updateUsers;
        this.updateEnabled = updateUsers != null;

        LinkedData linkedData = b.linkedData ? new LinkedData(b.dataset, datasetName + "/sparql", b.catalogue) : null;
        Context queryContext = new Context();
        queryContext.set(ARQ.queryTimeout, Long.toString(b.timeout.toMillis()));
        b.services.install(queryContext);
        ExecutionGuard.install(queryContext, b.limits.answerLimits());
        // Updates run in the dataset's own context: the same rules there.
        b.services.install(b.dataset.getContext());
        ExecutionGuard.install(b.dataset.getContext(), b.limits.answerLimits());

        DataService.Builder service = DataService.newBuilder(b.dataset)
                .addEndpoint(Endpoint.create().operation(Operation.Query).endpointName("sparql")
                        .context(queryContext).processor(new BufferedQueryProcessor(b.services, linkedData, b.limits)).build())
                .addEndpoint(Operation.GSP_R, "get");
        FusekiServer.Builder fusekiBuilder = FusekiServer.create()
                .port(b.port)
                .enablePing(true)
                .enableStats(false)
                .enableMetrics(false)
                .enableTasks(false)
                .enableCompact(false)
                .enableCors(false);
        if (updateEnabled) {
            service.addEndpoint(Endpoint.create().operation(Operation.Update).endpointName("update")
                    .context(queryContext).authPolicy(Auth.ANY_USER).processor(new GuardedUpdateProcessor(b.services, b.timeout,
                            linkedData == null ? () -> { } : linkedData::dataChanged)).build());
            fusekiBuilder.securityHandler(new UpdateAuthentication(datasetName + "/update", b.updateUsers))
                    .auth(AuthScheme.BASIC).realm(b.updateUsers.getName());
        }
        fusekiBuilder.add(datasetName, service.build());
        fusekiBuilder.addFilter("/*", new SecurityHeaders());
        fusekiBuilder.addFilter("/*", new Cors(datasetName + "/update"));
        fusekiBuilder.addFilter(datasetName + "/*", new RequestLimitFilter(b.limits));
        if (linkedData != null) {
            HttpServlet servlet = linkedData.servlet();
            LinkedData.PATHS.forEach(path -> fusekiBuilder.addServlet(path, servlet));
        }
        this.fuseki = fusekiBuilder.build();
        Server jetty = fuseki.getJettyServer();
        if (updateEnabled) {
            jetty.setHandler(new UpdateRateLimit(jetty.getHandler(), datasetName + "/update", b.nanoTime));
        }
        jetty.setHandler(new NormalisedPath(jetty.getHandler()));
        if (b.accessLog) {
            jetty.setRequestLog(new AccessLog());
        }
        // Form posts are bounded by the body limit, not by Jetty's smaller default.
        ServletContextHandler context = ServletContextHandler.getServletContextHandler(fuseki.getServletContext());
        context.setMaxFormContentSize((int) Math.min(Integer.MAX_VALUE, b.limits.maxBodyBytes()));
        for (Connector connector : fuseki.getJettyServer().getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setHost(host);
            }
        }
    }

    /** A builder for a server over {@code dataset}. */
    public static Builder builder(DatasetGraph dataset) {
        return new Builder(dataset);
    }

    /** A builder for a server over a graph, with the graph's query time-out and its query catalogue. */
    public static Builder builder(TariffGraph graph) {
        return new Builder(graph.dataset()).timeout(graph.timeout()).catalogue(graph.catalogue());
    }

    /** Starts the server; returns when it accepts requests. */
    public SparqlServer start() {
        fuseki.start();
        return this;
    }

    public void stop() {
        fuseki.stop();
    }

    /** Blocks until the server stops. */
    public void join() {
        fuseki.join();
    }

    /** The port the server listens on; the actual one when started with port 0. */
    public int port() {
        return fuseki.getHttpPort();
    }

    /** The base URL of the dataset, such as {@code http://127.0.0.1:3030/kg}. */
    public String datasetUrl() {
        return serverUrl() + datasetName.substring(1);
    }

    /** The server's own URL, such as {@code http://127.0.0.1:3030/}: the dataset's page and the way to the workbench. */
    public String serverUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + "/";
    }

    /** The SPARQL query endpoint. */
    public String queryUrl() {
        return datasetUrl() + "/sparql";
    }

    /** The read-only Graph Store Protocol endpoint. */
    public String graphStoreUrl() {
        return datasetUrl() + "/get";
    }

    public boolean updateEnabled() {
        return updateEnabled;
    }

    /** How many passwords the server has checked, each at the cost of one PBKDF2 derivation. */
    long passwordChecks() {
        return updateEnabled ? updateUsers.checks() : 0;
    }

    /** The name of the server's thread pool, whose threads are named after it. */
    String threadPoolName() {
        return fuseki.getJettyServer().getThreadPool() instanceof org.eclipse.jetty.util.thread.QueuedThreadPool pool ? pool.getName() : "";
    }

    /** Server options; every one has a safe default. */
    public static final class Builder {
        private final DatasetGraph dataset;
        private String host = "127.0.0.1";
        private int port = 3030;
        private String datasetName = "/kg";
        private Duration timeout = Duration.ofSeconds(10);
        private ServicePolicy services = ServicePolicy.none();
        private UpdateUsers updateUsers;
        private boolean linkedData = true;
        private boolean accessLog = true;
        private Limits limits = Limits.DEFAULT;
        private LongSupplier nanoTime = System::nanoTime;
        private Catalogue catalogue = Catalogue.empty();

        private Builder(DatasetGraph dataset) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
        }

        /** The address to listen on; 127.0.0.1 (loopback only) by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; 3030 by default, 0 for any free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be from 0 to 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** The dataset's path, such as {@code /kg} (the default). */
        public Builder datasetName(String name) {
            this.datasetName = name.startsWith("/") ? name : "/" + name;
            return this;
        }

        /** The longest a query may run before it is cancelled with 503; 10 seconds by default. */
        public Builder timeout(Duration timeout) {
            this.timeout = QueryRunner.positive(timeout);
            return this;
        }

        /** Which remote endpoints SERVICE may call; none by default. */
        public Builder services(ServicePolicy services) {
            this.services = Objects.requireNonNull(services, "services");
            return this;
        }

        /**
         * Enables SPARQL update at {@code <dataset>/update}, for the users of a password file
         * by HTTP basic authentication. Each line is {@code user: PBKDF2:...}, a salted hash
         * made by {@code tariffgraph hash-password}; a password in clear is refused. The file
         * is read and checked here, once: a later change to it changes nothing.
         *
         * @throws IllegalArgumentException if the file is missing, names no user, or holds a
         *         line that is not a PBKDF2 hash that can be checked
         */
        public Builder updateWithPasswordFile(Path passwordFile) {
            this.updateUsers = UpdateUsers.read(passwordFile);
            return this;
        }

        /**
         * Whether to publish the graph as linked data at the paths of its IRIs ({@code /id/...},
         * {@code /ontology}, {@code /graph/...}, the dataset description and dumps); on by default.
         */
        public Builder linkedData(boolean publish) {
            this.linkedData = publish;
            return this;
        }

        /** Whether to log one line per request on {@code org.tariffgraph.access}; on by default. */
        public Builder accessLog(boolean log) {
            this.accessLog = log;
            return this;
        }

        /**
         * The limits on queries, request bodies, answers, the strings queries build and the
         * queries computed at once; {@link Limits#DEFAULT} by default.
         */
        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The query catalogue, whose queries the query editor offers as examples; none by default, the graph's with {@link SparqlServer#builder(TariffGraph)}. */
        public Builder catalogue(Catalogue catalogue) {
            this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
            return this;
        }

        /** The clock of the update rate limit, in nanoseconds; tests move it by hand. */
        Builder updateRateClock(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        public SparqlServer build() {
            return new SparqlServer(this);
        }
    }
}
