package org.tariffgraph.query;

import java.nio.file.Path;
import java.util.List;

/**
 * One query of the catalogue: its id (the file name without {@code .rq}), the header that
 * documents it, and its text.
 */
public record CatalogueQuery(String id, String summary, String description, List<String> tags, String text, Path file) {}
