package org.tariffgraph.export;

import java.io.OutputStream;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.tariffgraph.query.QueryGuard;
import org.tariffgraph.vocab.TG;

/**
 * Writes the stored named graphs, all together or one at a time, with Jena's writers.
 * The union default graph of the served view is never written: it holds no triple of its
 * own.
 */
public final class Exporter {

    /** The formats that hold a whole dataset. */
    public enum DatasetFormat {
        TRIG(RDFFormat.TRIG_BLOCKS), NQUADS(RDFFormat.NQUADS);

        final RDFFormat format;

        DatasetFormat(RDFFormat format) {
            this.format = format;
        }
    }

    /** The formats that hold one graph; JSON-LD is compacted with the ontology's context, as the linked data is. */
    public enum GraphFormat {
        TURTLE(RDFFormat.TURTLE_BLOCKS), NTRIPLES(RDFFormat.NTRIPLES), JSONLD(null);

        final RDFFormat format;

        GraphFormat(RDFFormat format) {
            this.format = format;
        }
    }

    private final DatasetGraph store;

    /** @param store a dataset whose named graphs are the data, such as the one the loader builds */
    public Exporter(DatasetGraph store) {
        this.store = store;
    }

    public void writeDataset(OutputStream out, DatasetFormat format) {
        Txn.executeRead(store, () -> RDFWriter.source(store).format(format.format).output(out));
    }

    /**
     * Writes one named graph, with the dataset's prefixes.
     *
     * @throws IllegalArgumentException if there is no graph of that name; the message lists the graphs
     */
    public void writeGraph(OutputStream out, String graphIri, GraphFormat format) {
        Node name = NodeFactory.createURI(graphIri);
        Txn.executeRead(store, () -> {
            if (!store.containsGraph(name)) {
                throw new IllegalArgumentException("no graph <" + graphIri + ">; the graphs are " + graphNames());
            }
            if (format == GraphFormat.JSONLD) {
                JsonLd.fromOntology(store.getGraph(TG.ontologyGraph), store.prefixes()).write(store.getGraph(name), out);
            } else {
                // A named graph of the store shares the dataset's prefixes.
                RDFWriter.source(store.getGraph(name)).format(format.format).output(out);
            }
        });
    }

    /** The names of the stored graphs, sorted. */
    public List<String> graphNames() {
        return List.copyOf(QueryGuard.graphNames(store));
    }
}
