package org.tariffgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffgraph.TestHomes;

import picocli.CommandLine;

class ServeCommandTest {

    @TempDir
    Path tmp;

    @Test
    void servesAfterValidatingAndPrintsOneReadyLine() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cmd.execute("serve", "--home", TestHomes.repo().toString(), "--port", "0"));
        ServeCommand serve = cmd.getSubcommands().get("serve").getCommand();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (serve.server == null || !out.toString().contains("ready")) {
            assertTrue(System.nanoTime() < deadline && !exit.isDone(), "server did not start: " + out);
            Thread.sleep(20);
        }
        try {
            String line = out.toString().strip();
            assertTrue(line.matches("SPARQL endpoint ready at http://127\\.0\\.0\\.1:\\d+/kg/sparql"), line);
            String url = line.substring(line.indexOf("http"));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "?query="
                    + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("true"), response.body());
        } finally {
            serve.server.stop();
        }
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
    }

    @Test
    void refusesToServeInvalidDataWithTheReportAndExitOne() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceOnce(home.resolve(TestHomes.ARTICLE), "tg:speaker person:john-deaton ;", "");
        Cli result = Cli.run("serve", "--home", home.toString(), "--port", "0");
        assertEquals(Main.CHECK_FAILED, result.exitCode());
        assertTrue(result.err().contains("john-deaton-supply-disruption") && result.err().contains("not serving"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void refusesToServeDataThatDoesNotParse() {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.write(home.resolve("data/broken.trig"), "<http://example.org/g> { <http://example.org/a> <http://example.org/b> }\n");
        Cli result = Cli.run("serve", "--home", home.toString(), "--port", "0");
        assertEquals(Main.CHECK_FAILED, result.exitCode());
        assertTrue(result.err().contains("broken.trig") && result.err().contains("line 1"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void refusesAPasswordInClear() {
        Path passwords = tmp.resolve("passwords");
        TestHomes.write(passwords, "curator: s3cret\n");
        Cli result = Cli.run("serve", "--home", TestHomes.repo().toString(), "--port", "0", "--enable-update", "--password-file", passwords.toString());
        assertEquals(Main.USAGE, result.exitCode());
        assertTrue(result.err().contains("never stored in clear"), result.err());
    }

    @Test
    void updateNeedsAPasswordFile() {
        Cli result = Cli.run("serve", "--home", TestHomes.repo().toString(), "--enable-update");
        assertEquals(Main.USAGE, result.exitCode());
        assertTrue(result.err().contains("--enable-update needs --password-file"), result.err());
    }

    @Test
    void aTimeoutThatIsNotPositiveIsAUsageError() {
        Cli result = Cli.run("serve", "--home", TestHomes.repo().toString(), "--timeout", "0");
        assertEquals(Main.USAGE, result.exitCode());
    }
}
