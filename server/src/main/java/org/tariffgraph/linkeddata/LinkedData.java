package org.tariffgraph.linkeddata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.tariffgraph.export.JsonLd;
import org.tariffgraph.query.Catalogue;
import org.tariffgraph.vocab.TG;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Publishes the graph as linked data: every IRI under {@code https://w3id.org/tariffgraph/}
 * answers at the same path on this server, in the format the client asks for.
 *
 * <table>
 * <caption>Paths</caption>
 * <tr><td>{@code /id/...}</td><td>an entity or fact: RDF, or an HTML page for browsers</td></tr>
 * <tr><td>{@code /graph/...}</td><td>a named graph, whole</td></tr>
 * <tr><td>{@code /ontology}</td><td>the ontology; as HTML, its documentation</td></tr>
 * <tr><td>{@code /ontology/context.jsonld}</td><td>the JSON-LD context of the ontology</td></tr>
 * <tr><td>{@code /dataset}, {@code /.well-known/void}</td><td>the VoID and DCAT description</td></tr>
 * <tr><td>{@code /dumps/...}</td><td>gzipped TriG and N-Quads dumps and their SHA-256 checksums</td></tr>
 * <tr><td>{@code /query}, {@code /timeline}, {@code /network}</td><td>the workbench: query editor, timeline, network (see {@link Workbench})</td></tr>
 * <tr><td>{@code /assets/...}</td><td>the pages' stylesheet and scripts</td></tr>
 * </table>
 *
 * <p>RDF comes as Turtle (the default), JSON-LD (compacted with the ontology's context),
 * N-Triples or RDF/XML. An unknown IRI is answered 404; an Accept header that admits none of
 * the formats, 406.
 */
public final class LinkedData {

    /** The path prefixes this publishes, for mapping its servlet. */
    public static final List<String> PATHS = List.of("/id/*", "/graph/*", "/ontology/*", "/dataset", "/.well-known/void", "/dumps/*", "",
            "/query/*", "/timeline/*", "/network/*", "/assets/*");

    /** The characters an IRI path of the project may hold: no quotes, brackets or spaces. */
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9/._~%!$&'()*+,;=:@-]*");

    private final DatasetGraph dataset;
    private final String sparqlPath;
    private final Describer describer;
    private final HtmlPages pages;
    private final Assets assets = new Assets();
    private final Workbench workbench;
    /** Counts the updates: what was computed before the last one is stale. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Published published;
    /** The ontology's documentation page, with the generation of the data it counts uses in. */
    private volatile Cached ontologyPage;
    /** Where the dumps are written. */
    private final Path dumpFolder;

    /**
     * What is computed from the whole dataset: its counts, its dumps and the JSON-LD context,
     * with the generation of the data they were computed from.
     */
    private record Published(long generation, DatasetDescription.Counts counts, Dumps dumps, JsonLd jsonLd) {}

    /** A page computed from the data, with the generation of the data it was computed from. */
    private record Cached(long generation, String html) {}

    /**
     * @param dataset       the served dataset, whose default graph is the union of its named graphs
     * @param sparqlPath    the path of the SPARQL endpoint, such as {@code /kg/sparql}
     * @param catalogue     the query catalogue, the query editor's examples
     */
    public LinkedData(DatasetGraph dataset, String sparqlPath, Catalogue catalogue) {
        this.dataset = dataset;
        this.sparqlPath = sparqlPath;
        this.describer = new Describer(dataset);
        this.pages = new HtmlPages(dataset, sparqlPath);
        this.workbench = new Workbench(dataset, sparqlPath, catalogue, assets);
        try {
            this.dumpFolder = Files.createTempDirectory("tariffgraph-dumps-");
            dumpFolder.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the dumps: " + e.getMessage(), e);
        }
    }

    /**
     * The counts, dumps and context, made in one read transaction so that they agree, and kept
     * until the data changes. After a change one request makes them again while the others
     * wait for it. They are tagged with the generation read before their transaction began, so
     * that what was computed from the data before an update is never taken as current after it.
     */
    private Published published() {
        Published p = published;
        if (p != null && p.generation() == generation.get()) {
            return p;
        }
        synchronized (this) {
            long current = generation.get();
            p = published;
            if (p != null && p.generation() == current) {
                return p;
            }
            Published previous = p;
            p = Txn.calculateRead(dataset, () -> new Published(current, DatasetDescription.count(dataset), Dumps.of(dataset, dumpFolder),
                    JsonLd.fromOntology(dataset.getGraph(TG.ontologyGraph), dataset.prefixes())));
            published = p;
            if (previous != null) {
                previous.dumps().delete();
            }
            return p;
        }
    }

    /** Called after the data changes (an update): the counts and dumps are made afresh when next asked for. */
    public void dataChanged() {
        generation.incrementAndGet();
    }

    /** The servlet that answers the paths of {@link #PATHS}. */
    public HttpServlet servlet() {
        return new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                answer(request, response);
            }
        };
    }

    /** The SPARQL 1.1 Service Description of the endpoint at {@code endpointUrl}, in the format the request asks for. */
    public void writeServiceDescription(HttpServletRequest request, HttpServletResponse response, String endpointUrl) throws IOException {
        Graph description = DatasetDescription.serviceDescription(published().counts(), endpointUrl);
        send(request, response, description, Representation.ALL, () -> pages.service(description, endpointUrl));
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        String contextPath = request.getContextPath();
        if (contextPath != null && !contextPath.isEmpty() && path.startsWith(contextPath)) {
            path = path.substring(contextPath.length());
        }
        if (!SAFE_PATH.matcher(path).matches()) {
            notFound(response, path);
            return;
        }
        if (path.startsWith(Assets.PATH)) {
            assets.serve(path.substring(Assets.PATH.length()), response);
            return;
        }
        if (Workbench.handles(path)) {
            workbench.answer(path, response);
            return;
        }
        String serverBase = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        if (path.isEmpty() || path.equals("/") || path.equals("/dataset") || path.equals("/.well-known/void")) {
            Published p = published();
            Graph description = DatasetDescription.voidAndDcat(p.counts(), p.dumps(), serverBase, sparqlPath);
            // The root is a page for people first; the description's own IRI is RDF first.
            List<Representation> offers = path.equals("/dataset") || path.equals("/.well-known/void")
                    ? Representation.ALL : List.of(Representation.HTML, Representation.TURTLE, Representation.JSONLD, Representation.NTRIPLES, Representation.RDFXML);
            send(request, response, description, offers, () -> pages.dataset(description));
            return;
        }
        if (path.startsWith("/dumps/")) {
            dump(path.substring("/dumps/".length()), response);
            return;
        }
        if (path.equals("/ontology/context.jsonld")) {
            response.setContentType("application/ld+json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Access-Control-Allow-Origin", "*");
            JsonLd.writeJson(published().jsonLd().contextDocument(), response.getOutputStream());
            return;
        }
        String iri = Html.LOCAL_ROOT + path;
        Optional<Graph> description = describer.describe(iri);
        if (description.isEmpty()) {
            notFound(response, iri);
            return;
        }
        Graph graph = description.get();
        boolean isGraph = path.startsWith("/graph/");
        boolean isOntology = path.startsWith("/ontology");
        send(request, response, graph, Representation.ALL, () -> isOntology
                ? ontologyPage()
                : isGraph ? pages.graph(iri, graph) : pages.entity(iri, graph));
    }

    /** The ontology's documentation, made again only after the data changes: it counts each term's uses in all the data. */
    private String ontologyPage() {
        Cached page = ontologyPage;
        long current = generation.get();
        if (page != null && page.generation() == current) {
            return page.html();
        }
        synchronized (this) {
            page = ontologyPage;
            if (page == null || page.generation() != generation.get()) {
                page = new Cached(current, OntologyDocument.html(dataset, sparqlPath));
                ontologyPage = page;
            }
            return page.html();
        }
    }

    private interface HtmlSupplier {
        String html();
    }

    private void send(HttpServletRequest request, HttpServletResponse response, Graph graph,
                      List<Representation> offers, HtmlSupplier html) throws IOException {
        response.setHeader("Vary", "Accept");
        response.setHeader("Access-Control-Allow-Origin", "*");
        List<Representation> available = html == null ? offers.stream().filter(Representation::isRdf).toList() : offers;
        Representation choice = Representation.choose(request.getHeader("Accept"), available);
        if (choice == null) {
            response.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
            response.setContentType("text/plain");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().println("Not acceptable: this resource is available as "
                    + String.join(", ", available.stream().map(r -> r.mediaType).toList()));
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        switch (choice) {
            case HTML -> body.writeBytes(html.html().getBytes(StandardCharsets.UTF_8));
            case JSONLD -> published().jsonLd().write(graph, body);
            default -> RDFWriter.source(graph).format(choice.rdfFormat).output(body);
        }
        response.setContentType(choice.mediaType);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }

    private void dump(String name, HttpServletResponse response) throws IOException {
        Dumps dumps = published().dumps();
        if (name.equals(Dumps.CHECKSUMS)) {
            response.setContentType("text/plain");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().print(dumps.checksums());
            return;
        }
        Dumps.Dump dump = dumps.dumps().get(name);
        if (dump == null) {
            notFound(response, "/dumps/" + name);
            return;
        }
        response.setContentType("application/gzip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + dump.fileName() + "\"");
        response.setContentLengthLong(dump.size());
        OutputStream out = response.getOutputStream();
        Files.copy(dump.file(), out);
    }

    private static void notFound(HttpServletResponse response, String what) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().println("Not found: the graph has nothing about " + what);
    }
}
