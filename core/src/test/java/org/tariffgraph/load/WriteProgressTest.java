package org.tariffgraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

class WriteProgressTest {

    private static final Node G = NodeFactory.createURI("http://example.org/g");
    private static final Node P = NodeFactory.createURI("http://example.org/p");

    private static Quad quad(int i) {
        return Quad.create(G, NodeFactory.createURI("http://example.org/s" + i), P, NodeFactory.createLiteralString("v" + i));
    }

    @Test
    void reportsEveryTenThousandQuadsWrittenInsideTheTransaction() {
        List<Long> reports = new CopyOnWriteArrayList<>();
        DatasetGraph base = DatasetGraphFactory.createTxnMem();
        DatasetGraph store = new WriteProgress(base, reports::add);
        Txn.executeWrite(store, () -> {
            for (int i = 0; i < 25_000; i++) {
                store.add(quad(i));
                if (i + 1 == 10_000) {
                    assertEquals(List.of(10_000L), reports, "reported once 10,000 quads are written");
                }
            }
        });
        assertEquals(List.of(10_000L, 20_000L), reports);
        assertEquals(25_000, Txn.calculateRead(base, () -> base.getGraph(G).size()));
    }

    @Test
    void countsEachTransactionFromZeroAndDeletesToo() {
        List<Long> reports = new CopyOnWriteArrayList<>();
        DatasetGraph store = new WriteProgress(DatasetGraphFactory.createTxnMem(), reports::add);
        Txn.executeWrite(store, () -> {
            for (int i = 0; i < 6_000; i++) {
                store.add(quad(i));
            }
        });
        assertEquals(List.of(), reports, "6,000 quads: no report, and the count ends with the transaction");
        Txn.executeWrite(store, () -> {
            for (int i = 0; i < 6_000; i++) {
                store.delete(quad(i));
            }
            for (int i = 0; i < 4_000; i++) {
                store.add(G, quad(i).getSubject(), P, quad(i).getObject());
            }
        });
        assertEquals(List.of(10_000L), reports);
    }

    @Test
    void aReaderEndingItsTransactionLeavesTheWritersCount() throws Exception {
        List<Long> reports = new CopyOnWriteArrayList<>();
        DatasetGraph store = new WriteProgress(DatasetGraphFactory.createTxnMem(), reports::add);
        Txn.executeWrite(store, () -> {
            for (int i = 0; i < 10_000; i++) {
                store.add(quad(i));
                if (i == 5_000) {
                    CompletableFuture.runAsync(() -> Txn.executeRead(store, () -> store.find().hasNext())).join();
                }
            }
        });
        assertEquals(List.of(10_000L), reports);
    }
}
