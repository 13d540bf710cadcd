package org.tariffgraph;

import java.io.StringReader;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

/**
 * Reads the keys a JSON-LD document actually uses for its nodes, rather than those its
 * context defines: a key the context does not define as a term (a compact IRI such as
 * {@code "tg:verbatim"}, or a full IRI) means compaction fell back from the readable name.
 */
public final class JsonLdKeys {

    private JsonLdKeys() {}

    public static JsonStructure parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.read();
        }
    }

    /** The inline {@code @context} object of a document. */
    public static JsonObject context(JsonStructure document) {
        return document.asJsonObject().getJsonObject("@context");
    }

    /**
     * Every key of every node object in the document, other than JSON-LD keywords, that is
     * not a plain term of its inline context: one that is not defined there, or holds a
     * colon.
     */
    public static Set<String> keysThatAreNoTerm(JsonStructure document) {
        JsonObject context = context(document);
        Set<String> bad = new TreeSet<>();
        collect(document, context, bad);
        return bad;
    }

    /** The number of node objects in the document, to show that it has any. */
    public static int nodeCount(JsonStructure document) {
        int[] n = {0};
        count(document, n);
        return n[0];
    }

    private static void collect(JsonValue value, JsonObject context, Set<String> bad) {
        switch (value.getValueType()) {
            case ARRAY -> value.asJsonArray().forEach(v -> collect(v, context, bad));
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                if (object.containsKey("@value")) {
                    return;
                }
                object.forEach((key, v) -> {
                    if (key.equals("@context")) {
                        return;
                    }
                    if (!key.startsWith("@") && (key.contains(":") || !context.containsKey(key))) {
                        bad.add(key);
                    }
                    collect(v, context, bad);
                });
            }
            default -> { }
        }
    }

    private static void count(JsonValue value, int[] n) {
        switch (value.getValueType()) {
            case ARRAY -> value.asJsonArray().forEach(v -> count(v, n));
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                if (object.containsKey("@value")) {
                    return;
                }
                if (object.keySet().stream().anyMatch(k -> !k.startsWith("@"))) {
                    n[0]++;
                }
                object.forEach((key, v) -> {
                    if (!key.equals("@context")) {
                        count(v, n);
                    }
                });
            }
            default -> { }
        }
    }
}
