package org.tariffgraph.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.constraint.ShNode;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.util.FmtUtils;
import org.tariffgraph.load.GraphLoader;

/** Validates a graph against the SHACL shapes; each result names the node, the path and the constraint. */
public final class ShapeCheck {

    static final String NAME = "shapes";

    private final Shapes shapes;
    private final PrefixMapping prefixes;

    private ShapeCheck(Graph shapesGraph) {
        this.shapes = Shapes.parse(shapesGraph);
        this.prefixes = shapesGraph.getPrefixMapping();
    }

    /** Reads the shapes from a Turtle file. */
    public static ShapeCheck fromFile(Path shapesFile) {
        return new ShapeCheck(GraphLoader.parseTurtle(shapesFile));
    }

    /**
     * Validates {@code data}, which should include the ontology so that {@code sh:class}
     * follows {@code rdfs:subClassOf}.
     */
    public Report validate(Graph data) {
        List<Problem> problems = new ArrayList<>();
        for (ReportEntry entry : ShaclValidator.get().validate(shapes, data).getEntries()) {
            if (entry.severity() != Severity.Violation) {
                continue;
            }
            problems.add(new Problem(NAME, nodeText(entry.focusNode()), describe(entry)));
        }
        return Report.of(NAME, problems);
    }

    /**
     * The entry's message; when a nested shape failed (sh:node), that shape's own
     * sh:message, which says more than the generic one.
     */
    private String describe(ReportEntry entry) {
        String message = entry.message();
        if (entry.constraint() instanceof ShNode nested && !nested.getOther().getMessages().isEmpty()) {
            message = nested.getOther().getMessages().iterator().next().getLiteralLexicalForm()
                    + " (shape " + shortForm(nested.getOther().getShapeNode()) + ")";
        }
        StringBuilder text = new StringBuilder(message);
        text.append(" (constraint ").append(shortForm(entry.sourceConstraintComponent()));
        if (entry.resultPath() != null) {
            text.append(", path ").append(entry.resultPath().toString(new org.apache.jena.sparql.core.Prologue(prefixes)));
        }
        if (entry.value() != null && !entry.value().equals(entry.focusNode())) {
            text.append(", value ").append(FmtUtils.stringForNode(entry.value(), prefixes));
        }
        return text.append(')').toString();
    }

    private String shortForm(Node node) {
        return node == null ? "?" : FmtUtils.stringForNode(node, prefixes);
    }

    static String nodeText(Node node) {
        if (node == null) {
            return "";
        }
        return node.isURI() ? node.getURI() : node.toString();
    }
}
