package org.tariffgraph.cli;

import java.time.Duration;

import picocli.CommandLine.Option;

/** The {@code --timeout} of the commands that run queries. A mixin. */
final class TimeoutOption {

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Longest a query may run: seconds (10, 2.5) or with a unit (500ms, 10s, 2m) (default: ${DEFAULT-VALUE}).")
    Duration timeout;
}
