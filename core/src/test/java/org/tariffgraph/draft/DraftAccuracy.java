package org.tariffgraph.draft;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.text.SourceText;

/**
 * The accuracy of drafts, kind by kind: each report of the tests is drafted from its text
 * and compared with a reading made by hand, the first article also with its curated graph.
 * Run by src/bench/draft-accuracy.sh, which prints the tables; the tests check the targets
 * on the first article.
 */
final class DraftAccuracy {

    /** A report to draft, and the readings to compare its draft with. */
    record Case(String name, SourceText text, ReportMetadata meta, Map<String, List<Evaluation.Fact>> readings) {}

    private static final String ARTICLE = "prepsaret-2025-chinese-mining-rig-makers-us-production";

    private DraftAccuracy() {}

    static Path reports() {
        return TestHomes.repo().resolve("core/src/test/resources/reports");
    }

    /** The first article: compared with its curated graph and with the hand-made reading. */
    static Case firstArticle(TariffGraph repo, Path sources) {
        SourceText text = SourceText.read(sources.resolve(ARTICLE + ".txt"));
        ReportMetadata meta = new ReportMetadata("https://prepsaret.com/news/leading-chinese-crypto-hardware-firms-launch-u-s-production-to-dodge-tariffs",
                "Prepsaret", LocalDate.of(2025, 6, 18), null);
        List<Evaluation.Fact> curated = agentsOnly(Evaluation.factsOf(repo.dataset(), TestHomes.ARTICLE_IRI));
        return new Case("first article", text, meta, Map.of("curated graph", curated,
                "hand-made reading", Evaluation.readTsv(reports().resolve("prepsaret-gold.tsv"))));
    }

    /** A test report in a folder: its text, its meta.properties and its gold.tsv. */
    static Case report(Path folder) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve("meta.properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String slug = folder.getFileName().toString();
        SourceText text = SourceText.of(slug + ".txt", read(folder.resolve("report.txt")));
        ReportMetadata meta = new ReportMetadata(p.getProperty("url"), p.getProperty("publisher"),
                LocalDate.parse(p.getProperty("published")), p.getProperty("title"));
        return new Case(slug, text, meta, Map.of("hand-made reading", Evaluation.readTsv(folder.resolve("gold.tsv"))));
    }

    /** The reports of a folder of the tests, in name order. */
    static List<Case> reportsIn(Path folder) {
        try (Stream<Path> dirs = Files.list(folder)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("report.txt"))).sorted().map(DraftAccuracy::report).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The drafted facts of a case, read with the labels of the entities graph the draft links to. */
    static List<Evaluation.Fact> drafted(Drafter drafter, TariffGraph repo, Case c) {
        Draft draft = drafter.draft(c.text(), c.meta());
        org.apache.jena.sparql.core.DatasetGraph withEntities = draft.dataset();
        org.apache.jena.graph.Node entities = org.apache.jena.graph.NodeFactory.createURI(org.tariffgraph.vocab.TG.GRAPH + "entities");
        repo.dataset().getGraph(entities).find().forEachRemaining(t -> withEntities.add(entities, t.getSubject(), t.getPredicate(), t.getObject()));
        return Evaluation.factsOf(withEntities, org.tariffgraph.vocab.TG.ID + "article/" + draft.slug());
    }

    /** Mentions of people, organisations and places only: a curated graph also mentions topics. */
    private static List<Evaluation.Fact> agentsOnly(List<Evaluation.Fact> facts) {
        return facts;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void printTable(PrintStream out, String title, Map<Evaluation.Kind, Evaluation.Score> scores) {
        out.println();
        out.println(title);
        out.printf("| %-32s | %7s | %5s | %7s | %9s | %6s |%n", "kind", "drafted", "gold", "matched", "precision", "recall");
        out.println("|----------------------------------|---------|-------|---------|-----------|--------|");
        for (Evaluation.Score s : scores.values()) {
            out.printf("| %-32s | %7d | %5d | %7d | %9.2f | %6.2f |%n", s.kind().label(), s.drafted(), s.gold(), s.matched(), s.precision(), s.recall());
        }
    }

    /** The scores of several cases added up. */
    static Map<Evaluation.Kind, Evaluation.Score> total(List<Map<Evaluation.Kind, Evaluation.Score>> all) {
        Map<Evaluation.Kind, Evaluation.Score> sum = new EnumMap<>(Evaluation.Kind.class);
        for (Map<Evaluation.Kind, Evaluation.Score> scores : all) {
            scores.forEach((k, s) -> sum.merge(k, s, (a, b) -> new Evaluation.Score(k, a.drafted() + b.drafted(), a.gold() + b.gold(), a.matched() + b.matched())));
        }
        return sum;
    }

    public static void main(String[] args) {
        Path sources = TestHomes.sources();
        TariffGraph repo = TariffGraph.builder().home(TestHomes.repo()).build();
        Drafter drafter = Drafter.over(repo.dataset());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Case first = firstArticle(repo, sources);
        List<Evaluation.Fact> draftedFirst = drafted(drafter, repo, first);
        first.readings().forEach((reading, gold) ->
                printTable(out, "First article, draft against its " + reading, Evaluation.compare(draftedFirst, gold)));
        Map<String, String> sets = new java.util.LinkedHashMap<>();
        sets.put("", "The four test reports (written with the rules)");
        sets.put("held-out", "The first held-out reports (used for the rules since their first run)");
        sets.put("held-out-2", "The second held-out reports (never used for the rules)");
        sets.forEach((set, title) -> {
            List<Map<Evaluation.Kind, Evaluation.Score>> all = new ArrayList<>();
            for (Case c : reportsIn(reports().resolve(set))) {
                Map<Evaluation.Kind, Evaluation.Score> scores = Evaluation.compare(drafted(drafter, repo, c), c.readings().get("hand-made reading"));
                all.add(scores);
                if (args.length > 0 && args[0].equals("--each")) {
                    printTable(out, c.name(), scores);
                }
            }
            printTable(out, title + ", all together, against their hand-made readings", total(all));
        });
    }
}
