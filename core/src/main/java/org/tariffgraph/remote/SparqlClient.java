package org.tariffgraph.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetReaderRegistry;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The SPARQL 1.1 Protocol and Graph Store Protocol as the library speaks them to a remote
 * store: queries as form posts, answers only in the SPARQL JSON or XML results formats, every
 * answer checked for the marks of an incomplete one, and every failure turned into a
 * {@link RemoteStoreException} that says what happened.
 */
final class SparqlClient {

    /** Formats whose end is marked: an answer cut off on the way fails to parse. CSV and TSV are never asked for. */
    static final String RESULT_TYPES = "application/sparql-results+json, application/sparql-results+xml;q=0.9";
    /** The most characters of a store's error message repeated in ours. */
    private static final int MESSAGE_CHARS = 600;

    private final RemoteStore store;
    private final Duration timeout;

    SparqlClient(RemoteStore store, Duration timeout) {
        this.store = store;
        this.timeout = timeout;
    }

    RemoteStore store() {
        return store;
    }

    Duration timeout() {
        return timeout;
    }

    /** A new request of {@code queryText}, not yet sent. */
    Call call(String queryText) {
        return new Call(queryText);
    }

    /** Reads a whole named graph by the Graph Store Protocol, as N-Triples. */
    Graph getGraph(Node name) {
        URI url = graphUrl(requireGsp("read a whole graph"), name);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Accept", "application/n-triples, text/turtle;q=0.9").GET();
        HttpResponse<InputStream> response = gsp("GET", name, request, url);
        try (InputStream in = response.body()) {
            String contentType = response.headers().firstValue("Content-Type").orElse("application/n-triples");
            Lang lang = RDFLanguages.contentTypeToLang(contentType.split(";")[0].strip());
            if (lang == null) {
                throw new RemoteStoreException(502, "the remote store's Graph Store Protocol endpoint " + store.gsp().orElseThrow()
                        + " sent a graph as " + contentType + ", which is not RDF");
            }
            Graph graph = GraphFactory.createDefaultGraph();
            RDFParser.source(in).lang(lang).parse(graph);
            return graph;
        } catch (IOException | RuntimeException e) {
            throw e instanceof RemoteStoreException r ? r : gspFailure("GET", name, e);
        }
    }

    /**
     * Replaces a named graph by the Graph Store Protocol, sent as N-Triples. No
     * {@code Expect: 100-continue}: a store that answers it with a challenge (Virtuoso does)
     * leaves the connection with a body unsent, and the next request on it breaks.
     */
    void putGraph(Node name, Graph graph) {
        URI url = graphUrl(requireGsp("load graphs"), name);
        byte[] body = RDFWriter.source(graph).format(RDFFormat.NTRIPLES).asString().getBytes(StandardCharsets.UTF_8);
        Authentication auth = store.authentication();
        if (auth != null && !auth.knows(url)) {
            // A store may answer a PUT's challenge before reading its body, and close the
            // connection under it (Virtuoso does): the challenge is taken first, without a body.
            HttpRequest.Builder head = HttpRequest.newBuilder(url).timeout(timeout).method("HEAD", HttpRequest.BodyPublishers.noBody());
            try {
                Authentication.discard(send(head, "HEAD", url).get().body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteStoreException(502, "interrupted while waiting for the remote store", e);
            } catch (ExecutionException e) {
                throw gspFailure("HEAD", name, e.getCause());
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .header("Content-Type", WebContent.contentTypeNTriples)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        Authentication.discard(gsp("PUT", name, request, url).body());
    }

    /** Removes a named graph by the Graph Store Protocol. */
    void deleteGraph(Node name) {
        URI url = graphUrl(requireGsp("remove graphs"), name);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).DELETE();
        Authentication.discard(gsp("DELETE", name, request, url).body());
    }

    /**
     * One Graph Store Protocol request: its answer when it is a success, else a failure that
     * says why. GET, PUT and DELETE are idempotent, so one that breaks off before any answer
     * (a connection the store closed while it lay idle) is sent once more.
     */
    private HttpResponse<InputStream> gsp(String method, Node name, HttpRequest.Builder request, URI url) {
        HttpResponse<InputStream> response;
        try {
            try {
                response = send(request, method, url).get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof IOException) || e.getCause() instanceof java.net.ConnectException) {
                    throw e;
                }
                response = send(request, method, url).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteStoreException(502, "interrupted while waiting for the remote store", e);
        } catch (ExecutionException e) {
            throw gspFailure(method, name, e.getCause());
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            String said = firstPart(text(response.body()));
            throw new RemoteStoreException(502, "the remote store's Graph Store Protocol endpoint " + store.gsp().orElseThrow() + " ("
                    + method + " <" + name.getURI() + ">) answered " + status + statusHint(status) + said);
        }
        return response;
    }

    private static URI graphUrl(URI gsp, Node name) {
        return URI.create(gsp + (gsp.getRawQuery() == null ? "?" : "&") + "graph=" + URLEncoder.encode(name.getURI(), StandardCharsets.UTF_8));
    }

    /**
     * Sends a request, signed when the endpoint has asked for credentials before; answers a
     * challenge once, reading and closing the 401 so that its connection is free again.
     */
    CompletableFuture<HttpResponse<InputStream>> send(HttpRequest.Builder request, String method, URI url) {
        Authentication auth = store.authentication();
        if (auth != null) {
            auth.sign(request, method, url);
        }
        boolean signed = auth != null && request.build().headers().firstValue("Authorization").isPresent();
        return store.httpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream()).thenCompose(response -> {
            if (response.statusCode() != 401 || auth == null || !auth.challenged(response, url, signed)) {
                return CompletableFuture.completedFuture(response);
            }
            auth.sign(request, method, url);
            return store.httpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        });
    }

