package org.tariffgraph.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;

/**
 * The researcher's guide, src/site/markdown/model.md, is true of the data: its IRIs exist, its queries
 * run, and its sentence query finds every sentence of the story with its speaker and
 * evidence.
 */
class ModelGuideTest {

    private static String guide;
    private static DatasetGraph dataset;

    @BeforeAll
    static void load() {
        guide = TestHomes.read(TestHomes.repo().resolve("src/site/markdown/model.md"));
        dataset = TariffGraph.builder().home(TestHomes.repo()).build().dataset();
    }

    /** The fenced SPARQL blocks of the guide; the first is the prefix block. */
    private static List<String> sparqlBlocks() {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```sparql\\n(.*?)```", Pattern.DOTALL).matcher(guide);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static List<Binding> select(String queryText) {
        Query query = QueryFactory.create(queryText);
        return Txn.calculateRead(dataset, () -> {
            try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                List<Binding> rows = new ArrayList<>();
                exec.select().forEachRemaining(rows::add);
                return rows;
            }
        });
    }

    @Test
    void everyIriOnThePageExistsInTheGraph() {
        Set<String> missing = new TreeSet<>();
        Matcher m = Pattern.compile("https://w3id\\.org/tariffgraph/[^\\s`<>\"')|]+").matcher(guide);
        while (m.find()) {
            String iri = m.group().replaceAll("[.,]$", "");
            if (iri.endsWith("/") || iri.endsWith("#") || iri.contains("<slug>")) {
                continue;
            }
            Node node = NodeFactory.createURI(iri);
            boolean known = Txn.calculateRead(dataset, () -> dataset.containsGraph(node)
                    || dataset.getDefaultGraph().find(node, null, null).hasNext()
                    || dataset.getDefaultGraph().find(null, null, node).hasNext());
            if (!known) {
                missing.add(iri);
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyOntologyTermOnThePageIsDeclared() {
        Set<String> undeclared = new TreeSet<>();
        Matcher m = Pattern.compile("\\btg:([A-Za-z][A-Za-z0-9]*)").matcher(guide);
        while (m.find()) {
            Node term = NodeFactory.createURI("https://w3id.org/tariffgraph/ontology#" + m.group(1));
            if (!Txn.calculateRead(dataset, () -> dataset.getDefaultGraph().find(term, null, null).hasNext())) {
                undeclared.add(m.group());
            }
        }
        assertEquals(Set.of(), undeclared);
    }

    @Test
    void everyQueryOnThePageRunsAndAnswers() {
        List<String> blocks = sparqlBlocks();
        assertTrue(blocks.size() >= 4, "expected the prefix block and at least three queries");
        String prefixes = blocks.get(0);
        for (String block : blocks.subList(1, blocks.size())) {
            assertFalse(select(prefixes + block).isEmpty(), "no answer to:\n" + block);
        }
    }

    @Test
    void theSentenceQueryFindsEverySentenceOfTheStoryWithItsSpeakerAndEvidence() {
        String prefixes = sparqlBlocks().get(0);
        int at = guide.indexOf("<!-- sentence-query -->");
        assertTrue(at >= 0, "the sentence query is marked in the guide");
        Matcher m = Pattern.compile("```sparql\\n(.*?)```", Pattern.DOTALL).matcher(guide);
        assertTrue(m.find(at));
        String template = m.group(1);
        String example = "\"structural, not superficial\"";
        assertTrue(template.contains(example));

        List<String> sentences = storySentences(prefixes);
        assertTrue(sentences.size() >= 25, "expected the story's sentences, got " + sentences.size());
        List<String> notFound = new ArrayList<>();
        for (String sentence : sentences) {
            String literal = "\"" + sentence.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            List<Binding> rows = select(prefixes + template.replace(example, literal));
            boolean attributed = rows.stream().anyMatch(r -> r.get("who") != null && r.get("voice") != null
                    && r.get("start") != null && r.get("end") != null);
            if (!attributed) {
                notFound.add(sentence);
            }
        }
        assertEquals(List.of(), notFound);
    }

    /** The sentences of the headline and story paragraphs, split from the segments' own text. */
    private static List<String> storySentences(String prefixes) {
        List<String> sentences = new ArrayList<>();
        for (Binding row : select(prefixes + """
                SELECT ?text WHERE {
                  VALUES ?kind { tg:Headline tg:StoryParagraph }
                  ?segment a ?kind ; oa:hasSelector/oa:exact ?text .
                }""")) {
            String text = row.get("text").getLiteralLexicalForm();
            BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            it.setText(text);
            for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
                String sentence = text.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                }
            }
        }
        return sentences;
    }
}
