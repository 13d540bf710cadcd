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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The latency of each catalogue query through a tariffgraph endpoint, one client, one query
 * after the other: two requests to warm up, then up to REQUESTS measured, for at most
 * SECONDS per query. Prints one line per query: p50, p99 and the slowest, the number
 * measured, the size of the answer and the statuses other than 200. Loopback only.
 *
 *   java src/bench/CatalogueLatency.java URL QUERY_DIR [REQUESTS] [SECONDS]
 */
public class CatalogueLatency {

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        Path queryDir = Path.of(args[1]);
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(endpoint.getHost())) {
            throw new IllegalArgumentException("queries are only ever sent to a loopback address, not " + endpoint.getHost());
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(queryDir)) {
            files = list.filter(f -> f.toString().endsWith(".rq")).sorted().toList();
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf("%-32s %10s %10s %10s %4s %10s  %s%n", "query", "p50 ms", "p99 ms", "max ms", "n", "bytes", "other statuses");
        for (Path file : files) {
            String id = file.getFileName().toString().replace(".rq", "");
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "?query="
                            + URLEncoder.encode(Files.readString(file), StandardCharsets.UTF_8)))
                    .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(60)).build();
            Map<Integer, Integer> statuses = new TreeMap<>();
            long bytes = 0;
            for (int i = 0; i < 2; i++) {
                send(http, request, statuses);
            }
            statuses.clear();
            List<Long> latencies = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            while (latencies.size() < requests && (latencies.size() < 3 || System.nanoTime() < deadline)) {
                long t0 = System.nanoTime();
                bytes = send(http, request, statuses);
                latencies.add(System.nanoTime() - t0);
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            statuses.remove(200);
            System.out.printf("%-32s %10.1f %10.1f %10.1f %4d %10d  %s%n", id, pct(sorted, 50), pct(sorted, 99),
                    sorted[sorted.length - 1] / 1e6, sorted.length, bytes, statuses.isEmpty() ? "" : statuses);
        }
    }

    /** Sends a request and reads the whole answer; returns its size in bytes, or -1 when it failed. */
    private static long send(HttpClient http, HttpRequest request, Map<Integer, Integer> statuses) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            return response.body().length;
        } catch (Exception e) {
            statuses.merge(-1, 1, Integer::sum);
            return -1;
        }
    }

    private static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
