package io.orderhub.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.testing.Browser;
import io.orderhub.testing.TestClock;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's exception desk, SLA badges, dashboards and cases in headless Chromium against the real hub (H2)
 * over loopback, logged in as customer service: fix a NEEDS_REVIEW order and see it DELIVERED, reject one, see a
 * correction refused because someone else changed the order, see a breached order's SLA badge, build and save a
 * dashboard and find it again after a reload, fetch a widget's CSV link, open a case from an order and see it on
 * the order's timeline. Screenshots go to target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleDeskBrowserTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestHub hub;
    static TestClock clock;
    static ChromeDriver browser;
    static WebDriverWait wait;
    static final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // ACME-SHOP's window is 4 hours: an order received 5 hours ago and still in review is breached
        clock = new TestClock(now.minus(Duration.ofHours(5)));
        hub = TestHub.start(TestHub.Db.H2, dir, Map.of("orderhub.sla.check-interval-ms", "100"), Map.of("clock", clock));
        ids.put("sla", post("PO-DESK-SLA"));
        clock.set(now);
        for (String po : new String[]{"PO-DESK-FIX", "PO-DESK-REJ", "PO-DESK-409"}) {
            ids.put(po, post(po));
        }
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        hub.awaitOrderStatus("PO-DESK-FIX", "NEEDS_REVIEW", Duration.ofSeconds(10));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                "BREACHED".equals(order(ids.get("sla")).path("sla").path("state").asText()));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (hub != null) {
            hub.close();
        }
    }

    /** An ACME order for an item (Z-999) that is not in ACME's catalogue: NEEDS_REVIEW (unknown-item). */
    static String post(String po) throws Exception {
        String body = """
                {"sender": "ACME-SHOP", "poNumber": "%s", "orderDate": "2026-11-26", "currency": "EUR",
                 "buyer": {"id": "4012345000009", "name": "Buyer"},
                 "shipTo": {"id": "4012345000016", "name": "ACME Lager Nord", "city": "Hamburg", "country": "DE"},
                 "lines": [{"lineNumber": 1, "buyerItem": "Z-999", "description": "Widget", "quantity": 5, "unit": "EA", "unitPrice": 12.50}]}
                """.formatted(po);
        HttpResponse<String> r = hub.post("/api/orders", "application/json", body, "X-API-Key", TestHub.KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return JSON.readTree(r.body()).path("orders").get(0).path("id").asText();
    }

    static JsonNode order(String id) {
        try {
            return JSON.readTree(hub.send(HttpRequest.newBuilder(hub.uri("/api/orders/" + id)).GET(), "X-API-Key", TestHub.KEY).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    static void go(String hash) {
        browser.get(hub.uri("/console/index.html" + hash).toString());
        browser.navigate().refresh();
    }

    static void openOrder(String id, String status) {
        go("#/orders/" + id);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-facts"), status));
    }

    @Test
    @Order(1)
    void exceptionDeskListsTheOrdersWithTheirReasons() {
        browser.get(hub.uri("/console/").toString());
        visible("#login-name").sendKeys("cs");
        browser.findElement(By.id("login-password")).sendKeys("cs-demo");
        browser.findElement(By.id("login-submit")).click();
        visible("#queue-view");

        browser.findElement(By.linkText("Exception desk")).click();
        visible("#exceptions-view");
        wait.until(d -> d.findElements(By.cssSelector("#x-table tbody tr")).size() == 4);
        WebElement row = browser.findElement(By.cssSelector("#x-table tbody tr[data-po='PO-DESK-FIX']"));
        assertThat(row.getText()).contains("NEEDS_REVIEW").contains("Z-999 is not in the partner's catalogue (unknown-item)");
        Browser.screenshot(browser, "10-exception-desk");

        browser.findElement(By.id("x-reason")).sendKeys("price-out-of-tolerance");
        browser.findElement(By.id("x-apply")).click();
        wait.until(d -> d.findElements(By.cssSelector("#x-table tbody tr")).isEmpty());
        browser.findElement(By.id("x-reason")).clear();
        browser.findElement(By.id("x-reason")).sendKeys("unknown-item");
        browser.findElement(By.id("x-apply")).click();
        wait.until(d -> d.findElements(By.cssSelector("#x-table tbody tr")).size() == 4);
    }

    @Test
    @Order(2)
    void breachedOrderShowsItsSlaBadgeAndIsFoundBySlaState() {
        go("#/queue");
        new Select(visible("#f-sla")).selectByValue("BREACHED");
        browser.findElement(By.id("f-apply")).click();
        wait.until(d -> d.findElements(By.cssSelector("#queue-table tbody tr")).size() == 1);
        WebElement row = browser.findElement(By.cssSelector("#queue-table tbody tr"));
        assertThat(row.getAttribute("data-po")).isEqualTo("PO-DESK-SLA");
        WebElement badge = row.findElement(By.cssSelector(".sla"));
        assertThat(badge.getAttribute("data-sla")).isEqualTo("BREACHED");
        assertThat(badge.getText()).isEqualTo("breached");
        Browser.screenshot(browser, "11-queue-sla-breached");

        new Select(browser.findElement(By.id("f-sla"))).selectByValue("ON_TRACK");
        browser.findElement(By.id("f-apply")).click();
        wait.until(d -> d.findElements(By.cssSelector("#queue-table tbody tr .sla[data-sla='ON_TRACK']")).size() == 3
                && d.findElements(By.cssSelector("#queue-table tbody tr")).size() == 3);
    }

    @Test
    @Order(3)
    void needsReviewOrderIsCorrectedAndDelivered() {
        openOrder(ids.get("PO-DESK-FIX"), "NEEDS_REVIEW");
        WebElement item = visible("#correct-fields input[data-pointer='/lines/0/buyerItem']");
        assertThat(item.getAttribute("value")).isEqualTo("Z-999");
        item.clear();
        item.sendKeys("A-100");
        Browser.screenshot(browser, "12-order-correction");
        browser.findElement(By.id("correct-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("desk-result"), "Corrected: now QUEUED"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            d.navigate().refresh();
            return new WebDriverWait(d, Duration.ofSeconds(5)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.id("order-facts"))).getText().contains("DELIVERED");
        });
        assertThat(browser.findElement(By.id("desk")).getAttribute("hidden")).isNotNull();
        WebElement corrected = browser.findElement(By.cssSelector("#events li[data-type='corrected']"));
        assertThat(corrected.getText()).contains("NEEDS_REVIEW \u2192 QUEUED").contains("by user:cs").contains("A-100");
        Browser.screenshot(browser, "13-order-corrected-delivered");
    }

    @Test
    @Order(4)
    void correctionThatStillHasProblemsStaysInReviewWithTheNewOnes() {
        openOrder(ids.get("PO-DESK-409"), "NEEDS_REVIEW");
        visible("#correct-fields input[data-pointer='/lines/0/buyerItem']").clear();
        browser.findElement(By.cssSelector("#correct-fields input[data-pointer='/lines/0/buyerItem']")).sendKeys("A-100");
        WebElement qty = browser.findElement(By.cssSelector("#correct-fields input[data-pointer='/lines/0/quantity']"));
        qty.clear();
        qty.sendKeys("0");
        browser.findElement(By.id("correct-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("desk-result"), "now NEEDS_REVIEW"));
        assertThat(browser.findElement(By.id("desk-result")).getText()).contains("still").contains("/lines/0/quantity");
    }

    @Test
    @Order(5)
    void correctionOfAnOrderSomeoneElseChangedIsRefused() {
        openOrder(ids.get("PO-DESK-409"), "NEEDS_REVIEW");
        visible("#correct-fields input[data-pointer='/lines/0/quantity']");
        // someone else corrects it meanwhile
        HttpResponse<String> other = hub.send(HttpRequest.newBuilder(hub.uri("/api/orders/" + ids.get("PO-DESK-409")))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"currency\": \"EUR\"}"))
                .header("Content-Type", "application/json"), "X-API-Key", TestHub.KEY);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        WebElement qty = browser.findElement(By.cssSelector("#correct-fields input[data-pointer='/lines/0/quantity']"));
        qty.clear();
        qty.sendKeys("5");
        browser.findElement(By.id("correct-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("desk-result"), "Changed by someone else"));
        Browser.screenshot(browser, "14-order-conflict");
        assertThat(order(ids.get("PO-DESK-409")).path("status").asText()).isEqualTo("NEEDS_REVIEW");
    }

    @Test
    @Order(6)
    void orderIsRejectedWithAReason() {
        openOrder(ids.get("PO-DESK-REJ"), "NEEDS_REVIEW");
        visible("#reject-reason").sendKeys("customer cancelled by phone");
        browser.findElement(By.id("reject-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-facts"), "REJECTED"));
        WebElement rejected = visible("#events li[data-type='rejected']");
        assertThat(rejected.getText()).contains("by user:cs").contains("customer cancelled by phone");
        assertThat(order(ids.get("PO-DESK-REJ")).path("status").asText()).isEqualTo("REJECTED");
        Browser.screenshot(browser, "15-order-rejected");
    }

    @Test
    @Order(7)
    void dashboardIsBuiltSavedFoundAgainAndExportedAsCsv() throws Exception {
        go("#/dashboards");
        visible("#w-received").click();
        browser.findElement(By.id("w-exception-reasons")).click();
        new Select(browser.findElement(By.id("d-groupby"))).selectByValue("status");
        browser.findElement(By.id("d-show")).click();
        WebElement received = visible(".widget[data-widget='received'] table.kpi");
        wait.until(d -> d.findElement(By.cssSelector(".widget[data-widget='received'] table.kpi")).getText().contains("REJECTED"));
        assertThat(received.getText()).contains("DELIVERED").contains("NEEDS_REVIEW");
        visible(".widget[data-widget='exception-reasons'] table.kpi");
        browser.findElement(By.id("d-name")).sendKeys("Desk morning");
        browser.findElement(By.id("d-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("d-result"), "Saved \"Desk morning\""));
        Browser.screenshot(browser, "16-dashboard");

        go("#/dashboards");
        wait.until(d -> d.findElements(By.cssSelector("#d-list option")).size() == 2);
        new Select(browser.findElement(By.id("d-list"))).selectByVisibleText("Desk morning");
        wait.until(d -> d.findElements(By.cssSelector(".widget table.kpi")).size() == 2);
        assertThat(browser.findElement(By.id("w-received")).isSelected()).isTrue();
        assertThat(new Select(browser.findElement(By.id("d-groupby"))).getFirstSelectedOption().getText()).isEqualTo("status");

        String href = browser.findElement(By.cssSelector(".widget[data-widget='received'] a.csv")).getAttribute("href");
        String cookie = "orderhub_session=" + browser.manage().getCookieNamed("orderhub_session").getValue();
        HttpResponse<String> csv = hub.send(HttpRequest.newBuilder(java.net.URI.create(href)).GET(), "Cookie", cookie);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst().orElse("")).contains("status");
        assertThat(csv.body()).contains("REJECTED").contains("DELIVERED");
    }

    @Test
    @Order(8)
    void caseIsOpenedFromAnOrderAndShownOnItsTimeline() {
        openOrder(ids.get("PO-DESK-REJ"), "REJECTED");
        visible("#case-title").sendKeys("Customer asks why PO-DESK-REJ was rejected");
        new Select(browser.findElement(By.id("case-kind"))).selectByValue("wrong-items");
        browser.findElement(By.id("case-note")).sendKeys("called on Friday");
        browser.findElement(By.id("open-case")).click();
        WebElement link = visible("#order-case-list li a");
        assertThat(link.getText()).isEqualTo("Customer asks why PO-DESK-REJ was rejected");
        wait.until(d -> !d.findElements(By.cssSelector("#events li[data-type='case-linked']")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#events li[data-type='case-linked']")).getText()).contains("by user:cs");
        Browser.screenshot(browser, "17-order-with-case");

        link.click();
        visible("#case-view");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-orders"), "PO-DESK-REJ"));
        assertThat(browser.findElement(By.id("case-notes")).getText()).contains("called on Friday");
        visible("#case-note-text").sendKeys("customer agreed to send a new order");
        browser.findElement(By.id("case-note-add")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-notes"), "customer agreed"));
        new Select(browser.findElement(By.id("case-status"))).selectByValue("RESOLVED");
        browser.findElement(By.id("case-status-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-action-result"), "Status: RESOLVED"));
        Browser.screenshot(browser, "18-case");

        go("#/cases");
        browser.findElement(By.id("c-q")).sendKeys("PO-DESK-REJ");
        browser.findElement(By.id("c-apply")).click();
        wait.until(d -> d.findElements(By.cssSelector("#c-table tbody tr")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#c-table tbody tr")).getText()).contains("RESOLVED").contains("PO-DESK-REJ");
        Browser.screenshot(browser, "19-cases");
        browser.findElement(By.cssSelector("#c-table tbody tr a")).click();
        visible("#case-orders a").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-title"), "PO-DESK-REJ"));
    }

    @Test
    @Order(9)
    void orderIsMarkedAsDuplicateFromTheExceptionDesk() throws Exception {
        // the customer sent PO-DESK-FIX again with a typo in the PO number: a second order nobody should deliver
        String copy = post("PO-DESK-FIX-AGAIN");
        hub.awaitOrderStatus("PO-DESK-FIX-AGAIN", "NEEDS_REVIEW", Duration.ofSeconds(10));
        go("#/exceptions");
        visible("#exceptions-view");
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#x-table tbody tr[data-po='PO-DESK-FIX-AGAIN'] a"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-title"), "PO-DESK-FIX-AGAIN"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-facts"), "NEEDS_REVIEW"));
        visible("#duplicate-of").sendKeys("PO-DESK-FIX");
        browser.findElement(By.id("duplicate-reason")).sendKeys("sent twice, PO number mistyped");
        browser.findElement(By.id("duplicate-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-facts"), "DUPLICATE"));
        WebElement marked = visible("#events li[data-type='marked-duplicate']");
        assertThat(marked.getText()).contains("NEEDS_REVIEW \u2192 DUPLICATE").contains("by user:cs")
                .contains("sent twice, PO number mistyped");
        // the page shows the duplicate's own actions now: no second "mark as duplicate"
        wait.until(d -> !d.findElement(By.id("duplicate-form")).isDisplayed());
        Browser.screenshot(browser, "20-order-marked-duplicate");

        JsonNode stored = order(copy);
        assertThat(stored.path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(stored.toString()).contains(ids.get("PO-DESK-FIX"));
        assertThat(stored.path("events").toString()).contains("\"actor\":\"user:cs\"");
    }
}
