package org.tariffgraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.load.UnionDefaultGraph;
import org.tariffgraph.query.QueryRunner;
import org.tariffgraph.vocab.TG;

class TextSearchTest {

    private static final Node GRAPH = NodeFactory.createURI("http://example.org/g");

    @TempDir
    Path tmp;

    private static String statement(String local, String words) {
        return "<http://example.org/" + local + "> <" + TG.verbatim.getURI() + "> \"" + words + "\" .";
    }

    private static void update(DatasetGraph dataset, String update) {
        Txn.executeWrite(dataset, () -> UpdateExec.dataset(dataset).update(update).execute());
    }

    /** The statements whose words match, best first, through the guarded query runner. */
    private static List<String> search(DatasetGraph dataset, String words) {
        return QueryRunner.create(UnionDefaultGraph.view(dataset)).select("""
                PREFIX text: <http://jena.apache.org/text#>
                SELECT ?s WHERE { (?s ?score) text:query (<%s> "%s") } ORDER BY DESC(?score) ?s""".formatted(TG.verbatim.getURI(), words))
                .bindings().stream().map(b -> b.get("s").getURI().replace("http://example.org/", "")).toList();
    }

    private static DatasetGraph withStatements() {
        DatasetGraph base = DatasetGraphFactory.createTxnMem();
        update(base, "INSERT DATA { GRAPH <" + GRAPH.getURI() + "> { "
                + statement("once", "the grid could pose security risks") + " "
                + statement("twice", "security and more security") + " "
                + statement("none", "tariffs make investments risky") + " } }");
        return base;
    }

    @Test
    void findsTheStatementsThatMentionAWordBestMatchFirst() {
        DatasetGraph dataset = TextSearch.inMemory(withStatements());
        assertEquals(List.of("twice", "once"), search(dataset, "security"));
        assertEquals(List.of("none"), search(dataset, "tariffs"));
    }

    @Test
    void keepsTheIndexInStepWithUpdatesMadeThroughIt() {
        DatasetGraph dataset = TextSearch.inMemory(withStatements());
        assertTrue(search(dataset, "tungsten").isEmpty());
        update(dataset, "INSERT DATA { GRAPH <" + GRAPH.getURI() + "> { " + statement("new", "tungsten prices doubled") + " } }");
        assertEquals(List.of("new"), search(dataset, "tungsten"));
        update(dataset, "DELETE DATA { GRAPH <" + GRAPH.getURI() + "> { " + statement("new", "tungsten prices doubled") + " } }");
        assertTrue(search(dataset, "tungsten").isEmpty(), "a deleted statement is no longer found");
        update(dataset, "DELETE WHERE { GRAPH <" + GRAPH.getURI() + "> { <http://example.org/once> ?p ?o } }");
        assertEquals(List.of("twice"), search(dataset, "security"));
    }

    @Test
    void anIndexBesideAStoreOutlivesTheProcessAndIsRebuiltAfterACutOffWrite() {
        Path dir = tmp.resolve("store");
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(dir.toString());
        update(tdb, "INSERT DATA { GRAPH <" + GRAPH.getURI() + "> { " + statement("kept", "security first") + " } }");
        DatasetGraph searchable = TextSearch.beside(tdb, dir, false);
        assertEquals(List.of("kept"), search(searchable, "security"), "built when there is no index");
        update(searchable, "INSERT DATA { GRAPH <" + GRAPH.getURI() + "> { " + statement("added", "cobalt and security") + " } }");
        assertFalse(TextSearch.interrupted(dir), "no marker once the write has ended");
        searchable.close();
        TDBInternal.expel(tdb);

        // Written to the store alone, as when a process dies between the store's commit and the index's.
        tdb = DatabaseMgr.connectDatasetGraph(dir.toString());
        update(tdb, "INSERT DATA { GRAPH <" + GRAPH.getURI() + "> { " + statement("missed", "security of supply") + " } }");
        searchable = TextSearch.beside(tdb, dir, false);
        assertEquals(List.of("added", "kept"), search(searchable, "cobalt OR first").stream().sorted().toList(), "the index is kept on disk");
        assertFalse(search(searchable, "supply").contains("missed"), "the index alone does not know a write it missed");
        searchable.close();
        TDBInternal.expel(tdb);

        tdb = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            Files.writeString(dir.resolve(TextSearch.WRITING_MARKER), "cut off");
            searchable = TextSearch.beside(tdb, dir, false);
            assertEquals(List.of("missed"), search(searchable, "supply"), "a cut-off write makes the index be built again");
            assertFalse(TextSearch.interrupted(dir));
            searchable.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            TDBInternal.expel(tdb);
        }
    }
}
