package io.orderhub.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role matrix of the API, as one table: for every route id in {@link AccessRules} (and every route in routes/
 * that authenticates), a call to it without credentials is 401, and for each principal - the admin, operations and
 * customer-service demo users, and an API client - either 403 naming the route, or let through (any answer of the
 * route itself: 200, 201, 202, 400, 404, 409). Over real HTTP against the real hub (H2). The table states the
 * intended rights independently of AccessRules, so a change of a rule that the table does not share fails here.
 */
class RoleMatrixTest {

    @TempDir
    static Path dataDir;
    static TestHub hub;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ABSENT = UUID.randomUUID().toString();
    static String orderId;
    static String documentId;
    static Map<String, String[]> credentials;

    /** Who may: A = admin, O = operations, C = customer service, K = API client (X-API-Key). */
    record Row(String routeId, String method, String path, String body, String allowed) {
    }

    static List<Row> table() {
        String o = "/api/orders/" + orderId;
        String d = "/api/documents/" + documentId;
        return List.of(
                new Row("http-intake", "POST", "/api/orders", TestHub.canonicalOrder("PO-MATRIX-" + UUID.randomUUID()), "AOK"),
                new Row("list-orders", "GET", "/api/orders", null, "AOCK"),
                new Row("get-order", "GET", o, null, "AOCK"),
                new Row("resubmit-order", "POST", o + "/resubmit", "", "AOCK"),
                new Row("correct-order", "PATCH", o, "{\"currency\": \"EUR\"}", "AOCK"),
                new Row("mark-duplicate", "POST", o + "/mark-duplicate", "{\"duplicateOf\": \"" + ABSENT + "\"}", "AOCK"),
                new Row("reject-order", "POST", o + "/reject", "{\"reason\": \"matrix\"}", "AOCK"),
                new Row("list-exceptions", "GET", "/api/exceptions", null, "AOCK"),
                new Row("get-document", "GET", d, null, "AOCK"),
                new Row("get-document-meta", "GET", d + "/meta", null, "AOCK"),
                new Row("get-document-view", "GET", d + "/view", null, "AOCK"),
                new Row("get-document-edi", "GET", d + "/edi", null, "AOCK"),
                new Row("list-acknowledgements", "GET", d + "/acknowledgements", null, "AOCK"),
                new Row("get-acknowledgement", "GET", "/api/acknowledgements/" + ABSENT, null, "AOCK"),
                new Row("resend-acknowledgement", "POST", "/api/acknowledgements/" + ABSENT + "/resend", "", "AOK"),
                new Row("console-queue", "GET", "/api/queue", null, "AOCK"),
                new Row("console-queue-counts", "GET", "/api/queue/counts", null, "AOCK"),
                new Row("console-session", "GET", "/api/session", null, "AOC"),
                new Row("open-case", "POST", "/api/cases", "{}", "AOCK"),
                new Row("search-cases", "GET", "/api/cases", null, "AOCK"),
                new Row("get-case", "GET", "/api/cases/" + ABSENT, null, "AOCK"),
                new Row("add-case-note", "POST", "/api/cases/" + ABSENT + "/notes", "{\"text\": \"x\"}", "AOCK"),
                new Row("link-case-order", "POST", "/api/cases/" + ABSENT + "/orders", "{\"orderId\": \"" + orderId + "\"}", "AOCK"),
                new Row("unlink-case-order", "DELETE", "/api/cases/" + ABSENT + "/orders/" + orderId, null, "AOCK"),
                new Row("change-case-status", "PATCH", "/api/cases/" + ABSENT, "{\"status\": \"CLOSED\"}", "AOCK"),
                new Row("kpi-widgets", "GET", "/api/kpis", null, "AOCK"),
                new Row("kpi-widget", "GET", "/api/kpis/received", null, "AOCK"),
                new Row("list-dashboards", "GET", "/api/dashboards", null, "AOCK"),
                new Row("get-dashboard", "GET", "/api/dashboards/" + ABSENT, null, "AOCK"),
                new Row("create-dashboard", "POST", "/api/dashboards", "{}", "AOCK"),
                new Row("update-dashboard", "PUT", "/api/dashboards/" + ABSENT, "{}", "AOCK"),
                new Row("delete-dashboard", "DELETE", "/api/dashboards/" + ABSENT, null, "AOCK"),
                new Row("erp-settings", "GET", "/api/erp", null, "AOCK"),
                new Row("erp-pause", "POST", "/api/erp/pause", "", "AO"),
                new Row("erp-resume", "POST", "/api/erp/resume", "", "AO"),
                new Row("list-users", "GET", "/api/users", null, "A"),
                new Row("create-user", "POST", "/api/users", "{}", "A"));
    }

