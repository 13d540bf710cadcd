package org.tariffgraph.draft;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.tariffgraph.text.SourceText;

/**
 * Drafts the facts of a new report from its plain text, in this project's model and in the
 * report's own named graph: page segments (with navigation, bylines and advertising marked
 * as not the story), direct quotes and paraphrases with their speakers, roles from
 * appositions, quantities with their bounds, dates with honest precision, and the people,
 * organisations and places it names, matched to the entities a graph already knows. Every
 * drafted fact has its evidence computed from the text, and is marked as drafted by a rule
 * and unreviewed until a curator accepts it.
 *
 * <pre>{@code
 * Drafter drafter = Drafter.over(graph.dataset());
 * Draft draft = drafter.draft(Path.of("report.txt"),
 *         new ReportMetadata("https://example.org/news/1", "Example News", LocalDate.of(2025, 6, 20), null));
 * draft.writeTrig(System.out);
 * }</pre>
 */
public final class Drafter {

    private final EntityIndex known;

    private Drafter(EntityIndex known) {
        this.known = known;
    }

    /** A drafter that matches names to the people, organisations and places of a dataset (all its graphs). */
    public static Drafter over(DatasetGraph dataset) {
        return new Drafter(Txn.calculateRead(dataset, () -> EntityIndex.of(dataset.getUnionGraph())));
    }

    /** A drafter that matches names to the people, organisations and places of a graph. */
    public static Drafter over(Graph entities) {
        return new Drafter(EntityIndex.of(entities));
    }

    /**
     * Drafts a report from a text file; the draft's name (its slug) is the file name without
     * its extension.
     *
     * @throws org.tariffgraph.text.TextException if the file cannot be read, is empty, is not UTF-8 or is binary
     */
    public Draft draft(Path file, ReportMetadata meta) {
        return draft(SourceText.read(file), meta);
    }

    /** Drafts a report from its text; see {@link #draft(Path, ReportMetadata)}. */
    public Draft draft(SourceText text, ReportMetadata meta) {
        Objects.requireNonNull(meta, "meta");
        String slug = slug(text.name());
        Extraction found = Extraction.of(text.text(), meta.published(), known);
        String title = meta.title() != null ? meta.title() : headline(found);
        ReportMetadata complete = new ReportMetadata(meta.url(), meta.publisher(), meta.published(), title);
        Graph graph = DraftWriter.write(text, found, complete, slug);
        return new Draft(slug, DraftWriter.graphIri(slug), graph);
    }

    private static String headline(Extraction found) {
        return found.story().segments.stream().filter(s -> s.kind() == Segment.Kind.HEADLINE).findFirst()
                .map(s -> found.story().words(s.start(), s.end())).orElse("(untitled)");
    }

    /** The slug of a file name: without its extension, in lower-case letters, digits and hyphens. */
    static String slug(String fileName) {
        String base = fileName.replaceFirst("\\.[^.]*$", "");
        String slug = EntityIndex.slug(base);
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("the file name " + fileName + " gives no name for the report's graph; rename it, e.g. publisher-2025-topic.txt");
        }
        return slug.toLowerCase(Locale.ROOT);
    }
}
