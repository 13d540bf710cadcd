package org.tariffgraph.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.tariffgraph.vocab.TG;

/**
 * The people, organisations and places a graph already knows, found in a text by their
 * labels and alternative labels, longest first, at word boundaries and case as written.
 */
final class EntityIndex {

    enum Kind { PERSON, ORGANISATION, PLACE }

    /** A known entity: its IRI, its label, its kind. */
    record Entity(String iri, String label, Kind kind) {}

    /** Where a label of an entity stands in a text (char offsets). */
    record Match(Entity entity, int start, int end) {}

    private final Map<String, Entity> byName = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    private EntityIndex() {}

    /** An index of the IRIs under {@code /id/person/}, {@code /id/org/} and {@code /id/place/} of a graph. */
    static EntityIndex of(Graph graph) {
        EntityIndex index = new EntityIndex();
        graph.find(Node.ANY, RDFS.label.asNode(), Node.ANY).forEachRemaining(t -> {
            Kind kind = kind(t.getSubject());
            if (kind != null && t.getObject().isLiteral()) {
                Entity entity = new Entity(t.getSubject().getURI(), t.getObject().getLiteralLexicalForm(), kind);
                index.add(entity.label(), entity);
                graph.find(t.getSubject(), SKOS.altLabel.asNode(), Node.ANY).forEachRemaining(alt -> {
                    if (alt.getObject().isLiteral()) {
                        index.add(alt.getObject().getLiteralLexicalForm(), entity);
                    }
                });
            }
        });
        index.names.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return index;
    }

    static Kind kind(Node node) {
        if (!node.isURI()) {
            return null;
        }
        String iri = node.getURI();
        if (iri.startsWith(TG.BASE + "id/person/")) {
            return Kind.PERSON;
        }
        if (iri.startsWith(TG.BASE + "id/org/")) {
            return Kind.ORGANISATION;
        }
        return iri.startsWith(TG.BASE + "id/place/") ? Kind.PLACE : null;
    }

    private void add(String name, Entity entity) {
        if (byName.putIfAbsent(name, entity) == null) {
            names.add(name);
        }
    }

    /** The entity with exactly this label or alternative label. */
    Optional<Entity> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The one known person whose label ends with this surname, if there is exactly one. */
    Optional<Entity> personBySurname(String surname) {
        List<Entity> found = byName.values().stream().distinct()
                .filter(e -> e.kind() == Kind.PERSON && e.label().endsWith(" " + surname)).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The labels found between {@code from} and {@code to}, longest first, none overlapping another. */
    List<Match> find(String text, int from, int to) {
        List<Match> found = new ArrayList<>();
        boolean[] taken = new boolean[to - from];
        for (String name : names) {
            for (int at = text.indexOf(name, from); at >= 0 && at + name.length() <= to; at = text.indexOf(name, at + 1)) {
                int end = at + name.length();
                if (!boundary(text, at - 1) || !boundary(text, end, name)) {
                    continue;
                }
                boolean free = true;
                for (int i = at; i < end; i++) {
                    free &= !taken[i - from];
                }
                if (free) {
                    for (int i = at; i < end; i++) {
                        taken[i - from] = true;
                    }
                    found.add(new Match(byName.get(name), at, end));
                }
            }
        }
        found.sort(Comparator.comparingInt(Match::start));
        return found;
    }

    private static boolean boundary(String text, int i) {
        return i < 0 || i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
    }

    /** After a name: not a letter or digit; after a name ending in a full stop ("U.S."), anything. */
    private static boolean boundary(String text, int i, String name) {
        return name.endsWith(".") || boundary(text, i);
    }

    static String slug(String name) {
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[’'.]", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