    boolean hasGsp() {
        return store.gsp().isPresent();
    }

    private URI requireGsp(String purpose) {
        return store.gsp().orElseThrow(() -> new RemoteStoreException(502,
                "to " + purpose + " the remote store's Graph Store Protocol URL is needed (--remote-gsp URL, or RemoteStore.builder().gsp(url))"));
    }

    private RemoteStoreException gspFailure(String method, Node name, Throwable e) {
        String where = "the remote store's Graph Store Protocol endpoint " + store.gsp().orElseThrow() + " (" + method + " <" + name.getURI() + ">)";
        return new RemoteStoreException(502, where + " cannot be reached: " + unreachable(e), e);
    }

    /**
     * One query request to the store. It may be aborted from another thread at any time (a
     * time-out, a client gone): waiting for the answer, or reading it, then stops with
     * {@link QueryCancelledException}.
     */
    final class Call implements AutoCloseable {
        private final String text;
        private volatile boolean aborted;
        private volatile CompletableFuture<HttpResponse<InputStream>> pending;
        private volatile InputStream body;
        private String server = "";

        private Call(String text) {
            this.text = text;
        }

        /** The answer of a SELECT query, read as the caller iterates it. */
        RowSet select() {
            InputStream in = send();
            try {
                return RowSetReaderRegistry.createReader(lang).read(in, ARQ.getContext());
            } catch (RuntimeException e) {
                throw readFailure(e);
            }
        }

        /** The answer of an ASK query. */
        boolean ask() {
            InputStream in = send();
            try {
                QueryExecResult result = RowSetReaderRegistry.createReader(lang).readAny(in, ARQ.getContext());
                if (!result.isBoolean()) {
                    throw new RemoteStoreException(502, "the remote store at " + store.query() + " answered an ASK query without a boolean");
                }
                return result.booleanResult();
            } catch (RuntimeException e) {
                throw readFailure(e);
            } finally {
                close();
            }
        }

        /** The store's {@code Server} header, once it has answered. */
        String server() {
            return server;
        }

        private Lang lang;

