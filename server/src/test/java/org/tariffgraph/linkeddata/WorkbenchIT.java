package org.tariffgraph.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;
import org.tariffgraph.server.SparqlServer;

/**
 * The workbench as a researcher uses it, in Debian's Chromium driven headless by Debian's
 * chromedriver: a catalogue example run from the query page, a result IRI followed to its
 * page, the timeline and the network drawn, and every page free of broken local links,
 * console errors and the basic accessibility faults. Each page's screenshot is written to
 * {@code target/screenshots/}. Without Chromium the tests are skipped, saying so, except in
 * CI (the environment variable {@code CI} set), where they fail.
 */
class WorkbenchIT {

    private static final String ARTICLE_PATH = "/id/article/prepsaret-2025-chinese-mining-rig-makers-us-production";
    private static final String LEO_WANG_REPLY = ARTICLE_PATH + "/statement/leo-wang-no-broader-threat";
    private static final String SANJAY_GUPTA_CONCERN = ARTICLE_PATH + "/statement/sanjay-gupta-grid-security-risk";

    private static TariffGraph graph;
    private static SparqlServer server;
    private static String base;
    private static ChromeDriver browser;
    private static Path userData;

    @BeforeAll
    static void start() throws IOException {
        Path chromium = Path.of(System.getProperty("tariffgraph.chromium", "/usr/bin/chromium"));
        Path driver = Path.of(System.getProperty("tariffgraph.chromedriver", "/usr/bin/chromedriver"));
        String missing = !Files.isExecutable(chromium) ? "no Chromium at " + chromium
                : !Files.isExecutable(driver) ? "no chromedriver at " + driver : null;
        if (missing != null) {
            String how = " (apt-get install chromium chromium-driver, or set -Dtariffgraph.chromium and -Dtariffgraph.chromedriver)";
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
                fail(missing + how + "; in CI the browser tests must run");
            }
            Assumptions.abort(missing + how + "; the browser tests are skipped outside CI");
        }
        graph = TariffGraph.builder().home(TestHomes.repo()).build();
        server = SparqlServer.builder(graph).port(0).accessLog(false).build().start();
        base = server.datasetUrl().replace("/kg", "");
        userData = Files.createTempDirectory("tariffgraph-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // Without the background-networking flags Chromium reaches out to services this machine cannot reach.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--user-data-dir=" + userData);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (server != null) {
                server.stop();
            }
            if (userData != null) {
                try (var walk = Files.walk(userData)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    private static void open(String path) {
        browser.get(base + path);
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    private static Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    private static void screenshot(String name) {
        Path dir = Path.of(System.getProperty("tariffgraph.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser's console errors since they were last read. */
    private static List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    @Test
    void runsACatalogueExampleFromTheQueryPageAndFindsItsRowsInTheResultsTable() {
        consoleErrors();
        open("/query");
        waiting().until(ExpectedConditions.attributeToBe(By.id("yasgui"), "data-state", "ready"));
        browser.findElement(By.cssSelector("button.example[data-id='who-said-what']")).click();
        int expected = graph.catalogue().select("who-said-what").bindings().size();
        // The rows of the tab the example opened: other tabs, kept from earlier visits, hold their own hidden tables.
        waiting().until(d -> d.findElements(By.cssSelector(".yasr table tbody tr")).stream().filter(WebElement::isDisplayed).count() == expected);
        String table = browser.findElements(By.cssSelector(".yasr table")).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow().getText();
        for (String speaker : List.of("Leo Wang", "Sanjay Gupta", "Guang Yang", "John Deaton")) {
            assertTrue(table.contains(speaker), speaker + " is not in the results table");
        }
        screenshot("query");
        assertEquals(List.of(), accessibilityFaults(), "accessibility faults of the query page with its results");
        assertEquals(List.of(), consoleErrors(), "console errors on the query page");
    }

    @Test
    void aResultIriOpensTheEntityPageWithTheOffsetsOfItsEvidence() {
        open("/query");
        waiting().until(ExpectedConditions.attributeToBe(By.id("yasgui"), "data-state", "ready"));
        browser.findElement(By.cssSelector("button.example[data-id='who-said-what']")).click();
        By statementLink = By.cssSelector(".yasr table a[href='" + LEO_WANG_REPLY + "']");
        WebElement link = waiting().until(d -> d.findElements(statementLink).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        // A long IRI is cut off by its cell, which the table shows whole on a first click; the second follows the link.
        script("arguments[0].scrollIntoView({block: 'center'})", link);
        List<WebElement> cut = link.findElements(By.xpath("./ancestor::div[contains(concat(' ', @class, ' '), ' expandable ')]"));
        if (!cut.isEmpty()) {
            new Actions(browser).moveToElement(cut.get(0), cut.get(0).getRect().getWidth() / 2 - 4, 0).click().perform();
            waiting().until(d -> cut.get(0).getAttribute("class").contains("expanded"));
        }
        waiting().until(ExpectedConditions.elementToBeClickable(link)).click();
        waiting().until(ExpectedConditions.urlToBe(base + LEO_WANG_REPLY));
        WebElement evidence = browser.findElement(By.cssSelector("#words + figure.evidence, figure.evidence"));
        assertTrue(evidence.findElement(By.cssSelector(".offsets")).getText().matches("2082–2229"), evidence.getText());
        assertTrue(evidence.findElement(By.cssSelector("mark")).getText().startsWith("Wang responded to such concerns"), evidence.getText());
        screenshot("statement");
    }

    @Test
    void theTimelineDrawsTheDecember2024EventAsTheWholeMonth() {
        consoleErrors();
        open("/timeline");
        waiting().until(ExpectedConditions.attributeToBe(By.id("timeline"), "data-state", "drawn"));
        double[] march4 = box("Additional 20% tariff on Chinese goods (in effect)");
        double[] april2 = box("U.S. tariffs introduced on 2 April 2025");
        double pixelsPerDay = (april2[0] - march4[0]) / 29;
        assertTrue(pixelsPerDay > 1, "the axis is drawn: " + pixelsPerDay + " pixels a day");
        double[] december = box("Bitmain starts U.S. production of mining equipment");
        // 1 December 2024 is 93 days before 4 March 2025; December has 31 days.
        assertEquals(march4[0] - 93 * pixelsPerDay, december[0], 2, "the December item starts on 1 December");
        assertEquals(31 * pixelsPerDay, december[1], 2, "the December item is as wide as the month");
        double[] statement = box("Leo Wang: mining rigs are only useful for bitcoin mining and pose no broader threat");
        double[] panel = box(By.cssSelector("#timeline .vis-panel.vis-center"));
        assertEquals(panel[0] + panel[1], statement[0] + statement[1], 3, "a statement known only to be not before a date is open to the end");
        assertTrue(browser.findElement(By.xpath("//div[contains(concat(' ', @class, ' '), ' vis-item ')][.//a[text()='Bitmain starts U.S. production of mining equipment']]"))
                .getAttribute("class").contains("precision-month"));
        screenshot("timeline");
        assertEquals(List.of(), consoleErrors(), "console errors on the timeline page");
    }

    /** The left edge and the width of the timeline item whose link reads {@code label}. */
    private static double[] box(String label) {
        return box(By.xpath("//div[contains(concat(' ', @class, ' '), ' vis-item ')][.//a[text()=" + xpathLiteral(label) + "]]"));
    }

    @SuppressWarnings("unchecked")
    private static double[] box(By by) {
        Map<String, Object> rect = (Map<String, Object>) script("const r = arguments[0].getBoundingClientRect(); return {left: r.left, width: r.width};",
                browser.findElement(by));
        return new double[] {((Number) rect.get("left")).doubleValue(), ((Number) rect.get("width")).doubleValue()};
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    @Test
    @SuppressWarnings("unchecked")
    void theNetworkDrawsLeoWangsReplyToSanjayGuptaAndItsNodeOpensTheReply() {
        consoleErrors();
        open("/network");
        WebElement drawing = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#network[data-state='drawn']")));
        Document page = Jsoup.parse(browser.getPageSource());
        assertTrue(page.select("table.replies tr").stream().anyMatch(row -> row.select("a[href='" + LEO_WANG_REPLY + "']").size() == 1
                && row.select("a[href='" + SANJAY_GUPTA_CONCERN + "']").size() == 1), "the table of replies lacks Leo Wang's reply");
        // The drawing itself: Cytoscape's model of what it drew, and where.
        Map<String, Object> edge = (Map<String, Object>) script("""
                const cy = arguments[0]._cyreg.cy;
                const e = cy.edges().filter(x => x.data('relation') === 'responds to'
                    && x.source().data('href') === arguments[1] && x.target().data('href') === arguments[2]);
                if (e.length !== 1) return null;
                const p = e.source().renderedPosition();
                return {x: p.x, y: p.y, width: arguments[0].clientWidth, height: arguments[0].clientHeight,
                        source: e.source().data('label'), target: e.target().data('label')};""", drawing, LEO_WANG_REPLY, SANJAY_GUPTA_CONCERN);
        assertTrue(edge != null, "the drawing has no edge from Leo Wang's reply to Sanjay Gupta's concern");
        assertTrue(((String) edge.get("source")).startsWith("Leo Wang:") && ((String) edge.get("target")).startsWith("Sanjay Gupta:"), edge.toString());
        assertEquals(Integer.parseInt(drawing.getAttribute("data-edges")), page.select("table.edges tbody tr").size(),
                "the drawing and the table of edges show the same network");
        screenshot("network");
        assertEquals(List.of(), consoleErrors(), "console errors on the network page");
        // Clicking the reply's node in the drawing opens its page.
        double x = ((Number) edge.get("x")).doubleValue() - ((Number) edge.get("width")).doubleValue() / 2;
        double y = ((Number) edge.get("y")).doubleValue() - ((Number) edge.get("height")).doubleValue() / 2;
        new Actions(browser).moveToElement(drawing, (int) Math.round(x), (int) Math.round(y)).click().perform();
        waiting().until(ExpectedConditions.urlToBe(base + LEO_WANG_REPLY));
        assertTrue(browser.findElement(By.id("responds-to")).isDisplayed());
        assertFalse(browser.findElements(By.cssSelector("ul.responses a[href='" + SANJAY_GUPTA_CONCERN + "']")).isEmpty());
    }

    /** The pages a researcher visits, by the name of their screenshot. */
    private static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("home", "/");
        PAGES.put("dataset", "/dataset");
        PAGES.put("query-empty", "/query");
        PAGES.put("timeline-page", "/timeline");
        PAGES.put("network-page", "/network");
        PAGES.put("ontology", "/ontology");
        PAGES.put("endpoint", "/kg/sparql");
        PAGES.put("person", "/id/person/leo-wang");
        PAGES.put("company", "/id/org/canaan");
        PAGES.put("reply", LEO_WANG_REPLY);
        PAGES.put("claim", ARTICLE_PATH + "/claim/top-three-producers");
        PAGES.put("evidence", ARTICLE_PATH + "/evidence/c2082-2229");
    }

    @Test
    @SuppressWarnings("unchecked")
    void noPageHasABrokenLocalLinkAConsoleErrorOrABasicAccessibilityFault() throws Exception {
        String check = resource("accessibility.js");
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Integer> status = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        consoleErrors();
        for (Map.Entry<String, String> page : PAGES.entrySet()) {
            open(page.getValue());
            waiting().until(d -> "complete".equals(script("return document.readyState")));
            // The pages that draw with a script say when they are done.
            if (!browser.findElements(By.cssSelector("[data-config], [data-items], [data-graph]")).isEmpty()) {
                waiting().until(d -> !browser.findElements(By.cssSelector("[data-state]")).isEmpty());
            }
            screenshot(page.getKey());
            for (String error : consoleErrors()) {
                problems.add(page.getValue() + ": console error: " + error);
            }
            for (String fault : (List<String>) script(check)) {
                problems.add(page.getValue() + ": " + fault);
            }
            String here = browser.getCurrentUrl();
            for (String href : (List<String>) script("return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
                    + ".filter(h => h.startsWith(location.origin))")) {
                String target = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
                if (target.equals(here) && href.contains("#") && (Boolean) script("return document.querySelector('a[role=tab][href=\"' + CSS.escape(arguments[0]) + '\"]') !== null",
                        href.substring(href.indexOf('#')))) {
                    // A tab of the query editor: a script selects it, and draws its panel when it is first selected.
                    continue;
                }
                if (target.equals(here) && href.contains("#")) {
                    // A link within the page, such as a tab of the query editor: its element is in the page as it is now.
                    if (script("return document.getElementById(arguments[0])", href.substring(href.indexOf('#') + 1)) == null) {
                        problems.add(page.getValue() + ": link to " + href + ": no element with that id in the page");
                    }
                    continue;
                }
                int code = status.computeIfAbsent(target, t -> statusOf(http, t));
                if (code != 200) {
                    problems.add(page.getValue() + ": link to " + href + " answers " + code);
                } else if (href.contains("#") && href.length() > href.indexOf('#') + 1) {
                    String id = java.net.URLDecoder.decode(href.substring(href.indexOf('#') + 1), StandardCharsets.UTF_8);
                    if (!anchorExists(http, target, id)) {
                        problems.add(page.getValue() + ": link to " + href + ": no element with that id");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @SuppressWarnings("unchecked")
    private static List<String> accessibilityFaults() {
        try {
            return (List<String>) script(resource("accessibility.js"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Map<String, Document> FETCHED = new LinkedHashMap<>();

    private static boolean anchorExists(HttpClient http, String url, String id) {
        Document page = FETCHED.computeIfAbsent(url, u -> {
            try {
                return Jsoup.parse(http.send(HttpRequest.newBuilder(URI.create(u)).header("Accept", "text/html").build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        return page.getElementById(id) != null;
    }

    private static int statusOf(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WorkbenchIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
