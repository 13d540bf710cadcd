package org.tariffgraph.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.tariffgraph.vocab.TG;

/**
 * Reads the ontology and the data folders into one dataset, each data file into the named
 * graphs it declares.
 *
 * <p>Data files are TriG, so that every triple says which graph it belongs to: a triple in
 * a file's default graph, a graph declared by two files, or a file that does not parse is
 * refused with the file, line and column. Nothing is half-loaded: the files are read one at
 * a time into one write transaction, which is abandoned when a file is refused.
 */
public final class GraphLoader {

    private GraphLoader() {}

    /**
     * Loads the ontology file into {@link TG#ontologyGraph} and every {@code .trig} file
     * under the data folders into its named graphs.
     *
     * @return a transactional in-memory dataset; its default graph is empty
     * @throws LoadException if a file is missing, does not parse or breaks the layout rules
     */
    public static DatasetGraph load(Path ontologyFile, List<Path> dataDirs) {
        DatasetGraph store = DatasetGraphFactory.createTxnMem();
        loadInto(store, ontologyFile, dataDirs, false, () -> { });
        return store;
    }

    /**
     * Writes the ontology and every data file into {@code store} in one write transaction,
     * reading the files one at a time as it writes them: if a file is refused, or the
     * process dies before the transaction commits, the store is left as it was. The
     * ontology and the list of files are checked before the transaction begins.
     *
     * @param replace whether to remove everything the store holds first, in the same transaction
     * @param beforeWrite run just before the write transaction begins
     * @return the number of quads written
     * @throws LoadException if a file is missing, does not parse or breaks the layout rules;
     *     the store is then not changed
     */
    public static long loadInto(DatasetGraph store, Path ontologyFile, List<Path> dataDirs, boolean replace, Runnable beforeWrite) {
        Graph ontology = parseTurtle(ontologyFile);
        List<Path> files = dataFiles(dataDirs);
        beforeWrite.run();
        return Txn.calculateWrite(store, () -> {
            if (replace) {
                store.clear();
                store.prefixes().clear();
            }
            PrefixMap prefixes = PrefixMapFactory.create(ontology.getPrefixMapping());
            ontology.find().forEachRemaining(t -> store.add(TG.ontologyGraph, t.getSubject(), t.getPredicate(), t.getObject()));
            long quads = ontology.size() + stream(files, prefixes, store::add);
            store.prefixes().putAll(prefixes);
            return quads;
        });
    }

    /**
     * Parses the data files one after the other and hands each of their quads to
     * {@code sink}, checking the layout rules as it goes: no triple outside a named graph, no
     * graph declared by two files, none named as the ontology's graph. The files' prefixes
     * are added to {@code prefixes} where it has none of that name.
     *
     * @return the number of quads handed over
     * @throws LoadException at the first file that does not parse or breaks a rule; the
     *     quads of the files before it, and some of its own, have been handed over
     */
    static long stream(List<Path> files, PrefixMap prefixes, Consumer<Quad> sink) {
        Map<Node, Path> graphOrigins = new HashMap<>();
        long[] quads = {0};
        for (Path file : files) {
            requireFile(file);
            Set<Node> declared = new HashSet<>();
            long[] loose = {0};
            StreamRDF checked = new StreamRDFBase() {
                @Override
                public void triple(Triple triple) {
                    loose[0]++;
                }

                @Override
                public void quad(Quad quad) {
                    if (quad.isDefaultGraph()) {
                        loose[0]++;
                        return;
                    }
                    Node name = quad.getGraph();
                    if (declared.add(name)) {
                        if (name.equals(TG.ontologyGraph)) {
                            throw new LoadException(file + ": graph <" + name.getURI() + "> is reserved for the ontology");
                        }
                        Path earlier = graphOrigins.putIfAbsent(name, file);
                        if (earlier != null) {
                            throw new LoadException(file + ": graph <" + name.getURI() + "> is already declared in " + earlier);
                        }
                    }
                    sink.accept(quad);
                    quads[0]++;
                }

                @Override
                public void prefix(String prefix, String iri) {
                    if (!prefixes.containsPrefix(prefix)) {
                        prefixes.add(prefix, iri);
                    }
                }
            };
            parse(file, Lang.TRIG, () -> RDFParser.source(file).lang(Lang.TRIG).errorHandler(STRICT).parse(checked));
            if (loose[0] > 0) {
                throw new LoadException(file + ": " + loose[0]
                        + " triple(s) outside any GRAPH block; every triple of a data file must be in a named graph");
            }
        }
        return quads[0];
    }

    /** The {@code .trig} files under the given folders, in a stable order. */
    static List<Path> dataFiles(List<Path> dataDirs) {
        List<Path> files = new ArrayList<>();
        for (Path dir : dataDirs) {
            if (!Files.isDirectory(dir)) {
                throw new LoadException(dir + ": no such data folder");
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile).sorted().forEach(file -> {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.endsWith(".trig")) {
                        files.add(file);
                    } else if (isOtherRdf(name)) {
                        throw new LoadException(file + ": data files must be TriG (.trig), so that each names its graph");
                    }
                });
            } catch (IOException e) {
                throw new LoadException(dir + ": cannot read folder: " + e.getMessage(), e);
            }
        }
        return files;
    }

    private static boolean isOtherRdf(String name) {
        return Stream.of(".ttl", ".nt", ".nq", ".rdf", ".owl", ".jsonld", ".n3")
                .anyMatch(name::endsWith);
    }

    /** Parses one Turtle file into a new graph. */
    public static Graph parseTurtle(Path file) {
        requireFile(file);
        Graph graph = GraphFactory.createDefaultGraph();
        parse(file, Lang.TURTLE, () -> RDFParser.source(file).lang(Lang.TURTLE)
                .errorHandler(STRICT).parse(graph));
        return graph;
    }

    /**
     * Parses one TriG file into a new dataset that keeps the file's prefixes; warnings are
     * errors, as in {@link #load}.
     *
     * @throws LoadException if the file is missing or does not parse, with its line and column
     */
    public static DatasetGraph parseTrig(Path file) {
        requireFile(file);
        DatasetGraph dsg = DatasetGraphFactory.create();
        parse(file, Lang.TRIG, () -> RDFParser.source(file).lang(Lang.TRIG)
                .errorHandler(STRICT).parse(dsg));
        return dsg;
    }

    private static void parse(Path file, Lang lang, Runnable action) {
        try {
            action.run();
        } catch (RiotException e) {
            throw new LoadException(file + ": not valid " + lang.getLabel() + ": " + e.getMessage(), e);
        }
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LoadException(file + ": no such file");
        }
    }

    /** Turns warnings into errors too: a dubious IRI in the data is a bug, not a note. */
    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(String message, long line, long col) {
            throw new RiotException(position(line, col) + message);
        }

        @Override
        public void error(String message, long line, long col) {
            throw new RiotException(position(line, col) + message);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new RiotException(position(line, col) + message);
        }

        private String position(long line, long col) {
            return line > 0 ? "line " + line + ", column " + col + ": " : "";
        }
    };
}
