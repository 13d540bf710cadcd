package org.tariffgraph.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.system.Txn;
import org.tariffgraph.load.LoadException;

/**
 * Runs violation queries: SPARQL SELECT queries that must return no rows. Each row is a
 * problem, reported with the query's name and the row's values.
 */
public final class ViolationChecks {

    /** A named violation query. */
    public record Check(String name, Query query) {}

    private final List<Check> checks;

    private ViolationChecks(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Reads every {@code *.rq} file of a folder; the file name without extension is the check's name. */
    public static ViolationChecks fromFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new LoadException(folder + ": no such folder of checks");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Check> checks = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".rq")).sorted().collect(Collectors.toList())) {
                checks.add(new Check(file.getFileName().toString().replaceFirst("\\.rq$", ""), parse(file)));
            }
            return new ViolationChecks(checks);
        } catch (IOException e) {
            throw new LoadException(folder + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Query parse(Path file) {
        try {
            Query query = QueryFactory.create(Files.readString(file, StandardCharsets.UTF_8));
            if (!query.isSelectType()) {
                throw new LoadException(file + ": a violation query must be a SELECT query");
            }
            return query;
        } catch (QueryParseException e) {
            throw new LoadException(file + ": not valid SPARQL: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new LoadException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public List<Check> checks() {
        return checks;
    }

    /** Runs every check over a dataset whose default graph is the union of its named graphs. */
    public Report run(DatasetGraph dataset) {
        List<Problem> problems = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Txn.executeRead(dataset, () -> {
            for (Check check : checks) {
                names.add(check.name());
                try (QueryExec exec = QueryExec.dataset(dataset).query(check.query()).build()) {
                    RowSet rows = exec.select();
                    while (rows.hasNext()) {
                        problems.add(toProblem(check, rows.next()));
                    }
                }
            }
        });
        return new Report(names, problems);
    }

    private static Problem toProblem(Check check, Binding row) {
        List<Var> vars = check.query().getProjectVars();
        Node first = vars.isEmpty() ? null : row.get(vars.get(0));
        StringBuilder text = new StringBuilder();
        for (Var var : vars.subList(Math.min(1, vars.size()), vars.size())) {
            Node value = row.get(var);
            if (value != null) {
                text.append(text.length() == 0 ? "" : ", ")
                    .append(var.getVarName()).append('=').append(FmtUtils.stringForNode(value));
            }
        }
        return new Problem(check.name(), ShapeCheck.nodeText(first), text.length() == 0 ? "violation" : text.toString());
    }
}
