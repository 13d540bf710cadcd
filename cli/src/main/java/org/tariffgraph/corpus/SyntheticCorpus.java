package org.tariffgraph.corpus;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SchemaDO;
import org.apache.jena.vocabulary.XSD;
import org.tariffgraph.vocab.TG;

/**
 * A corpus of synthetic articles shaped like the curated one, for measuring the graph at
 * scale: each article's facts in their own named graph under
 * {@code https://w3id.org/tariffgraph/graph/synthetic/}, its page text beside them, and the
 * companies, outlets and people they share in one more graph. The same seed and size give
 * the same bytes.
 *
 * <p>The corpus refers to the curated entities (places, topics, role types), so it is
 * loaded together with the repository's data:
 *
 * <pre>{@code
 * SyntheticCorpus.builder().articles(1000).seed(42).build().write(Path.of("target/corpus"));
 * // java -jar tariffgraph.jar serve --data data --data target/corpus/data --sources target/corpus/sources
 * }</pre>
 *
 * <p>Layout: {@code data/entities.trig}, {@code data/articles/aNNNNNN.trig} (one file per
 * article) and {@code sources/synthetic-aNNNNNN.txt} (the texts, which the evidence check
 * reads).
 */
public final class SyntheticCorpus {

    /** The graph of the synthetic corpus's companies, outlets, people and calendar days. */
    public static final Node ENTITIES = NodeFactory.createURI(TG.GRAPH + "synthetic/entities");

    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final int articles;
    private final long seed;
    private final EntityPool pool;

