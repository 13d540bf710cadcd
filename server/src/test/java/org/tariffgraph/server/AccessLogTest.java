package org.tariffgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;

class AccessLogTest {

    /** Collects what is logged, with any exception. */
    private static final class Collector extends AbstractAppender {
        final List<LogEvent> events = new CopyOnWriteArrayList<>();

        Collector() {
            super("collector", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            events.add(event.toImmutable());
        }
    }

    private final Collector collector = new Collector();

    @BeforeEach
    void listen() {
        collector.start();
        LoggerConfig root = ((LoggerContext) LogManager.getContext(false)).getConfiguration().getRootLogger();
        root.addAppender(collector, null, null);
        ((LoggerContext) LogManager.getContext(false)).updateLoggers();
    }

    @AfterEach
    void stopListening() {
        ((LoggerContext) LogManager.getContext(false)).getConfiguration().getRootLogger().removeAppender("collector");
        ((LoggerContext) LogManager.getContext(false)).updateLoggers();
    }

    /** The messages of a logger, from the threads of one server. */
    private List<String> lines(String logger, String threads) {
        return collector.events.stream().filter(e -> e.getLoggerName().equals(logger) && e.getThreadName().startsWith(threads))
                .map(e -> e.getMessage().getFormattedMessage()).toList();
    }

    @Test
    void logsOneConciseLinePerRequestAndNoStackTraceForClientErrors() {
        SparqlServer server = SparqlServer.builder(TariffGraph.builder().home(TestHomes.repo()).build()).port(0).build().start();
        String threads = server.threadPoolName();
        try {
            Http.query(server.queryUrl(), "ASK {}", "application/sparql-results+json");
            Http.query(server.queryUrl(), "SELECT ?x WHERE { ?x ?y }", "application/sparql-results+json");
            Http.get(server.datasetUrl().replace("/kg", "/id/org/no-such"), "text/turtle");
        } finally {
            server.stop();
        }
        List<String> access = lines("org.tariffgraph.access", threads);
        assertEquals(3, access.size(), access.toString());
        assertTrue(access.get(0).matches("127\\.0\\.0\\.1 \"GET /kg/sparql\\?query=ASK.*\" 200 \\d+ms"), access.get(0));
        assertTrue(access.get(1).contains("\" 400 "), access.get(1));
        assertTrue(access.get(2).contains("\" 404 "), access.get(2));
        // Only this server's threads: servers of other tests may still be shutting down.
        List<String> traces = collector.events.stream().filter(e -> e.getThrown() != null && e.getThreadName().startsWith(threads))
                .map(e -> e.getLoggerName() + ": " + e.getMessage().getFormattedMessage() + " " + e.getThrown()).toList();
        assertEquals(List.of(), traces, "no stack trace is logged for client errors");
    }

    @Test
    void logsTheRequestsRefusedBeforeTheyReachAnEndpointToo(@TempDir Path tmp) {
        Path passwords = tmp.resolve("passwords");
        TestHomes.write(passwords, "curator: " + Pbkdf2Credential.hash("s3cret".toCharArray()) + "\n");
        SparqlServer server = SparqlServer.builder(TariffGraph.builder().home(TestHomes.repo()).build()).port(0)
                .updateWithPasswordFile(passwords).updateRateClock(() -> 0L).build().start();
        String threads = server.threadPoolName();
        String update = "CLEAR SILENT GRAPH <http://example.org/g>";
        try {
            for (int i = 0; i < UpdateRateLimit.BURST; i++) {
                Http.raw(server.datasetUrl(), "POST", i == 0 ? "/kg/%75pdate" : "/kg/update", update,
                        "Content-Type: application/sparql-update", "Authorization: " + Http.basic("curator", "guess" + i));
            }
            assertEquals(429, Http.update(server.datasetUrl() + "/update", update, "curator", "s3cret").statusCode());
        } finally {
            server.stop();
        }
        List<String> access = lines("org.tariffgraph.access", threads);
        assertEquals(UpdateRateLimit.BURST + 1, access.size(), access.toString());
        assertTrue(access.get(0).matches("127\\.0\\.0\\.1 \"POST /kg/%75pdate\" 401 \\d+ms"), access.get(0));
        // A line is written once its answer has gone, so a quick refusal may be logged before the answer just before it.
        List<String> rest = access.subList(1, access.size());
        assertEquals(UpdateRateLimit.BURST - 1, rest.stream().filter(l -> l.matches("127\\.0\\.0\\.1 \"POST /kg/update\" 401 \\d+ms")).count(), rest.toString());
        assertEquals(1, rest.stream().filter(l -> l.matches("127\\.0\\.0\\.1 \"POST /kg/update\" 429 \\d+ms")).count(), rest.toString());
    }

    @Test
    void theAccessLogCanBeTurnedOff() {
        SparqlServer server = SparqlServer.builder(TariffGraph.builder().home(TestHomes.repo()).build()).port(0).accessLog(false).build().start();
        String threads = server.threadPoolName();
        try {
            Http.query(server.queryUrl(), "ASK {}", "application/sparql-results+json");
        } finally {
            server.stop();
        }
        assertEquals(List.of(), lines("org.tariffgraph.access", threads));
    }
}
