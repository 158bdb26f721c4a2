package io.akhbar.e2e;

import io.akhbar.localstack.LocalStack;
import io.akhbar.localstack.LocalStackExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The web UI at {@code /} in a real (headless) Chromium, against the three services on real Kafka and
 * Elasticsearch: what a reader sees after articles went through the whole pipeline.
 */
@ExtendWith(LocalStackExtension.class)
class WebUiIT {

    private static final Path SAMPLES = Path.of("../samples");
    private static final Duration UI_TIMEOUT = Duration.ofSeconds(30);

    private static LocalStack stack;
    private static Browser browser;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private WebDriver driver;

    @BeforeAll
    static void startBrowserAndServices() throws Exception {
        browser = Browser.start();
        stack = LocalStack.sharedWithServices();
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void freshPage() {
        driver = browser.driver();
        browser.consoleMessages();
    }

    @Test
    void aSearchShowsTheHighlightedHitRightToLeftUnderAStrictPolicy() throws Exception {
        String id = submit(Map.of("title", "ويتكوف وكوشنر في موسكو ثم دافوس",
                "body", Files.readString(SAMPLES.resolve("witkoff-kushner-moscow-davos.ar.txt")),
                "source", "عينة", "url", "https://example.com/e2e/webui/davos", "publishedAt", "2026-01-22T10:15:30Z"));
        awaitSearchable("دافوس", id);

        open("/?q=" + encode("دافوس"));
        WebElement hit = awaitElement(By.cssSelector(".hit[data-id='" + id + "']"));

        assertThat(texts(hit, By.cssSelector(".snippet mark"))).contains("دافوس");
        assertThat(texts(hit, By.cssSelector(".hit-title mark"))).contains("دافوس");
        assertThat(hit.findElement(By.cssSelector(".source")).getText()).isEqualTo("عينة");
        assertThat(hit.findElement(By.cssSelector("time")).getText()).isNotBlank();
        assertThat(hit.findElements(By.cssSelector(".chips .chip"))).isNotEmpty();
        WebElement html = driver.findElement(By.tagName("html"));
        assertThat(html.getAttribute("dir")).isEqualTo("rtl");
        assertThat(html.getAttribute("lang")).isEqualTo("ar");
        assertThat(hit.getCssValue("direction")).isEqualTo("rtl");
        Path screenshot = browser.screenshot("results");
        assertThat(screenshot).isNotEmptyFile();

        HttpResponse<String> page = get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("script-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));
    }

    @Test
    void aSourceFacetNarrowsTheResultsAndItsChipTakesItBack() throws Exception {
        String word = uniqueWord();
        String first = "مصدر أول " + word.substring(word.length() - 4);
        String second = "مصدر ثان " + word.substring(word.length() - 4);
        String one = submit(Map.of("title", "اجتماع في الرباط " + word, "body", "خبر أول عن " + word + " في الرباط.",
                "source", first, "url", "https://example.com/e2e/webui/" + word + "/1"));
        String two = submit(Map.of("title", "اجتماع في عمان " + word, "body", "خبر ثان عن " + word + " في عمان.",
                "source", second, "url", "https://example.com/e2e/webui/" + word + "/2"));
        awaitSearchable(word, one, two);

        open("/?q=" + encode(word));
        await().atMost(UI_TIMEOUT).until(() -> hitIds(), ids -> ids.size() == 2);
        WebElement facet = awaitElement(By.xpath("//section[@data-facet='sources']//button[.//span[text()='" + first + "']]"));
        facet.click();

        await().atMost(UI_TIMEOUT).until(() -> hitIds(), ids -> ids.equals(List.of(one)));
        WebElement chip = awaitElement(By.cssSelector("#active-filters .filter-chip[data-param='source']"));
        assertThat(chip.getText()).contains(first);
        assertThat(driver.getCurrentUrl()).contains("source=");
        assertThat(awaitElement(By.xpath("//section[@data-facet='sources']//button[@aria-pressed='true']")).getText())
                .contains(first);

        chip.findElement(By.cssSelector(".chip-remove")).click();
        await().atMost(UI_TIMEOUT).until(() -> hitIds(), ids -> ids.size() == 2);
        assertThat(driver.findElements(By.cssSelector("#active-filters .filter-chip"))).isEmpty();
    }

    @Test
    void theLivePanelShowsANewMatchingArticleAsSoonAsItIsIndexed() throws Exception {
        String word = uniqueWord();
        open("/?q=" + encode(word));
        awaitElement(By.cssSelector("#live-state[data-state='live']"));

        String title = "خبر عاجل " + word;
        String id = submit(Map.of("title", title, "body", "تفاصيل الخبر العاجل " + word + " من العاصمة.",
                "url", "https://example.com/e2e/webui/live/" + word));

        WebElement item = awaitElement(By.cssSelector("#live-list .live-item[data-id='" + id + "']"));
        assertThat(item.findElement(By.cssSelector(".live-title")).getText()).isEqualTo(title);
        item.findElement(By.cssSelector(".live-title")).click();
        assertThat(awaitElement(By.cssSelector("#article h1")).getText()).isEqualTo(title);
    }

    @Test
    void markupInArticlesIsShownAsTextAndNeverRuns() throws Exception {
        String word = uniqueWord();
        String script = "<script>window.__xss=1</script>";
        String image = "<img src=x onerror=\"window.__xss=1\">";
        String link = "<a href=\"javascript:window.__xss=1\">اضغط هنا</a>";
        String title = "عنوان " + script + " " + word;
        String body = "نص الخبر " + word + " فيه صورة " + image + " ورابط " + link + " وعنوان javascript:window.__xss=1 أيضا.";
        String id = submit(Map.of("title", title, "body", body, "source", "مصدر " + image,
                "url", "https://example.com/e2e/webui/xss/" + word));
        awaitSearchable(word, id);

        open("/?q=" + encode(word));
        WebElement hit = awaitElement(By.cssSelector(".hit[data-id='" + id + "']"));
        assertThat(hit.findElement(By.cssSelector(".hit-title")).getText()).isEqualTo(title);
        assertThat(String.join(" ", texts(hit, By.cssSelector(".snippet")))).contains(image);
        assertThat(hit.findElement(By.cssSelector(".source")).getText()).isEqualTo("مصدر " + image);
        assertInert();

        hit.findElement(By.cssSelector(".hit-title a")).click();
        WebElement article = awaitElement(By.cssSelector("#article .article-inner[data-id='" + id + "']"));
        assertThat(article.findElement(By.cssSelector("h1")).getText()).isEqualTo(title);
        assertThat(article.findElement(By.cssSelector(".article-body")).getText())
                .contains(image, link, "javascript:window.__xss=1 أيضا");
        assertInert();
    }

    @Test
    void theOpsPanelShowsEveryStageFromIngestToElasticsearch() {
        open("/ops");

        await().atMost(UI_TIMEOUT).ignoreException(StaleElementReferenceException.class).until(
                () -> driver.findElements(By.cssSelector("#stages .stage")).stream()
                        .map(stage -> stage.getAttribute("data-stage")).toList(),
                stages -> stages.equals(List.of("ingest", "enrichment", "indexing", "elasticsearch")));
        assertThat(driver.findElements(By.cssSelector("#stages .stage")))
                .allSatisfy(stage -> assertThat(stage.getAttribute("data-level")).isIn("ok", "warn", "alert"));
        assertThat(driver.findElement(By.cssSelector("#stages .stage[data-stage='indexing'] h3")).getText())
                .isEqualTo("الفهرسة");
        assertThat(driver.findElement(By.id("ops-overall")).getText()).isNotBlank();
        awaitElement(By.cssSelector("#chart-rates svg path.series"));
        assertThat(driver.findElement(By.id("ops-error")).isDisplayed()).isFalse();
    }

    /** No payload ran: no flag, no alert, no element a payload could have created. */
    private void assertInert() {
        Object flag = ((JavascriptExecutor) driver).executeScript("return typeof window.__xss;");
        assertThat(flag).isEqualTo("undefined");
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.findElements(By.cssSelector("main script, main img, main iframe, a[href^='javascript']")))
                .isEmpty();
    }

    private void open(String route) {
        // A fresh document each time: a hash change alone would keep the previous test's page state.
        driver.get("about:blank");
        driver.get(stack.serviceUrl("search-service") + "/#" + route);
    }

    private WebElement awaitElement(By locator) {
        return await().atMost(UI_TIMEOUT).ignoreException(StaleElementReferenceException.class)
                .until(() -> driver.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst().orElse(null),
                        element -> element != null);
    }

    /** The ids of the results shown; none while the list is being redrawn (its old elements are gone). */
    private List<String> hitIds() {
        try {
            return driver.findElements(By.cssSelector("#results .hit")).stream().map(e -> e.getAttribute("data-id")).toList();
        } catch (StaleElementReferenceException redrawn) {
            return List.of();
        }
    }

    private static List<String> texts(WebElement root, By locator) {
        return root.findElements(locator).stream().map(WebElement::getText).toList();
    }

    private static String uniqueWord() {
        return "كلمةواجهة" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private String submit(Map<String, String> article) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(stack.serviceUrl("ingest-service") + "/api/v1/articles"))
                        .header("Content-Type", "application/json")
                        .header(LocalStack.API_KEY_HEADER, stack.apiKey())
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(article)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readTree(response.body()).path("id").asString();
    }

    /** Waits until the search API finds every one of the ids for the word: then the page can show them. */
    private void awaitSearchable(String word, String... ids) {
        Callable<List<String>> found = () -> {
            HttpResponse<String> response = get("/api/v1/search?size=50&q=" + encode(word));
            if (response.statusCode() != 200) {
                return List.of();
            }
            JsonNode hits = json.readTree(response.body()).path("hits");
            return hits.findValuesAsString("id");
        };
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(found, hits -> hits.containsAll(List.of(ids)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.serviceUrl("search-service") + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
