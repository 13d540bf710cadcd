package org.tariffgraph.linkeddata;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.tariffgraph.vocab.TG;

/**
 * The dataset describing itself in the vocabularies catalogues and crawlers read: VoID
 * (sizes, vocabularies, endpoint, dumps, the linkset to Wikidata), DCAT (distributions with
 * checksums, the SPARQL service) and the licence; and, for the endpoint, a SPARQL 1.1
 * Service Description.
 */
final class DatasetDescription {

    static final String DATASET = TG.BASE + "dataset";
    static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";

    static final String VOID = "http://rdfs.org/ns/void#";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static final String SPDX = "http://spdx.org/rdf/terms#";
    private static final String FORMATS = "http://www.w3.org/ns/formats/";
    private static final String WIKIDATA = "http://www.wikidata.org/entity/";

    /**
     * Counts of the served data, computed once. The numbers of distinct subjects and objects
     * are -1 when not counted: above {@value #MOST_TRIPLES_FOR_DISTINCT} triples, where the
     * sets of nodes that counting them takes would fill the heap.
     */
    record Counts(long triples, Map<String, Long> triplesPerGraph, long classes, long properties,
                  long distinctSubjects, long distinctObjects, TreeSet<String> vocabularies, long wikidataLinks) {}

    /** The most triples for which the distinct subjects and objects are counted. */
    static final long MOST_TRIPLES_FOR_DISTINCT = 1_000_000;

    private DatasetDescription() {}

    /** Counts the data in one pass over the union graph, keeping sets of classes, properties and vocabularies only. */
    static Counts count(DatasetGraph dataset) {
        return Txn.calculateRead(dataset, () -> {
            Map<String, Long> perGraph = new TreeMap<>();
            long[] total = {0};
            dataset.listGraphNodes().forEachRemaining(g -> {
                long n = dataset.getGraph(g).size();
                perGraph.put(g.getURI(), n);
                total[0] += n;
            });
            boolean distinct = total[0] <= MOST_TRIPLES_FOR_DISTINCT;
            Graph union = dataset.getDefaultGraph();
            var classes = new java.util.HashSet<Node>();
            var properties = new java.util.HashSet<Node>();
            var subjects = new java.util.HashSet<Node>();
            var objects = new java.util.HashSet<Node>();
            var vocabularies = new TreeSet<String>();
            long[] links = {0};
            union.find().forEachRemaining(t -> {
                if (properties.add(t.getPredicate())) {
                    vocabularies.add(namespace(t.getPredicate().getURI()));
                }
                if (distinct) {
                    subjects.add(t.getSubject());
                    objects.add(t.getObject());
                }
                if (t.getPredicate().equals(RDF.type.asNode()) && classes.add(t.getObject()) && t.getObject().isURI()) {
                    vocabularies.add(namespace(t.getObject().getURI()));
                }
                if (isWikidataLink(t)) {
                    links[0]++;
                }
            });
            return new Counts(total[0], perGraph, classes.size(), properties.size(),
                    distinct ? subjects.size() : -1, distinct ? objects.size() : -1, vocabularies, links[0]);
        });
    }

    static boolean isWikidataLink(Triple t) {
        return (t.getPredicate().equals(OWL.sameAs.asNode()) || t.getPredicate().equals(SKOS.exactMatch.asNode()))
                && t.getObject().isURI() && t.getObject().getURI().startsWith(WIKIDATA);
    }

    private static String namespace(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return iri.substring(0, cut + 1);
    }

