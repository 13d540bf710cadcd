package org.tariffgraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.atlas.io.IO;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDFS;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.tariffgraph.vocab.TG;

/**
 * Full-text search over the words of the graph, with Apache Jena's text index (Lucene):
 * labels ({@code rdfs:label}), the words of statements ({@code tg:verbatim}) and the exact
 * words of evidence ({@code oa:exact}), searched in SPARQL with {@code text:query}:
 *
 * <pre>
 * PREFIX text: &lt;http://jena.apache.org/text#&gt;
 * SELECT ?statement ?score WHERE { (?statement ?score) text:query (tg:verbatim "security") }
 * </pre>
 *
 * <p>The index is built from the data when the dataset is opened over it, and kept in step
 * with every change made through the dataset this returns: an added triple of these
 * properties is indexed, a deleted one removed, in the same transaction. Beside a persistent
 * store it is kept on disk; since the index and the store commit one after the other, a
 * marker file lives beside the index while a write is under way, and an index found with the
 * marker (the process died mid-commit) is built again from the store when it is next opened.
 */
public final class TextSearch {

    /** The folder of the index beside a store's data. */
    public static final String INDEX_FOLDER = "text-index";
    /** There while a write transaction is under way: the index may not agree with the store. */
    static final String WRITING_MARKER = "text-index.writing";

    /** A searchable property and the index field that holds it. */
    private record Field(String name, Node property) {}

    /** The searchable properties; the first is the field searched when a query names none. */
    private static final List<Field> FIELDS = List.of(
            new Field("label", RDFS.label.asNode()),
            new Field("verbatim", TG.verbatim),
            new Field("exact", OA.exact.asNode()));

    private TextSearch() {}

    /** {@code base} with a text index in memory, built from what it holds now. */
    public static DatasetGraph inMemory(DatasetGraph base) {
        TextIndex index = TextDatasetFactory.createLuceneIndex(new ByteBuffersDirectory(), config());
        build(base, index);
        return TextDatasetFactory.create(base, index, true);
    }

    /**
     * {@code store} with its text index in {@code storeDir/text-index}, built from the store
     * when {@code rebuild} is asked for, when there is none, or when a write was cut off.
     */
    public static DatasetGraph beside(DatasetGraph store, Path storeDir, boolean rebuild) {
        Path folder = storeDir.resolve(INDEX_FOLDER);
        Path marker = storeDir.resolve(WRITING_MARKER);
        boolean build = rebuild || Files.exists(marker) || !Files.isDirectory(folder);
        try {
            if (build) {
                Files.writeString(marker, "the text index is being built\n");
                if (Files.exists(folder)) {
                    IO.deleteAll(folder);
                }
            }
            Directory directory = FSDirectory.open(folder);
            TextIndex index = TextDatasetFactory.createLuceneIndex(directory, config());
            if (build) {
                build(store, index);
                Files.deleteIfExists(marker);
            }
            return new MarkedWrites(TextDatasetFactory.create(store, index, true), marker);
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot open the text index: " + e.getMessage(), e);
        }
    }

    /** Whether a write to the index beside {@code storeDir} was cut off, so that it is built again when next opened. */
    static boolean interrupted(Path storeDir) {
        return Files.exists(storeDir.resolve(WRITING_MARKER));
    }

    private static TextIndexConfig config() {
        Field primary = FIELDS.get(0);
        EntityDefinition definition = new EntityDefinition("uri", primary.name(), primary.property());
        for (Field field : FIELDS.subList(1, FIELDS.size())) {
            definition.set(field.name(), field.property());
        }
        // A field of document ids, so that a deleted triple's document can be removed.
        definition.setUidField("uid");
        return new TextIndexConfig(definition);
    }

    /** Indexes every triple of the searchable properties that {@code dataset} holds, and commits. */
    private static void build(DatasetGraph dataset, TextIndex index) {
        EntityDefinition definition = index.getDocDef();
        Txn.executeRead(dataset, () -> {
            for (Field field : FIELDS) {
                dataset.find(Node.ANY, Node.ANY, field.property(), Node.ANY).forEachRemaining(quad -> {
                    if (quad.getObject().isLiteral()) {
                        Entity entity = TextQueryFuncs.entityFromQuad(definition, quad);
                        if (entity != null) {
                            index.addEntity(entity);
                        }
                    }
                });
            }
        });
        index.commit();
    }

    /**
     * Marks the index as possibly behind the store while a write transaction is open: the
     * marker is written when it begins and removed when it has ended, committed or not.
     */
    private static final class MarkedWrites extends DatasetGraphWrapper {
        private final Path marker;
        private final ThreadLocal<Boolean> writing = ThreadLocal.withInitial(() -> false);

        MarkedWrites(DatasetGraph text, Path marker) {
            super(text);
            this.marker = marker;
        }

        @Override
        public void begin(TxnType type) {
            if (type == TxnType.WRITE) {
                mark();
            }
            super.begin(type);
        }

        @Override
        public void begin(ReadWrite mode) {
            if (mode == ReadWrite.WRITE) {
                mark();
            }
            super.begin(mode);
        }

        @Override
        public boolean promote(Promote mode) {
            mark();
            return super.promote(mode);
        }

        @Override
        public void commit() {
            super.commit();
            unmark();
        }

        @Override
        public void abort() {
            super.abort();
            unmark();
        }

        @Override
        public void end() {
            super.end();
            unmark();
        }

        private void mark() {
            try {
                Files.writeString(marker, "a write transaction is under way\n");
            } catch (IOException e) {
                throw new UncheckedIOException(marker + ": cannot mark the text index: " + e.getMessage(), e);
            }
            writing.set(true);
        }

        private void unmark() {
            if (writing.get()) {
                writing.set(false);
                try {
                    Files.deleteIfExists(marker);
                } catch (IOException e) {
                    throw new UncheckedIOException(marker + ": cannot unmark the text index: " + e.getMessage(), e);
                }
            }
        }
    }
}