    private SyntheticCorpus(Builder builder) {
        this.articles = builder.articles;
        this.seed = builder.seed;
        int scale = Math.max(1, (int) Math.sqrt(articles));
        this.pool = EntityPool.create(seed, Math.min(2000, 40 + 4 * scale), Math.min(200, 10 + scale / 2), Math.min(4000, 60 + 8 * scale));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the corpus under {@code folder}: {@code data/} to load, {@code sources/} to
     * check the evidence against.
     *
     * @param progress told the number of articles written so far, every thousand
     * @return the number of quads written
     */
    public long write(Path folder, IntConsumer progress) {
        try {
            Path data = Files.createDirectories(folder.resolve("data/articles"));
            Path sources = Files.createDirectories(folder.resolve("sources"));
            long quads = writeGraph(folder.resolve("data/entities.trig"), entities());
            for (int i = 1; i <= articles; i++) {
                SyntheticArticle article = new SyntheticArticle(pool, seed, i);
                Files.write(sources.resolve(article.fileName()), article.text());
                quads += writeGraph(data.resolve(article.fileName().replace("synthetic-", "").replace(".txt", ".trig")), article.quads());
                if (i % 1000 == 0) {
                    progress.accept(i);
                }
            }
            return quads;
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot write the corpus: " + e.getMessage(), e);
        }
    }

    /** {@link #write(Path, IntConsumer)} without progress. */
    public long write(Path folder) {
        return write(folder, n -> { });
    }

    /** The shared entities: companies and outlets, people, and the calendar days and months the articles use. */
    private List<Quad> entities() {
        List<Quad> quads = new ArrayList<>();
        add(quads, ENTITIES, RDFS.label.asNode(), NodeFactory.createLiteralLang("Synthetic entities", "en"));
        add(quads, ENTITIES, DCTerms.description.asNode(), NodeFactory.createLiteralLang(
                "Companies, news outlets and people of the synthetic articles, generated for measuring the graph at scale, and the calendar days and months they use.", "en"));
        for (EntityPool.Entity company : pool.companies) {
            add(quads, company.iri(), RDF.type.asNode(), TG.Company);
            add(quads, company.iri(), RDFS.label.asNode(), NodeFactory.createLiteralLang(company.name(), "en"));
        }
        for (EntityPool.Entity outlet : pool.outlets) {
            add(quads, outlet.iri(), RDF.type.asNode(), TG.Company);
            add(quads, outlet.iri(), RDFS.label.asNode(), NodeFactory.createLiteralLang(outlet.name(), "en"));
        }
        for (EntityPool.Person person : pool.people) {
            add(quads, person.person().iri(), RDF.type.asNode(), TG.FOAF.Person);
            add(quads, person.person().iri(), RDFS.label.asNode(), NodeFactory.createLiteralLang(person.person().name(), "en"));
        }
        for (YearMonth month = YearMonth.of(2024, 1); !month.isAfter(YearMonth.of(2025, 12)); month = month.plusMonths(1)) {
            instant(quads, month.toString(), month.format(MONTH_LABEL), TG.TIME.inXSDgYearMonth,
                    NodeFactory.createLiteralDT(month.toString(), XSDDatatype.XSDgYearMonth), TG.TIME.unitMonth,
                    month.getYear(), month.getMonthValue(), 0);
        }
        for (LocalDate day = LocalDate.of(2025, 1, 1); day.getYear() == 2025; day = day.plusDays(1)) {
            instant(quads, day.toString(), day.format(DAY_LABEL), TG.TIME.inXSDDate,
                    NodeFactory.createLiteralDT(day.toString(), XSDDatatype.XSDdate), TG.TIME.unitDay,
                    day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        }
        return quads;
    }

    /** An OWL-Time instant and its date-time description, as the curated entities write them. */
    private static void instant(List<Quad> quads, String local, String label, Node property, Node value, Node unit, int year, int month, int day) {
        Node instant = NodeFactory.createURI(TG.ID + "time/" + local);
        Node description = NodeFactory.createURI(instant.getURI() + "#description");
        add(quads, instant, RDF.type.asNode(), TG.TIME.Instant);
        add(quads, instant, RDFS.label.asNode(), NodeFactory.createLiteralLang(label, "en"));
        add(quads, instant, property, value);
        add(quads, instant, TG.TIME.inDateTime, description);
        add(quads, description, RDF.type.asNode(), TG.TIME.DateTimeDescription);
        add(quads, description, TG.TIME.unitType, unit);
        add(quads, description, TG.TIME.year, NodeFactory.createLiteralDT(Integer.toString(year), XSDDatatype.XSDgYear));
        add(quads, description, TG.TIME.month, NodeFactory.createLiteralDT(String.format(Locale.ROOT, "--%02d", month), XSDDatatype.XSDgMonth));
        if (day > 0) {
            add(quads, description, TG.TIME.day, NodeFactory.createLiteralDT(String.format(Locale.ROOT, "---%02d", day), XSDDatatype.XSDgDay));
        }
    }

    private static void add(List<Quad> quads, Node s, Node p, Node o) {
        quads.add(Quad.create(ENTITIES, s, p, o));
    }

    /** Writes quads as TriG, in the order given, with the prefixes of the curated data. */
    private static long writeGraph(Path file, List<Quad> quads) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            StreamRDF stream = StreamRDFWriter.getWriterStream(out, RDFFormat.TRIG_BLOCKS);
            stream.start();
            stream.prefix("tg", TG.NS);
            stream.prefix("rdfs", RDFS.getURI());
            stream.prefix("xsd", XSD.NS);
            stream.prefix("dcterms", DCTerms.NS);
            stream.prefix("schema", SchemaDO.NS);
            stream.prefix("org", ORG.NS);
            stream.prefix("oa", OA.NS);
            stream.prefix("time", TG.TIME.NS);
            stream.prefix("foaf", TG.FOAF.NS);
            stream.prefix("unit", TG.UNIT.NS);
            stream.prefix("place", TG.ID + "place/");
            stream.prefix("concept", TG.ID + "concept/");
            stream.prefix("role", TG.ID + "role/");
            stream.prefix("date", TG.ID + "time/");
            stream.prefix("syn", EntityPool.ID);
            quads.forEach(stream::quad);
            stream.finish();
        }
        return quads.size();
    }

    /** Options: how many articles, and the seed. */
    public static final class Builder {
        private int articles = 100;
        private long seed = 1;

        private Builder() {}

        /** The number of articles; 100 by default. */
        public Builder articles(int articles) {
            if (articles < 1) {
                throw new IllegalArgumentException("a corpus needs at least one article, not " + articles);
            }
            this.articles = articles;
            return this;
        }

        /** The seed of every random choice; the same seed gives the same corpus. 1 by default. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public SyntheticCorpus build() {
            return new SyntheticCorpus(this);
        }
    }
}
