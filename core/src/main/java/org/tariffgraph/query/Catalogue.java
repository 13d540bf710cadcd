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
 */
public final class Catalogue {

    private static final Pattern HEADER = Pattern.compile("^#\\+\\s*(\\w+)\\s*:\\s*(.*)$", Pattern.MULTILINE);
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, CatalogueQuery> queries;

    private Catalogue(Map<String, CatalogueQuery> queries) {
        this.queries = queries;
    }

    /** An empty catalogue. */
    public static Catalogue empty() {
        return new Catalogue(Map.of());
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
        return new Catalogue(queries);
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
