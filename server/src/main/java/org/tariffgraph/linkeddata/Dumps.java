package org.tariffgraph.linkeddata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.tariffgraph.text.SourceText;

/**
 * Downloadable dumps of the served dataset: every named graph, as gzipped TriG and
 * N-Quads, with their SHA-256 checksums. They are made from the same dataset the endpoint
 * queries, so a dump holds exactly what the endpoint serves.
 */
final class Dumps {

    /** One dump file. */
    record Dump(String fileName, String mediaType, byte[] gzipped, String sha256) {}

    static final String TRIG = "tariffgraph.trig.gz";
    static final String NQUADS = "tariffgraph.nq.gz";
    static final String CHECKSUMS = "SHA256SUMS";

    private final Map<String, Dump> dumps;

    private Dumps(Map<String, Dump> dumps) {
        this.dumps = dumps;
    }

    /** Makes the dumps of the named graphs of {@code dataset}. */
    static Dumps of(DatasetGraph dataset) {
        DatasetGraph named = Txn.calculateRead(dataset, () -> {
            DatasetGraph copy = DatasetGraphFactory.create();
            copy.prefixes().putAll(dataset.prefixes());
            dataset.listGraphNodes().forEachRemaining(g -> dataset.getGraph(g).find().forEachRemaining(t -> copy.add(g, t.getSubject(), t.getPredicate(), t.getObject())));
            return copy;
        });
        Map<String, Dump> dumps = new LinkedHashMap<>();
        dumps.put(TRIG, dump(TRIG, "application/trig", named, RDFFormat.TRIG_BLOCKS));
        dumps.put(NQUADS, dump(NQUADS, "application/n-quads", named, RDFFormat.NQUADS));
        return new Dumps(dumps);
    }

    private static Dump dump(String fileName, String mediaType, DatasetGraph dataset, RDFFormat format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            RDFWriter.source(dataset).format(format).output(gzip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] gzipped = bytes.toByteArray();
        return new Dump(fileName, mediaType, gzipped, SourceText.sha256(gzipped));
    }

    Map<String, Dump> dumps() {
        return dumps;
    }

    /** The checksum file, in the format {@code sha256sum --check} reads. */
    String checksums() {
        StringBuilder out = new StringBuilder();
        dumps.values().forEach(d -> out.append(d.sha256()).append("  ").append(d.fileName()).append('\n'));
        return out.toString();
    }

}
