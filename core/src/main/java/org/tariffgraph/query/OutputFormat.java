package org.tariffgraph.query;

import java.util.Arrays;
import java.util.Locale;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * The formats a query result can be written in: result formats for SELECT and ASK, RDF
 * formats for CONSTRUCT and DESCRIBE. Every format is written by Jena's own writers.
 */
public enum OutputFormat {
    /** An aligned text table, for reading in a terminal. */
    TABLE(ResultSetLang.RS_Text, null, null),
    CSV(ResultSetLang.RS_CSV, null, null),
    TSV(ResultSetLang.RS_TSV, null, null),
    JSON(ResultSetLang.RS_JSON, null, null),
    XML(ResultSetLang.RS_XML, null, null),
    TURTLE(null, RDFFormat.TURTLE_PRETTY, null),
    NTRIPLES(null, RDFFormat.NTRIPLES, null),
    JSONLD(null, RDFFormat.JSONLD, RDFFormat.JSONLD),
    RDFXML(null, RDFFormat.RDFXML, null),
    /** For named graphs, from a CONSTRUCT with GRAPH templates. */
    TRIG(null, null, RDFFormat.TRIG_BLOCKS),
    NQUADS(null, null, RDFFormat.NQUADS);

    private final Lang resultLang;
    private final RDFFormat rdfFormat;
    private final RDFFormat datasetFormat;

    OutputFormat(Lang resultLang, RDFFormat rdfFormat, RDFFormat datasetFormat) {
        this.resultLang = resultLang;
        this.rdfFormat = rdfFormat;
        this.datasetFormat = datasetFormat;
    }

    /** The format for named graphs, or null when the format holds one graph only. */
    public RDFFormat datasetFormat() {
        return datasetFormat;
    }

    public boolean holdsDatasets() {
        return datasetFormat != null;
    }

    /** The result-set language, or null for an RDF format. */
    public Lang resultLang() {
        return resultLang;
    }

    /** The RDF format, or null for a result-set format. */
    public RDFFormat rdfFormat() {
        return rdfFormat;
    }

    public boolean forResults() {
        return resultLang != null;
    }

    /**
     * The result-set language of a format for rows or a boolean.
     *
     * @param kind the kind of query, for the message, such as "a SELECT"
     * @throws IllegalArgumentException if the format is an RDF format
     */
    static org.apache.jena.riot.Lang requireResults(OutputFormat format, String kind) {
        if (!format.forResults()) {
            throw new IllegalArgumentException(kind + " answer is a table: use table, csv, tsv, json or xml, not " + format);
        }
        return format.resultLang;
    }

    /** Parses a name such as {@code csv} or {@code json-ld}, case-insensitively. */
    public static OutputFormat parse(String name) {
        String key = name.toUpperCase(Locale.ROOT).replace("-", "");
        return Arrays.stream(values()).filter(f -> f.name().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + name + "'; use one of "
                        + Arrays.toString(values()).toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
