package org.tariffgraph.query;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultsWriter;

/**
 * The complete answer to a query, held in memory: rows for SELECT, a boolean for ASK, a
 * graph for CONSTRUCT and DESCRIBE, named graphs for a CONSTRUCT with GRAPH templates, JSON
 * objects for a JSON query. Complete means a time-out is an error, never a shortened answer.
 */
public final class QueryResult {

    private final List<Var> vars;
    private final List<Binding> rows;
    private final Boolean bool;
    private final Graph graph;
    private final DatasetGraph dataset;
    private final List<JsonObject> json;

    private QueryResult(List<Var> vars, List<Binding> rows, Boolean bool, Graph graph, DatasetGraph dataset, List<JsonObject> json) {
        this.vars = vars;
        this.rows = rows;
        this.bool = bool;
        this.graph = graph;
        this.dataset = dataset;
        this.json = json;
    }

    static QueryResult rows(List<Var> vars, List<Binding> rows) {
        return new QueryResult(List.copyOf(vars), List.copyOf(rows), null, null, null, null);
    }

    static QueryResult bool(boolean value) {
        return new QueryResult(null, null, value, null, null, null);
    }

    static QueryResult graph(Graph graph) {
        return new QueryResult(null, null, null, graph, null, null);
    }

    /** The answer to a CONSTRUCT whose template has GRAPH blocks. */
    static QueryResult dataset(DatasetGraph dataset) {
        return new QueryResult(null, null, null, null, dataset, null);
    }

    /** The answer to a JSON query. */
    static QueryResult json(List<JsonObject> items) {
        return new QueryResult(null, null, null, null, null, List.copyOf(items));
    }

    public boolean isJson() {
        return json != null;
    }

    /** The objects of a JSON query's answer, in order. */
    public List<JsonObject> jsonItems() {
        if (json == null) {
            throw new IllegalStateException("not the result of a JSON query");
        }
        return json;
    }

    public boolean isDataset() {
        return dataset != null;
    }

    public DatasetGraph datasetValue() {
        if (dataset == null) {
            throw new IllegalStateException("not the result of a CONSTRUCT with GRAPH templates");
        }
        return dataset;
    }

    public boolean isRows() {
        return rows != null;
    }

    public boolean isBoolean() {
        return bool != null;
    }

    public boolean isGraph() {
        return graph != null;
    }

    /** The variable names of a SELECT result, in order. */
    public List<String> vars() {
        requireRows();
        return vars.stream().map(Var::getVarName).toList();
    }

    public List<Binding> bindings() {
        requireRows();
        return rows;
    }

    /** The rows of a SELECT result, each as variable name to value (unbound variables left out). */
    public List<Map<String, Node>> rowMaps() {
        requireRows();
        return rows.stream().map(b -> vars.stream().filter(b::contains)
                .collect(Collectors.toMap(Var::getVarName, b::get, (a, c) -> a, java.util.LinkedHashMap::new)))
                .map(m -> (Map<String, Node>) m).toList();
    }

    public int size() {
        requireRows();
        return rows.size();
    }

    public boolean booleanValue() {
        if (bool == null) {
            throw new IllegalStateException("not an ASK result");
        }
        return bool;
    }

    public Graph graphValue() {
        if (graph == null) {
            throw new IllegalStateException("not a CONSTRUCT or DESCRIBE result");
        }
        return graph;
    }

    /** A fresh row set over the rows, for Jena's result writers and comparisons. */
    public RowSet rowSet() {
        requireRows();
        return RowSetStream.create(vars, rows.iterator());
    }

    /**
     * Writes the result in a format that fits it.
     *
     * @throws IllegalArgumentException if the format does not fit the kind of result
     */
    public void write(OutputStream out, OutputFormat format) {
        if (isJson()) {
            if (format != OutputFormat.TABLE && format != OutputFormat.JSON) {
                throw new IllegalArgumentException("a JSON query gives JSON: use json, not " + format);
            }
            JsonArray array = new JsonArray();
            array.addAll(json);
            JSON.write(out, array);
            return;
        }
        if (isDataset()) {
            if (format == OutputFormat.TABLE) {
                format = OutputFormat.TRIG;
            }
            if (!format.holdsDatasets()) {
                throw new IllegalArgumentException("a CONSTRUCT with GRAPH templates gives named graphs: use trig, nquads or jsonld, not " + format);
            }
            RDFDataMgr.write(out, dataset, format.datasetFormat());
            return;
        }
        if (isGraph()) {
            if (format == OutputFormat.TABLE) {
                format = OutputFormat.TURTLE;
            }
            if (format.forResults() || format.rdfFormat() == null) {
                throw new IllegalArgumentException("a CONSTRUCT or DESCRIBE result is RDF: use turtle, ntriples, jsonld or rdfxml, not " + format);
            }
            RDFDataMgr.write(out, graph, format.rdfFormat());
            return;
        }
        if (!format.forResults()) {
            throw new IllegalArgumentException("a SELECT or ASK result is a table: use table, csv, tsv, json or xml, not " + format);
        }
        if (isBoolean()) {
            ResultsWriter.create().lang(format.resultLang()).write(out, bool.booleanValue());
        } else {
            ResultsWriter.create().lang(format.resultLang()).write(out, rowSet());
        }
    }

    private void requireRows() {
        if (rows == null) {
            throw new IllegalStateException("not a SELECT result");
        }
    }
}
