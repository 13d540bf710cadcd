package org.tariffgraph.query;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * The complete answer to a query, held in memory: one of {@link Rows} for SELECT,
 * {@link Ask} for ASK, {@link Triples} for CONSTRUCT and DESCRIBE, {@link Quads} for a
 * CONSTRUCT with GRAPH templates, and {@link JsonItems} for a JSON query. Complete means a
 * time-out is an error, never a shortened answer.
 *
 * <pre>{@code
 * if (graph.query(text) instanceof QueryResult.Rows rows) {
 *     rows.rowMaps().forEach(System.out::println);
 * }
 * }</pre>
 */
public sealed interface QueryResult permits QueryResult.Rows, QueryResult.Ask, QueryResult.Triples, QueryResult.Quads, QueryResult.JsonItems {

    /**
     * Writes the answer in a format that fits it; {@link OutputFormat#TABLE} means the
     * natural format of each kind (a text table, Turtle, TriG, a JSON array).
     *
     * @throws IllegalArgumentException if the format does not fit the kind of answer
     */
    void write(OutputStream out, OutputFormat format);

    /** The rows of a SELECT query, with its variables in order. */
    record Rows(List<Var> variables, List<Binding> bindings) implements QueryResult {

        public Rows {
            variables = List.copyOf(variables);
            bindings = List.copyOf(bindings);
        }

        /** The variable names, in order. */
        public List<String> vars() {
            return variables.stream().map(Var::getVarName).toList();
        }

        /** Each row as variable name to value, in the order of the variables; unbound variables left out. */
        public List<Map<String, Node>> rowMaps() {
            return bindings.stream().map(this::rowMap).toList();
        }

        private Map<String, Node> rowMap(Binding binding) {
            Map<String, Node> row = new LinkedHashMap<>();
            variables.stream().filter(binding::contains).forEach(v -> row.put(v.getVarName(), binding.get(v)));
            return row;
        }

        public int size() {
            return bindings.size();
        }

        /** A fresh row set over the rows, for Jena's result writers and comparisons. */
        public RowSet rowSet() {
            return RowSetStream.create(variables, bindings.iterator());
        }

        @Override
        public void write(OutputStream out, OutputFormat format) {
            ResultsWriter.create().lang(OutputFormat.requireResults(format, "a SELECT")).write(out, rowSet());
        }
    }

    /** The answer to an ASK query. */
    record Ask(boolean value) implements QueryResult {
        @Override
        public void write(OutputStream out, OutputFormat format) {
            ResultsWriter.create().lang(OutputFormat.requireResults(format, "an ASK")).write(out, value);
        }
    }

    /** The graph a CONSTRUCT or DESCRIBE query builds. */
    record Triples(Graph graph) implements QueryResult {
        @Override
        public void write(OutputStream out, OutputFormat format) {
            OutputFormat chosen = format == OutputFormat.TABLE ? OutputFormat.TURTLE : format;
            if (chosen.rdfFormat() == null) {
                throw new IllegalArgumentException("a CONSTRUCT or DESCRIBE answer is RDF: use turtle, ntriples, jsonld or rdfxml, not " + format);
            }
            RDFDataMgr.write(out, graph, chosen.rdfFormat());
        }
    }

    /** The named graphs a CONSTRUCT with GRAPH templates builds. */
    record Quads(DatasetGraph dataset) implements QueryResult {
        @Override
        public void write(OutputStream out, OutputFormat format) {
            OutputFormat chosen = format == OutputFormat.TABLE ? OutputFormat.TRIG : format;
            if (!chosen.holdsDatasets()) {
                throw new IllegalArgumentException("a CONSTRUCT with GRAPH templates gives named graphs: use trig, nquads or jsonld, not " + format);
            }
            RDFDataMgr.write(out, dataset, chosen.datasetFormat());
        }
    }

    /** The objects a JSON query builds, in order. */
    record JsonItems(List<JsonObject> items) implements QueryResult {

        public JsonItems {
            items = List.copyOf(items);
        }

        @Override
        public void write(OutputStream out, OutputFormat format) {
            if (format != OutputFormat.TABLE && format != OutputFormat.JSON) {
                throw new IllegalArgumentException("a JSON query gives JSON: use json, not " + format);
            }
            JsonArray array = new JsonArray();
            array.addAll(items);
            JSON.write(out, array);
        }
    }
}
