package org.tariffgraph.linkeddata;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * Downloadable dumps of the served dataset: every named graph, as gzipped TriG and
 * N-Quads, with their SHA-256 checksums. They are written from the same dataset the endpoint
 * queries, in one read transaction, so a dump holds exactly what the endpoint serves.
 *
 * <p>They are streamed to files, one pass over the data for both, with the checksums taken
 * as the bytes are written: a dump of millions of quads costs disk, not heap.
 */
final class Dumps {

    /** One dump file. */
    record Dump(String fileName, String mediaType, Path file, long size, String sha256) {}

    static final String TRIG = "tariffgraph.trig.gz";
    static final String NQUADS = "tariffgraph.nq.gz";
    static final String CHECKSUMS = "SHA256SUMS";

    private final Map<String, Dump> dumps;

    private Dumps(Map<String, Dump> dumps) {
        this.dumps = dumps;
    }

    /** Writes the dumps of the named graphs of {@code dataset} into new files in {@code folder}. */
    static Dumps of(DatasetGraph dataset, Path folder) {
        try {
            Path trig = Files.createTempFile(folder, "trig-", ".gz");
            Path nquads = Files.createTempFile(folder, "nq-", ".gz");
            trig.toFile().deleteOnExit();
            nquads.toFile().deleteOnExit();
            MessageDigest trigDigest = sha256();
            MessageDigest nquadsDigest = sha256();
            try (OutputStream trigOut = gzipped(trig, trigDigest); OutputStream nquadsOut = gzipped(nquads, nquadsDigest)) {
                StreamRDF trigStream = StreamRDFWriter.getWriterStream(trigOut, RDFFormat.TRIG_BLOCKS);
                StreamRDF nquadsStream = StreamRDFWriter.getWriterStream(nquadsOut, RDFFormat.NQUADS);
                trigStream.start();
                nquadsStream.start();
                Txn.executeRead(dataset, () -> {
                    dataset.prefixes().forEach(trigStream::prefix);
                    List<Node> graphs = new ArrayList<>();
                    dataset.listGraphNodes().forEachRemaining(graphs::add);
                    graphs.sort((a, b) -> a.getURI().compareTo(b.getURI()));
                    for (Node g : graphs) {
                        dataset.getGraph(g).find().forEachRemaining(t -> {
                            Quad quad = Quad.create(g, t);
                            trigStream.quad(quad);
                            nquadsStream.quad(quad);
                        });
                    }
                });
                trigStream.finish();
                nquadsStream.finish();
            }
            Map<String, Dump> dumps = new LinkedHashMap<>();
            dumps.put(TRIG, new Dump(TRIG, "application/trig", trig, Files.size(trig), HexFormat.of().formatHex(trigDigest.digest())));
            dumps.put(NQUADS, new Dump(NQUADS, "application/n-quads", nquads, Files.size(nquads), HexFormat.of().formatHex(nquadsDigest.digest())));
            return new Dumps(dumps);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dumps into " + folder + ": " + e.getMessage(), e);
        }
    }

    private static OutputStream gzipped(Path file, MessageDigest digest) throws IOException {
        return new GZIPOutputStream(new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), digest), 1 << 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    Map<String, Dump> dumps() {
        return dumps;
    }

    /** Removes the files, once newer dumps replace these. */
    void delete() {
        for (Dump dump : dumps.values()) {
            try {
                Files.deleteIfExists(dump.file());
            } catch (IOException e) {
                // A file left behind is removed when the server stops.
            }
        }
    }

    /** The checksum file, in the format {@code sha256sum --check} reads. */
    String checksums() {
        StringBuilder out = new StringBuilder();
        dumps.values().forEach(d -> out.append(d.sha256()).append("  ").append(d.fileName()).append('\n'));
        return out.toString();
    }
}