    /**
     * The VoID and DCAT description of the dataset.
     *
     * @param serverBase where this server is reached, such as {@code http://127.0.0.1:3030}
     */
    static Graph voidAndDcat(Counts counts, Dumps dumps, String serverBase, String sparqlPath) {
        Graph g = GraphFactory.createDefaultGraph();
        prefixes(g);
        Node ds = uri(DATASET);
        add(g, ds, RDF.type, uri(VOID + "Dataset"));
        add(g, ds, RDF.type, uri(DCAT + "Dataset"));
        add(g, ds, DCTerms.title, NodeFactory.createLiteralLang("tariffgraph: trade-policy news as an evidence-anchored knowledge graph", "en"));
        add(g, ds, DCTerms.description, NodeFactory.createLiteralLang(
                "Companies, people, statements, claims, trade policies and events reported by news articles, every fact anchored to the exact words of its source.", "en"));
        add(g, ds, DCTerms.license, uri(LICENSE));
        add(g, ds, DCTerms.rights, NodeFactory.createLiteralLang(
                "The data is licensed under CC BY 4.0. Quotations from source articles remain the work of their publishers and are quoted as evidence.", "en"));
        add(g, ds, DCTerms.publisher, NodeFactory.createLiteralString("tariffgraph maintainers"));
        add(g, ds, uri(VOID + "uriSpace"), NodeFactory.createLiteralString(TG.ID));
        add(g, ds, uri(VOID + "triples"), integer(counts.triples()));
        add(g, ds, uri(VOID + "classes"), integer(counts.classes()));
        add(g, ds, uri(VOID + "properties"), integer(counts.properties()));
        if (counts.distinctSubjects() >= 0) {
            add(g, ds, uri(VOID + "distinctSubjects"), integer(counts.distinctSubjects()));
            add(g, ds, uri(VOID + "distinctObjects"), integer(counts.distinctObjects()));
        }
        counts.vocabularies().forEach(v -> add(g, ds, uri(VOID + "vocabulary"), uri(v)));
        add(g, ds, uri(VOID + "exampleResource"), uri(TG.ID + "org/canaan"));
        add(g, ds, uri(VOID + "sparqlEndpoint"), uri(serverBase + sparqlPath));
        for (Dumps.Dump dump : dumps.dumps().values()) {
            Node url = uri(serverBase + "/dumps/" + dump.fileName());
            add(g, ds, uri(VOID + "dataDump"), url);
            Node distribution = uri(DATASET + "#" + dump.fileName());
            add(g, ds, uri(DCAT + "distribution"), distribution);
            add(g, distribution, RDF.type, uri(DCAT + "Distribution"));
            add(g, distribution, uri(DCAT + "downloadURL"), url);
            add(g, distribution, uri(DCAT + "mediaType"), uri("https://www.iana.org/assignments/media-types/" + dump.mediaType()));
            add(g, distribution, uri(DCAT + "compressFormat"), uri("https://www.iana.org/assignments/media-types/application/gzip"));
            add(g, distribution, uri(DCAT + "byteSize"), integer(dump.size()));
            add(g, distribution, DCTerms.license, uri(LICENSE));
            Node checksum = uri(DATASET + "#" + dump.fileName() + "-sha256");
            add(g, distribution, uri(SPDX + "checksum"), checksum);
            add(g, checksum, RDF.type, uri(SPDX + "Checksum"));
            add(g, checksum, uri(SPDX + "algorithm"), uri(SPDX + "checksumAlgorithm_sha256"));
            add(g, checksum, uri(SPDX + "checksumValue"), NodeFactory.createLiteralDT(dump.sha256(), XSDDatatype.XSDhexBinary));
        }
        Node service = uri(serverBase + sparqlPath + "#service");
        add(g, ds, uri(DCAT + "accessService"), service);
        add(g, service, RDF.type, uri(DCAT + "DataService"));
        add(g, service, uri(DCAT + "endpointURL"), uri(serverBase + sparqlPath));
        add(g, service, uri(DCAT + "servesDataset"), ds);
        add(g, service, DCTerms.conformsTo, uri("https://www.w3.org/TR/sparql11-protocol/"));
        counts.triplesPerGraph().forEach((graph, n) -> {
            Node subset = uri(graph);
            add(g, ds, uri(VOID + "subset"), subset);
            add(g, subset, RDF.type, uri(VOID + "Dataset"));
            add(g, subset, uri(VOID + "triples"), integer(n));
        });
        Node linkset = uri(DATASET + "#wikidata-links");
        Node wikidata = uri(DATASET + "#wikidata");
        add(g, ds, uri(VOID + "subset"), linkset);
        add(g, linkset, RDF.type, uri(VOID + "Linkset"));
        add(g, linkset, RDFS.label, NodeFactory.createLiteralLang("Linkset to Wikidata", "en"));
        add(g, linkset, RDFS.comment, NodeFactory.createLiteralLang(
                "Links to Wikidata items by owl:sameAs (organisations, people, places) and skos:exactMatch (topics), only for identifiers verified against public records.", "en"));
        add(g, linkset, uri(VOID + "linkPredicate"), OWL.sameAs.asNode());
        add(g, linkset, uri(VOID + "linkPredicate"), SKOS.exactMatch.asNode());
        add(g, linkset, uri(VOID + "subjectsTarget"), ds);
        add(g, linkset, uri(VOID + "objectsTarget"), wikidata);
        add(g, linkset, uri(VOID + "triples"), integer(counts.wikidataLinks()));
        add(g, wikidata, RDF.type, uri(VOID + "Dataset"));
        add(g, wikidata, DCTerms.title, NodeFactory.createLiteralString("Wikidata"));
        add(g, wikidata, uri(VOID + "uriSpace"), NodeFactory.createLiteralString(WIKIDATA));
        add(g, wikidata, uri("http://xmlns.com/foaf/0.1/homepage"), uri("https://www.wikidata.org/"));
        return g;
    }

