package org.tariffgraph.linkeddata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonValue;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The files of the pages, served from the server's jar at {@code /assets/}: the stylesheet,
 * and the workbench's scripts and styles, which the build bundles from
 * {@code src/main/frontend} into the same folder of the classes.
 */
final class Assets {

    static final String PATH = "/assets/";
    private static final String FOLDER = "/org/tariffgraph/assets/";
    /** A file name: no folder, no dot segment. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(css|js|json|svg)");
    private static final Map<String, String> TYPES = Map.of("css", "text/css", "js", "text/javascript", "json", "application/json", "svg", "image/svg+xml");

    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

    /** The bytes of an asset, or empty when there is no such file. */
    Optional<byte[]> read(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(name, n -> {
            try (InputStream in = Assets.class.getResourceAsStream(FOLDER + n)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The hashes of a page's inline styles, from {@code csp.json} as the build wrote it: {@code styleElements}, {@code styleAttributes}. */
    List<String> cspHashes(String page, String kind) {
        return read("csp.json").map(bytes -> {
            JsonValue json = JSON.parseAny(new String(bytes, StandardCharsets.UTF_8));
            var forPage = json.getAsObject().get(page);
            if (forPage == null || forPage.getAsObject().get(kind) == null) {
                return List.<String>of();
            }
            return forPage.getAsObject().get(kind).getAsArray().stream().map(v -> v.getAsString().value()).toList();
        }).orElse(List.of());
    }

    /** Answers {@code /assets/<name>}: the file, or 404. */
    void serve(String name, HttpServletResponse response) throws IOException {
        Optional<byte[]> bytes = read(name);
        if (bytes.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/plain");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().println("Not found: no asset " + name);
            return;
        }
        response.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(bytes.get().length);
        response.getOutputStream().write(bytes.get());
    }
}
