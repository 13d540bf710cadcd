package org.tariffgraph.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.tariffgraph.load.LoadException;

/**
 * The query catalogue: one SPARQL query per {@code .rq} file, each opening with a header in
 * the grlc style that stays valid SPARQL:
 *
 * <pre>
 * #+ summary: Companies that moved production to the U.S., with stage and date
 * #+ description: Which research question it answers, and how to read the result.
 * #+ tags: companies, production, timeline
 * </pre>
 *
 * <p>A catalogue read from a folder lists its queries; one taken from
 * {@code TariffGraph.catalogue()} also runs them over that graph by id.
 */
public final class Catalogue {

    private static final Pattern HEADER = Pattern.compile("^#\\+\\s*(\\w+)\\s*:\\s*(.*)$", Pattern.MULTILINE);
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, CatalogueQuery> queries;
    private final QueryRunner runner;

    private Catalogue(Map<String, CatalogueQuery> queries, QueryRunner runner) {
        this.queries = queries;
        this.runner = runner;
    }

    /** An empty catalogue. */
    public static Catalogue empty() {
        return new Catalogue(Map.of(), null);
    }

    /** The same queries, run by {@code runner} (over its dataset, within its time-out). */
    public Catalogue over(QueryRunner runner) {
        return new Catalogue(queries, runner);
    }

    /**
     * Runs the query with this id to completion.
     *
     * @throws java.util.NoSuchElementException if the catalogue has no query with this id; the message lists the ids
     * @throws IllegalStateException if this catalogue was read from a folder, not taken from a graph
     * @see QueryRunner#run(String)
     */
    public QueryResult run(String id) {
        return runner().run(require(id).text());
    }

    /**
     * Runs the SELECT query with this id; see {@link #run(String)}.
     *
     * @throws IllegalArgumentException if that query is not a SELECT query
     */
    public QueryResult.Rows select(String id) {
        return runner().select(require(id).text());
    }

    /** The query with this id. @throws java.util.NoSuchElementException if there is none; the message lists the ids */
    public CatalogueQuery require(String id) {
        return get(id).orElseThrow(() -> new java.util.NoSuchElementException(
                "no catalogue query has the id '" + id + "'; the ids are " + String.join(", ", queries.keySet())));
    }

    private QueryRunner runner() {
        if (runner == null) {
            throw new IllegalStateException("this catalogue lists queries read from a folder; run them from TariffGraph.catalogue()");
        }
        return runner;
    }

    /**
     * Reads every {@code .rq} file of a folder (not its subfolders). A file without a
     * summary, with a name that is not kebab-case, or that does not parse is refused.
     */
    public static Catalogue fromFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new LoadException(folder + ": no such query folder");
        }
        Map<String, CatalogueQuery> queries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) {
                CatalogueQuery q = read(file);
                queries.put(q.id(), q);
            }
        } catch (IOException e) {
            throw new LoadException(folder + ": cannot read: " + e.getMessage(), e);
        }
        return new Catalogue(queries, null);
    }

    static CatalogueQuery read(Path file) {
        String id = file.getFileName().toString().replaceFirst("\\.rq$", "");
        if (!ID.matcher(id).matches()) {
            throw new LoadException(file + ": a query's file name is its id and must be kebab-case, such as who-said-what.rq");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LoadException(file + ": cannot read: " + e.getMessage(), e);
        }
        Map<String, String> header = new LinkedHashMap<>();
        Matcher m = HEADER.matcher(text);
        while (m.find()) {
            header.putIfAbsent(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2).strip());
        }
        String summary = header.get("summary");
        if (summary == null || summary.isEmpty()) {
            throw new LoadException(file + ": a catalogue query needs a '#+ summary:' header line");
        }
        try {
            QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new LoadException(file + ": not valid SPARQL: " + e.getMessage(), e);
        }
        List<String> tags = header.containsKey("tags")
                ? Arrays.stream(header.get("tags").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : List.of();
        return new CatalogueQuery(id, summary, header.getOrDefault("description", ""), tags, text, file);
    }

    public Collection<CatalogueQuery> queries() {
        return queries.values();
    }

    public Optional<CatalogueQuery> get(String id) {
        return Optional.ofNullable(queries.get(id));
    }

    public List<String> ids() {
        return new ArrayList<>(queries.keySet());
    }
}
