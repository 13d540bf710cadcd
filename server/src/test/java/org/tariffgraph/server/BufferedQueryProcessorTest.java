package org.tariffgraph.server;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;

import org.apache.jena.query.QueryCancelledException;
import org.junit.jupiter.api.Test;

class BufferedQueryProcessorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void aFailureOnTheWayOutOfAQueryStoppedByItsTimeOutIsTheTimeOut() {
        NullPointerException onTheWayOut = new NullPointerException("this.hashTable is null");
        RuntimeException answered = BufferedQueryProcessor.outOfTime(onTheWayOut, Duration.ofMillis(10_400), TIMEOUT);
        assertInstanceOf(QueryCancelledException.class, answered);
        assertSame(onTheWayOut, answered.getSuppressed()[0]);
    }

    @Test
    void aFailureBeforeTheTimeOutStaysWhatItIs() {
        NullPointerException early = new NullPointerException();
        assertSame(early, BufferedQueryProcessor.outOfTime(early, Duration.ofMillis(200), TIMEOUT));
        QueryCancelledException cancelled = new QueryCancelledException();
        assertSame(cancelled, BufferedQueryProcessor.outOfTime(cancelled, Duration.ofSeconds(11), TIMEOUT));
    }
}
