package org.tariffgraph.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class QueryGateTest {

    @Test
    void turnsAwayAQueryWhenEveryPlaceIsTakenAndLetsItInWhenOneIsGivenBack() {
        QueryGate gate = new QueryGate(2, 0);
        assertTrue(gate.enter());
        assertTrue(gate.enter());
        assertFalse(gate.enter(), "a third query at once");
        gate.leave();
        assertTrue(gate.enter(), "the place given back");
    }

    @Test
    void aWaitingQueryTakesThePlaceGivenBackWhileItWaits() throws Exception {
        QueryGate gate = new QueryGate(1, TimeUnit.MINUTES.toMillis(1));
        assertTrue(gate.enter());
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(gate::enter);
        gate.leave();
        assertTrue(waiting.get(1, TimeUnit.MINUTES));
    }
}