        private InputStream send() {
            if (aborted) {
                throw new QueryCancelledException();
            }
            StringBuilder form = new StringBuilder("query=").append(URLEncoder.encode(text, StandardCharsets.UTF_8));
            for (Map.Entry<String, String> p : store.queryParameters()) {
                form.append('&').append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(store.query())
                    .timeout(timeout)
                    .header("Accept", RESULT_TYPES)
                    .header("Content-Type", WebContent.contentTypeHTMLForm + ";charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.UTF_8));
            HttpResponse<InputStream> response;
            try {
                pending = SparqlClient.this.send(request, "POST", store.query());
                if (aborted) {
                    pending.cancel(true);
                }
                response = pending.get();
            } catch (CancellationException e) {
                throw new QueryCancelledException();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QueryCancelledException();
            } catch (ExecutionException e) {
                throw sendFailure(e.getCause());
            } catch (RuntimeException e) {
                throw sendFailure(e);
            }
            server = response.headers().firstValue("Server").orElse("");
            InputStream in = response.body();
            body = in;
            if (aborted) {
                close();
                throw new QueryCancelledException();
            }
            try {
                check(response, in);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            return in;
        }

        /** Refuses a failed or incomplete answer, and an answer in any format but SPARQL JSON or XML results. */
        private void check(HttpResponse<InputStream> response, InputStream in) {
            int status = response.statusCode();
            if (status != 200) {
                throw statusFailure(status, text(in));
            }
            String sqlState = response.headers().firstValue("X-SQL-State").orElse(null);
            if (sqlState != null) {
                String message = response.headers().firstValue("X-SQL-Message").orElse("");
                boolean timedOut = sqlState.equals("S1TAT") || message.toLowerCase(Locale.ROOT).contains("timeout");
                throw new RemoteStoreException(timedOut ? 503 : 502, "The remote store at " + store.query()
                        + (timedOut ? " stopped the query at its own time-out and sent what it had found so far" : " marked its answer as incomplete")
                        + " (X-SQL-State: " + sqlState + "); no partial answer is given.");
            }
            String maxRows = response.headers().firstValue("X-SPARQL-MaxRows").orElse(null);
            if (maxRows != null) {
                throw new RemoteStoreException(502, "The remote store at " + store.query() + " cut its answer at " + maxRows.strip()
                        + " rows, its own cap (X-SPARQL-MaxRows; Virtuoso's ResultSetMaxRows); no partial answer is given."
                        + " Add a LIMIT below the cap, or raise the store's cap above the endpoint's own (--max-rows).");
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
            lang = switch (mediaType) {
                case "application/sparql-results+json", "application/json" -> ResultSetLang.RS_JSON;
                case "application/sparql-results+xml", "application/xml" -> ResultSetLang.RS_XML;
                default -> throw new RemoteStoreException(502, store.query() + " did not answer as a SPARQL query endpoint: it sent "
                        + (mediaType.isEmpty() ? "no Content-Type" : mediaType) + " for a query, where SPARQL JSON or XML results were asked for."
                        + " Is it the store's SPARQL endpoint?");
            };
        }

        private RuntimeException readFailure(RuntimeException e) {
            if (aborted) {
                return new QueryCancelledException();
            }
            if (e instanceof RemoteStoreException || e instanceof QueryCancelledException) {
                return e;
            }
            return new RemoteStoreException(502, "The answer of the remote store at " + store.query()
                    + " broke off or is malformed; no partial answer is given: " + describe(rootCause(e)), e);
        }

        /** Wraps a row set so that a failure while its rows are read says what happened. */
        RuntimeException failure(RuntimeException e) {
            return readFailure(e);
        }

        private RuntimeException sendFailure(Throwable e) {
            if (aborted || e instanceof CancellationException) {
                return new QueryCancelledException();
            }
            Throwable cause = rootCause(e);
            if (e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException) || cause instanceof HttpTimeoutException
                    && !(cause instanceof HttpConnectTimeoutException)) {
                return new QueryCancelledException();
            }
            return new RemoteStoreException(502, "Cannot reach the remote store at " + store.query() + ": " + unreachable(e), e);
        }

        private RemoteStoreException statusFailure(int status, String storeMessage) {
            String said = firstPart(storeMessage);
            if (status == 503 || status == 504 || said.contains("S1T00")) {
                return new RemoteStoreException(503, "The remote store at " + store.query() + " ran out of time on the query (it answered "
                        + status + "); no partial answer is given." + said);
            }
            // Virtuoso answers a query it cannot compile with 500 and SQL state 37000.
            if (status == 400 || status == 500 && said.contains(" 37000 ")) {
                return new RemoteStoreException(400, "The remote store at " + store.query() + " refused the query (400)." + said);
            }
            return new RemoteStoreException(502, "The remote store at " + store.query() + " answered " + status + statusHint(status) + said);
        }

        void abort() {
            aborted = true;
            CompletableFuture<HttpResponse<InputStream>> p = pending;
            if (p != null) {
                p.cancel(true);
            }
            close();
        }

        @Override
        public void close() {
            InputStream in = body;
            if (in != null) {
                try {
                    in.close();
                } catch (IOException e) {
                    // Closing is all that is wanted: the connection is given up.
                }
            }
        }
    }

    private static String statusHint(int status) {
        return switch (status) {
            case 401 -> " (it wants a user and password: --remote-user and --remote-password-file)";
            case 403 -> " (the user may not do this, or the credentials are wrong)";
            case 404 -> " (no such endpoint: check the URL)";
            case 301, 302, 303, 307, 308 -> " (a redirection, which is not followed: give the URL it points to)";
            default -> "";
        };
    }

    /** The beginning of a store's message, on one line, to quote in ours. */
    static String firstPart(String storeMessage) {
        if (storeMessage == null || storeMessage.isBlank()) {
            return "";
        }
        String line = storeMessage.strip().replaceAll("\\s+", " ");
        return ": " + (line.length() > MESSAGE_CHARS ? line.substring(0, MESSAGE_CHARS) + "..." : line);
    }

    private static String text(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MESSAGE_CHARS * 4);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Why a request got no answer, in the words a user needs: refused, unknown host, no connection in time. */
    static String unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "no connection within the connect time-out";
            }
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
        }
        return describe(rootCause(e));
    }

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static String describe(Throwable cause) {
        String name = cause.getClass().getSimpleName();
        if (cause instanceof java.nio.channels.UnresolvedAddressException || cause instanceof java.net.UnknownHostException) {
            return "unknown host";
        }
        return cause.getMessage() == null ? name : cause.getMessage() + " (" + name + ")";
    }
}
