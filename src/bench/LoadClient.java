import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A bounded load on a tariffgraph endpoint: CLIENTS concurrent clients send the catalogue's
 * queries in turn until SECONDS have passed or MAX requests are sent, then the throughput,
 * the 50th and 99th percentile latencies, and the errors are printed. Loopback only.
 *
 *   java src/bench/LoadClient.java URL QUERY_DIR SECONDS CLIENTS MAX
 */
public class LoadClient {

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        Path queryDir = Path.of(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        int max = Integer.parseInt(args[4]);
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(endpoint.getHost())) {
            throw new IllegalArgumentException("load is only ever sent to a loopback address, not " + endpoint.getHost());
        }
        List<String> queries;
        try (Stream<Path> files = Files.list(queryDir)) {
            queries = files.filter(f -> f.toString().endsWith(".rq")).sorted().map(f -> read(f)).toList();
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long[] latencies = new long[max];
        AtomicInteger sent = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    int i = sent.getAndIncrement();
                    if (i >= max) {
                        return;
                    }
                    String query = queries.get(i % queries.size());
                    HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                            .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(30)).build();
                    long t0 = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        statuses.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int done = Math.min(sent.get(), max);
        long[] sorted = Arrays.copyOf(latencies, done);
        Arrays.sort(sorted);
        System.out.printf("requests   %d in %.1f s, %d concurrent clients, %d different queries%n", done, elapsed, clients, queries.size());
        System.out.printf("throughput %.0f requests/s%n", done / elapsed);
        System.out.printf("latency    p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", pct(sorted, 50), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
        System.out.printf("errors     %d (statuses: %s)%n", errors.get(), new TreeMap<>(statuses));
    }

    private static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
