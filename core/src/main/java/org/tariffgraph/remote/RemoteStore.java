package org.tariffgraph.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;


/**
 * Where a remote SPARQL 1.1 store answers, and how to sign in to it: the URL of its query
 * endpoint, and optionally those of its update endpoint and its Graph Store Protocol
 * endpoint, with a user and password for all three.
 *
 * <p>What the library assumes of the store, and checks when it connects (see
 * {@link RemoteDataset#connect}):
 * <ul>
 * <li>SPARQL 1.1 Query at the query URL, answering SELECT in the SPARQL JSON or XML results
 *     format (whose end is marked, so that an answer cut off on the way is an error, never
 *     a short answer); the Graph Store Protocol at the GSP URL to load and read whole graphs.</li>
 * <li>The default graph is the union of the named graphs: a query without {@code GRAPH}
 *     answers over all the facts. Checked with a triple of a named graph.</li>
 * <li>The store holds tariffgraph's graphs alone, with no inference adding triples: its
 *     default graph is the union of all its graphs, so the triples of any other graph would
 *     be in the answers. A store with graphs outside {@code https://w3id.org/tariffgraph/} is
 *     refused, except Virtuoso's own system graphs, which every Virtuoso has: their triples
 *     (in Virtuoso's own vocabulary) are in its default graph, and {@code GRAPH ?g} is kept
 *     to tariffgraph's graphs on every store.</li>
 * <li>An answer that the store marks as incomplete (Virtuoso's {@code X-SQL-State} after its
 *     own time-out, {@code X-SPARQL-MaxRows} when it cut the answer at its row cap) is
 *     refused; a store that cuts answers without saying so cannot be told apart.</li>
 * <li>No transactions across requests: a load replaces one graph at a time, and a reader
 *     may see some graphs replaced and others not while it runs.</li>
 * </ul>
 *
 * <p>The password is used for HTTP basic or digest authentication, as the store asks, and is
 * kept in this object alone: it is never part of a message, of {@link #toString()}, or of a
 * global registry such as Jena's {@code AuthEnv}.
 *
 * <pre>{@code
 * RemoteStore store = RemoteStore.builder()
 *         .query("http://db.example.org:8890/sparql")
 *         .gsp("http://db.example.org:8890/sparql-graph-crud-auth")
 *         .credentials("loader", password)
 *         .build();
 * try (TariffGraph graph = TariffGraph.builder().remote(store).build()) {
 *     graph.catalogue().select("who-said-what");
 * }
 * }</pre>
 */
public final class RemoteStore {

    private final URI query;
    private final URI update;
    private final URI gsp;
    private final String user;
    private final List<Map.Entry<String, String>> parameters;
    private final HttpClient httpClient;
    private final Authentication authentication;

    private RemoteStore(Builder b) {
        if (b.query == null) {
            throw new IllegalArgumentException("a remote store needs the URL of its SPARQL query endpoint");
        }
        this.query = b.query;
        this.update = b.update;
        this.gsp = b.gsp;
        this.user = b.user;
        this.parameters = List.copyOf(b.parameters);
        this.httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.authentication = b.user != null ? new Authentication(b.user, b.password) : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The SPARQL query endpoint. */
    public URI query() {
        return query;
    }

    /** The SPARQL update endpoint, if given. */
    public Optional<URI> update() {
        return Optional.ofNullable(update);
    }

    /** The Graph Store Protocol endpoint, if given. */
    public Optional<URI> gsp() {
        return Optional.ofNullable(gsp);
    }

    /** The user signed in as, if any. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** Parameters sent with every query, in order, such as GraphDB's {@code infer=false}. */
    public List<Map.Entry<String, String>> queryParameters() {
        return parameters;
    }

    HttpClient httpClient() {
        return httpClient;
    }

    /** How requests are signed, or null without credentials. */
    Authentication authentication() {
        return authentication;
    }

    /** The URLs and the user; never the password. */
    @Override
    public String toString() {
        return "remote store (query " + query + (update != null ? ", update " + update : "") + (gsp != null ? ", GSP " + gsp : "")
                + (user != null ? ", user " + user : "") + ")";
    }

    /** Options of a remote store; only the query URL is required. */
    public static final class Builder {
        private URI query;
        private URI update;
        private URI gsp;
        private String user;
        private String password;
        private final List<Map.Entry<String, String>> parameters = new ArrayList<>();
        private Duration connectTimeout = Duration.ofSeconds(10);

        private Builder() {}

        /**
         * The SPARQL query endpoint, such as {@code http://host:8890/sparql}.
         *
         * @throws IllegalArgumentException if it is not an absolute http or https URL, or holds a user or password
         */
        public Builder query(String url) {
            this.query = endpoint("the query URL", url);
            return this;
        }

        /** The SPARQL update endpoint; see {@link #query}. */
        public Builder update(String url) {
            this.update = url == null ? null : endpoint("the update URL", url);
            return this;
        }

        /** The Graph Store Protocol endpoint, where graphs are named by {@code ?graph=}; see {@link #query}. */
        public Builder gsp(String url) {
            this.gsp = url == null ? null : endpoint("the Graph Store Protocol URL", url);
            return this;
        }

        /** The user and password for every endpoint of the store, by HTTP basic or digest authentication. */
        public Builder credentials(String user, String password) {
            if (user == null || user.isEmpty() || password == null) {
                throw new IllegalArgumentException("credentials need a user and a password");
            }
            this.user = user;
            this.password = password;
            return this;
        }

        /** A parameter sent with every query, such as GraphDB's {@code infer=false}; repeatable. */
        public Builder queryParameter(String name, String value) {
            if (name == null || name.isEmpty() || name.equals("query") || value == null) {
                throw new IllegalArgumentException("a query parameter needs a name other than 'query', and a value");
            }
            parameters.add(Map.entry(name, value));
            return this;
        }

        /** How long to wait for a connection to the store; 10 seconds by default. */
        public Builder connectTimeout(Duration timeout) {
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("the connect time-out must be positive");
            }
            this.connectTimeout = timeout;
            return this;
        }

        public RemoteStore build() {
            return new RemoteStore(this);
        }
    }

    /**
     * Checks an endpoint URL. The messages never repeat what stands between {@code //} and
     * {@code @}: a URL given with a password would otherwise print it.
     */
    static URI endpoint(String what, String url) {
        Objects.requireNonNull(url, what);
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a URL: " + redacted(url) + " (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(what + " holds a user or password (" + redacted(url) + "), which would show wherever"
                    + " the URL is printed or logged; give them as credentials instead (--remote-user, --remote-password-file)");
        }
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(what + " must be an absolute http or https URL, such as http://localhost:8890/sparql, not " + redacted(url));
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException(what + " must not have a fragment (#...): " + redacted(url));
        }
        return uri;
    }

    /** A URL with anything between the scheme's {@code //} and an {@code @} hidden. */
    static String redacted(String url) {
        return url.replaceAll("//.*@", "//***@");
    }
}