    @BeforeAll
    static void start() throws Exception {
        hub = TestHub.start(TestHub.Db.H2, dataDir, Map.of());
        String po = "PO-MATRIX-0";
        HttpResponse<String> r = hub.post("/api/orders", "application/json", TestHub.canonicalOrder(po), "X-API-Key", TestHub.KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(r.body());
        orderId = body.path("orders").get(0).path("id").asText();
        documentId = body.path("documentId").asText();
        // delivered: the exception-desk calls in the table then answer 409 and change nothing
        hub.awaitOrderStatus(po, "DELIVERED", Duration.ofSeconds(30));
        credentials = Map.of(
                "A", new String[]{"Cookie", hub.login("admin", "admin-demo")},
                "O", new String[]{"Cookie", hub.login("ops", "ops-demo")},
                "C", new String[]{"Cookie", hub.login("cs", "cs-demo")},
                "K", new String[]{"X-API-Key", TestHub.KEY});
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static HttpResponse<String> call(Row row, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(hub.uri(row.path())).timeout(Duration.ofSeconds(20))
                .method(row.method(), row.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(row.body()))
                .header("Content-Type", "application/json");
        return hub.send(b, headers);
    }

    @Test
    void everyRouteAnswers401WithoutCredentialsAnd403OrItsOwnAnswerPerPrincipal() {
        List<String> wrong = new ArrayList<>();
        for (Row row : table()) {
            String what = row.method() + " " + row.path() + " (" + row.routeId() + ")";
            HttpResponse<String> anonymous = call(row);
            if (anonymous.statusCode() != 401) {
                wrong.add(what + " without credentials: " + anonymous.statusCode() + " " + anonymous.body());
            }
            HttpResponse<String> badKey = call(row, "X-API-Key", "wrong");
            if (badKey.statusCode() != 401) {
                wrong.add(what + " with a wrong key: " + badKey.statusCode());
            }
            for (String who : List.of("A", "O", "C", "K")) {
                HttpResponse<String> r = call(row, credentials.get(who));
                boolean mayUse = row.allowed().contains(who);
                if (mayUse && (r.statusCode() == 401 || r.statusCode() == 403 || r.statusCode() >= 500)) {
                    wrong.add(what + " as " + who + ": expected to be let through, got " + r.statusCode() + " " + r.body());
                }
                if (!mayUse && !(r.statusCode() == 403 && r.body().contains("may not use " + row.routeId()))) {
                    wrong.add(what + " as " + who + ": expected 403 for " + row.routeId() + ", got " + r.statusCode()
                            + " " + r.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theTableCoversEveryRuleAndEveryAuthenticatedRoute() throws IOException {
        Set<String> inTable = table().stream().map(Row::routeId).collect(Collectors.toCollection(TreeSet::new));
        assertThat(inTable).as("route ids in AccessRules").containsAll(AccessRules.listedRoutes());
        assertThat(inTable).as("routes in routes/*.camel.yaml that call authenticate")
                .containsAll(authenticatedRoutes());
    }

    @Test
    void aPauseByOperationsIsRecordedWithTheirName() throws Exception {
        String ops = credentials.get("O")[1];
        HttpResponse<String> paused = hub.post("/api/erp/pause", "application/json", "", "Cookie", ops);
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
        HttpResponse<String> resumed = hub.post("/api/erp/resume", "application/json", "", "Cookie", ops);
        assertThat(resumed.statusCode()).isEqualTo(200);
        JsonNode erp = JSON.readTree(hub.get("/api/erp", "Cookie", credentials.get("C")[1]).body());
        assertThat(erp.path("delivery").path("paused").asBoolean()).isFalse();
        assertThat(erp.path("delivery").path("changedBy").asText()).isEqualTo("user:ops");
        assertThat(erp.path("history").get(0).path("actor").asText()).isEqualTo("user:ops");
        assertThat(erp.path("history").get(1).path("paused").asBoolean()).isTrue();
    }

    /** Route ids of routes/*.camel.yaml whose steps call ordersApi.authenticate. */
    static Set<String> authenticatedRoutes() throws IOException {
        Pattern route = Pattern.compile("- route:\\s*\\n\\s+id: ([\\w-]+)");
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".camel.yaml")).toList()) {
                String text = Files.readString(f);
                Matcher m = route.matcher(text);
                List<int[]> starts = new ArrayList<>();
                List<String> names = new ArrayList<>();
                while (m.find()) {
                    starts.add(new int[]{m.start()});
                    names.add(m.group(1));
                }
                for (int i = 0; i < names.size(); i++) {
                    int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
                    if (text.substring(starts.get(i)[0], end).contains("{ref: ordersApi, method: authenticate}")) {
                        ids.add(names.get(i));
                    }
                }
            }
        }
        assertThat(ids).as("the scan found the API routes").contains("http-intake", "erp-pause");
        return ids;
    }
}
