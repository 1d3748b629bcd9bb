package io.orderhub.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.erp.ErpSimulator;
import io.orderhub.testing.Browser;
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

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in headless Chromium against the real hub over loopback: log in, filter the queue, open orders
 * that came as canonical JSON, EDIFACT and a CSV sheet, click a canonical field and see its source highlighted in
 * the original, resubmit an ERP_FAILED order and see it DELIVERED. Screenshots go to target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestHub hub;
    static ChromeDriver browser;
    static WebDriverWait wait;
    static final Map<String, String> ids = new java.util.HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        Path partners = dir.resolve("partners.yaml");
        Files.writeString(partners, Files.readString(Path.of("mappings/partners.yaml"))
                + Files.readString(Path.of("src/test/resources/csv/nordlicht-partner.yaml")));
        // the partner file names its catalogues relative to itself
        Files.createDirectories(dir.resolve("catalogues"));
        try (var files = Files.list(Path.of("mappings/catalogues"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve("catalogues").resolve(f.getFileName().toString()));
            }
        }
        hub = TestHub.start(TestHub.Db.H2, dir, Map.of("orderhub.partners.file", partners.toAbsolutePath().toString(),
                "orderhub.http.api-keys", "demo=demo,csv-client=csv-key"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        ErpSimulator erp = hub.bean("erpSimulator", ErpSimulator.class);
        erp.mode(ErpSimulator.Mode.FAIL);
        ids.put("failed", accepted(hub.post("/api/orders", "application/json", TestHub.canonicalOrder("PO-BR-FAIL"), "X-API-Key", "demo")));
        hub.awaitOrderStatus("PO-BR-FAIL", "ERP_FAILED", Duration.ofSeconds(30));
        erp.mode(ErpSimulator.Mode.ACCEPT);
        ids.put("json", accepted(hub.post("/api/orders", "application/json", TestHub.canonicalOrder("PO-BR-JSON"), "X-API-Key", "demo")));
        String edi = new String(Files.readAllBytes(Path.of(
                "src/test/resources/corpus/edifact_orders/nerdocs__pydifact__order.edi")), StandardCharsets.ISO_8859_1)
                .replace("801715918011", "PO-BR-EDI");
        ids.put("edi", accepted(hub.post("/api/orders", "application/EDIFACT", edi, "X-API-Key", "demo")));
        String sheet;
        try (InputStream in = ConsoleBrowserTest.class.getResourceAsStream("/csv/nordlicht-orders.csv")) {
            sheet = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ids.put("csv", accepted(hub.post("/api/orders", "text/csv", sheet, "X-API-Key", "csv-key")));
        hub.awaitOrderStatus("PO-BR-JSON", "DELIVERED", Duration.ofSeconds(30));
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


    static String accepted(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return JSON.readTree(r.body()).path("orders").get(0).path("id").asText();
    }

    static WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    @Test
    @Order(1)
    void logsIn() {
        browser.get(hub.uri("/console/").toString());
        visible("#login-name").sendKeys("cs");
        browser.findElement(By.id("login-password")).sendKeys("wrong-password");
        Browser.screenshot(browser, "01-login");
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "wrong"));

        browser.findElement(By.id("login-password")).clear();
        browser.findElement(By.id("login-password")).sendKeys("cs-demo");
        browser.findElement(By.id("login-submit")).click();
        visible("#queue-view");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("whoami"), "cs (customer-service)"));
        assertThat(browser.manage().getCookieNamed("orderhub_session").isHttpOnly()).isTrue();
    }

    @Test
    @Order(2)
    void queueShowsCountsAndFilters() {
        wait.until(d -> d.findElements(By.cssSelector("#queue-table tbody tr")).size() >= 4);
        WebElement failedCount = visible("#counts-status li[data-key='ERP_FAILED']");
        assertThat(failedCount.getText()).startsWith("1");
        assertThat(visible("#counts-channel li[data-key='http']").getText()).startsWith("5");
        Browser.screenshot(browser, "02-queue");

        new Select(browser.findElement(By.id("f-status"))).selectByValue("ERP_FAILED");
        browser.findElement(By.id("f-apply")).click();
        wait.until(d -> d.findElements(By.cssSelector("#queue-table tbody tr")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#queue-table tbody tr")).getAttribute("data-po")).isEqualTo("PO-BR-FAIL");

        browser.findElement(By.id("f-clear")).click();
        browser.findElement(By.id("f-item")).sendKeys("B-10");
        browser.findElement(By.id("f-apply")).click();
        wait.until(d -> d.findElements(By.cssSelector("#queue-table tbody tr")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#queue-table tbody tr")).getAttribute("data-po")).isEqualTo("NL-4712");
        Browser.screenshot(browser, "03-queue-filtered-by-item");

        browser.findElement(By.id("f-clear")).click();
        browser.findElement(By.id("f-po")).sendKeys("PO-BR-EDI");
        browser.findElement(By.id("f-apply")).click();
        wait.until(d -> d.findElements(By.cssSelector("#queue-table tbody tr")).size() == 1
                && "PO-BR-EDI".equals(d.findElement(By.cssSelector("#queue-table tbody tr")).getAttribute("data-po")));
    }

    /** Opens an order from the queue by its PO number and clicks one canonical field. */
    WebElement clickField(String po, String pointer) {
        browser.get(hub.uri("/console/index.html#/queue").toString());
        browser.navigate().refresh();
        WebElement poFilter = visible("#f-po");
        poFilter.clear();
        poFilter.sendKeys(po);
        browser.findElement(By.id("f-apply")).click();
        wait.until(d -> d.findElements(By.cssSelector("#queue-table tbody tr[data-po='" + po + "']")).size() == 1
                && d.findElements(By.cssSelector("#queue-table tbody tr")).size() == 1);
        browser.findElement(By.cssSelector("#queue-table tbody tr a")).click();
        visible("#order-view");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-title"), po));
        wait.until(d -> !d.findElement(By.id("original")).getText().isBlank());
        visible("#canonical tr.field[data-pointer='" + pointer + "']").click();
        return visible("#original .hl");
    }

    @Test
    @Order(3)
    void jsonOrderHighlightsTheNodeAtThePointer() {
        WebElement source = clickField("PO-BR-JSON", "/lines/0/quantity");
        assertThat(source.getAttribute("data-ptr")).isEqualTo("/lines/0/quantity");
        assertThat(source.getText()).isEqualTo("5");
        assertThat(browser.findElement(By.id("provenance-note")).getText()).contains("json-pointer /lines/0/quantity");
        assertThat(browser.findElements(By.cssSelector("#events li")).size()).isGreaterThanOrEqualTo(3);
        Browser.screenshot(browser, "04-order-json");
    }

    @Test
    @Order(4)
    void edifactOrderHighlightsTheSegmentElement() {
        WebElement source = clickField("PO-BR-EDI", "/poNumber");
        assertThat(source.getText()).isEqualTo("PO-BR-EDI");
        WebElement segment = source.findElement(By.xpath("ancestor::div[contains(@class,'seg')]"));
        assertThat(segment.getAttribute("data-tag")).isEqualTo("BGM");
        assertThat(segment.getText()).contains("Beginning of message");
        Browser.screenshot(browser, "05-order-edifact");

        WebElement quantity = visible("#canonical tr.field[data-pointer='/lines/0/quantity']");
        quantity.click();
        WebElement qty = visible("#original .hl");
        assertThat(qty.getText()).isEqualTo("8");
        assertThat(qty.findElement(By.xpath("ancestor::div[contains(@class,'seg')]")).getAttribute("data-tag")).isEqualTo("QTY");
    }

    @Test
    @Order(5)
    void csvOrderHighlightsTheCell() {
        WebElement cell = clickField("NL-4711", "/lines/1/quantity");
        assertThat(cell.getTagName()).isEqualTo("td");
        assertThat(cell.getAttribute("data-row")).isEqualTo("3");
        assertThat(cell.getAttribute("data-col")).isEqualTo("G");
        assertThat(cell.getText()).isEqualTo("800");
        Browser.screenshot(browser, "06-order-csv");
    }

    @Test
    @Order(6)
    void erpFailedOrderIsResubmittedAndDelivered() {
        browser.get(hub.uri("/console/index.html#/orders/" + ids.get("failed")).toString());
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-facts"), "ERP_FAILED"));
        assertThat(browser.findElement(By.id("problems")).getText()).contains("HTTP 503");
        Browser.screenshot(browser, "07-order-erp-failed");
        visible("#resubmit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-result"), "ERP_FAILED \u2192 QUEUED"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            d.navigate().refresh();
            return new WebDriverWait(d, Duration.ofSeconds(5)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.id("order-facts"))).getText().contains("DELIVERED");
        });
        assertThat(browser.findElement(By.id("events")).getText()).contains("resubmitted").contains("by user:cs");
        Browser.screenshot(browser, "08-order-resubmitted-delivered");
    }
}
