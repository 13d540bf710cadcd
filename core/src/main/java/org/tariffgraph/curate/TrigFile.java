package org.tariffgraph.curate;

import java.io.OutputStream;
import java.nio.file.Path;

import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.tariffgraph.load.GraphLoader;

/**
 * A draft (or any article) as a TriG file: its dataset, which curation changes, and its
 * prefixes, with which a review file may write IRIs and with which the dataset is written
 * back.
 *
 * <p>Writing keeps the triples and the prefixes, grouped by subject, but not the file's
 * comments, its layout or its order: Jena's TriG writer has no way to keep them. A
 * command that writes over a file a curator has edited by hand should say so.
 *
 * <pre>{@code
 * TrigFile draft = TrigFile.read(Path.of("data/articles/coinwire-daily.trig"));
 * Anchor.withSources(Path.of("../shared/sources")).anchor(draft.dataset());
 * try (OutputStream out = Files.newOutputStream(Path.of("data/articles/coinwire-daily.trig"))) {
 *     draft.write(out);
 * }
 * }</pre>
 */
public final class TrigFile {

    private final DatasetGraph dataset;

    private TrigFile(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /**
     * Reads a TriG file; warnings of the parser, such as a malformed IRI, are errors.
     *
     * @throws org.tariffgraph.load.LoadException if the file is missing or is not valid TriG, with the line and column
     */
    public static TrigFile read(Path file) {
        return new TrigFile(GraphLoader.parseTrig(file));
    }

    /** The triples of the file, by named graph; curation changes them in place. */
    public DatasetGraph dataset() {
        return dataset;
    }

    /** The prefixes the file declares. */
    public PrefixMap prefixes() {
        return dataset.prefixes();
    }

    /**
     * Writes the dataset as TriG with the file's prefixes, grouped by subject. Comments of the
     * file read are not written: the writer only knows the triples.
     */
    public void write(OutputStream out) {
        Txn.executeRead(dataset, () -> RDFWriter.source(dataset).format(RDFFormat.TRIG_PRETTY).output(out));
    }
}
