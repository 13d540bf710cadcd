package org.tariffgraph.server;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A small HTTP client for server tests. Each request gets a fresh client: tests start and
 * stop servers on free ports, and a pooled connection to a stopped server must never be
 * reused for a later server that happens to get the same port.
 */
final class Http {

    private Http() {}

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> get(String url, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build());
    }

    static HttpResponse<String> query(String endpoint, String query, String accept) {
        return get(endpoint + "?query=" + encode(query), accept);
    }

    /** The value of an {@code Authorization} header for HTTP basic authentication. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> postForm(String url, String form, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (user != null) {
            b.header("Authorization", basic(user, password));
        }
        return send(b.build());
    }

    /** A SPARQL update, as {@code application/sparql-update}, with extra headers as name, value pairs. */
    static HttpResponse<String> update(String url, String update, String user, String password, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(update));
        if (user != null) {
            b.header("Authorization", basic(user, password));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    static HttpResponse<String> send(String method, String url, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A response read from a raw socket: the status, the header lines and the body. */
    record Raw(int status, String head, String body) {
        boolean hasHeader(String name) {
            return head.lines().anyMatch(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1));
        }
    }

    /**
     * Sends a request over a plain socket, with the target exactly as given: HTTP clients
     * normalise a path ({@code /kg/./update}, {@code %75}) before they send it, and a test of
     * what the server does with such paths must not let them.
     *
     * @param headers extra header lines, such as {@code "Origin: https://example.org"}
     */
    static Raw raw(String baseUrl, String method, String target, String body, String... headers) {
        URI base = URI.create(baseUrl);
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nConnection: close\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String responseHead = end < 0 ? response : response.substring(0, end);
            int status = Integer.parseInt(responseHead.split(" ", 3)[1]);
            return new Raw(status, responseHead, end < 0 ? "" : response.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