    /** The SPARQL 1.1 Service Description of the endpoint. */
    static Graph serviceDescription(Counts counts, String endpointUrl) {
        Graph g = GraphFactory.createDefaultGraph();
        prefixes(g);
        Node service = uri(endpointUrl + "#service");
        add(g, service, RDF.type, uri(SD + "Service"));
        add(g, service, uri(SD + "endpoint"), uri(endpointUrl));
        add(g, service, uri(SD + "supportedLanguage"), uri(SD + "SPARQL11Query"));
        add(g, service, uri(SD + "feature"), uri(SD + "UnionDefaultGraph"));
        for (String format : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                                           "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads"}) {
            add(g, service, uri(SD + "resultFormat"), uri(FORMATS + format));
        }
        Node defaultDataset = uri(endpointUrl + "#dataset");
        add(g, service, uri(SD + "defaultDataset"), defaultDataset);
        add(g, defaultDataset, RDF.type, uri(SD + "Dataset"));
        add(g, defaultDataset, RDFS.seeAlso, uri(DATASET));
        Node defaultGraph = uri(endpointUrl + "#default-graph");
        add(g, defaultDataset, uri(SD + "defaultGraph"), defaultGraph);
        add(g, defaultGraph, RDF.type, uri(SD + "Graph"));
        add(g, defaultGraph, RDFS.comment, NodeFactory.createLiteralLang("The union of all the named graphs.", "en"));
        counts.triplesPerGraph().forEach((graph, n) -> {
            Node named = uri(endpointUrl + "#" + graph.substring(TG.GRAPH.length()).replace('/', '-'));
            add(g, defaultDataset, uri(SD + "namedGraph"), named);
            add(g, named, RDF.type, uri(SD + "NamedGraph"));
            add(g, named, uri(SD + "name"), uri(graph));
            Node content = uri(graph);
            add(g, named, uri(SD + "graph"), content);
            add(g, content, RDF.type, uri(SD + "Graph"));
            add(g, content, uri(VOID + "triples"), integer(n));
        });
        return g;
    }

    private static void prefixes(Graph g) {
        var pm = g.getPrefixMapping();
        pm.setNsPrefix("void", VOID);
        pm.setNsPrefix("dcat", DCAT);
        pm.setNsPrefix("sd", SD);
        pm.setNsPrefix("spdx", SPDX);
        pm.setNsPrefix("dcterms", DCTerms.NS);
        pm.setNsPrefix("rdfs", RDFS.uri);
        pm.setNsPrefix("owl", OWL.NS);
        pm.setNsPrefix("skos", SKOS.uri);
        pm.setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
        pm.setNsPrefix("formats", FORMATS);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static void add(Graph g, Node s, org.apache.jena.rdf.model.Property p, Node o) {
        g.add(s, p.asNode(), o);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(s, p, o);
    }
}
