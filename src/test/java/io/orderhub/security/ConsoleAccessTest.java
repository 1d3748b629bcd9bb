package io.orderhub.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.erp.ErpSimulator;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users, sessions and roles over real HTTP against the real hub (H2): every protected endpoint answers 401 without
 * credentials and 403 to a role that may not use it; sessions are HttpOnly SameSite=Strict cookies that log out.
 */
class ConsoleAccessTest {

    @TempDir
    static Path dataDir;
    static TestHub hub;
    static final ObjectMapper JSON = new ObjectMapper();
    static String orderId;
    static String documentId;
    static final String ABSENT = UUID.randomUUID().toString();

    /** Every protected endpoint: method, path. */
    static List<String[]> endpoints() {
        return List.of(
                new String[]{"POST", "/api/orders"},
                new String[]{"GET", "/api/orders"},
                new String[]{"GET", "/api/orders/" + orderId},
                new String[]{"POST", "/api/orders/" + orderId + "/resubmit"},
                new String[]{"GET", "/api/documents/" + documentId},
                new String[]{"GET", "/api/documents/" + documentId + "/meta"},
                new String[]{"GET", "/api/documents/" + documentId + "/view"},
                new String[]{"GET", "/api/queue"},
                new String[]{"GET", "/api/queue/counts"},
                new String[]{"GET", "/api/exceptions"},
                new String[]{"PATCH", "/api/orders/" + orderId},
                new String[]{"POST", "/api/orders/" + orderId + "/mark-duplicate"},
                new String[]{"POST", "/api/orders/" + orderId + "/reject"},
                new String[]{"GET", "/api/kpis"},
                new String[]{"GET", "/api/kpis/received"},
                new String[]{"GET", "/api/dashboards"},
                new String[]{"POST", "/api/dashboards"},
                new String[]{"GET", "/api/dashboards/" + ABSENT},
                new String[]{"PUT", "/api/dashboards/" + ABSENT},
                new String[]{"DELETE", "/api/dashboards/" + ABSENT},
                new String[]{"GET", "/api/cases"},
                new String[]{"POST", "/api/cases"},
                new String[]{"GET", "/api/cases/" + ABSENT},
                new String[]{"PATCH", "/api/cases/" + ABSENT},
                new String[]{"POST", "/api/cases/" + ABSENT + "/notes"},
                new String[]{"GET", "/api/session"},
                new String[]{"GET", "/api/users"},
                new String[]{"POST", "/api/users"});
    }

    @BeforeAll
    static void start() throws Exception {
        hub = TestHub.start(TestHub.Db.H2, dataDir, Map.of());
        HttpResponse<String> r = hub.post("/api/orders", "application/json", TestHub.canonicalOrder("PO-ACCESS-1"), "X-API-Key", TestHub.KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(r.body());
        orderId = body.path("orders").get(0).path("id").asText();
        documentId = body.path("documentId").asText();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }


    static HttpResponse<String> call(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(hub.uri(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        return hub.send(b, headers);
    }

    @Test
    void everyProtectedEndpointAnswers401WithoutCredentials() {
        for (String[] e : endpoints()) {
            HttpResponse<String> r = call(e[0], e[1], "{}");
            assertThat(r.statusCode()).as(e[0] + " " + e[1] + ": " + r.body()).isEqualTo(401);
            assertThat(r.body()).contains("no credentials");
        }
    }

    @Test
    void aWrongKeyOrAnUnknownSessionIs401() {
        for (String[] e : endpoints()) {
            assertThat(call(e[0], e[1], "{}", "X-API-Key", "wrong").statusCode()).as(e[1]).isEqualTo(401);
            assertThat(call(e[0], e[1], "{}", "Cookie", "orderhub_session=made-up").statusCode()).as(e[1]).isEqualTo(401);
        }
    }

    @Test
    void rolesAreEnforcedPerEndpoint() {
        String cs = hub.login("cs", "cs-demo");
        String ops = hub.login("ops", "ops-demo");
        String admin = hub.login("admin", "admin-demo");
        String newUser = "{\"name\":\"u" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"password\":\"long-enough-1\",\"roles\":[\"operations\"]}";
        // reads: every role
        for (String cookie : List.of(cs, ops, admin)) {
            for (String path : List.of("/api/orders", "/api/orders/" + orderId, "/api/documents/" + documentId,
                    "/api/documents/" + documentId + "/meta", "/api/documents/" + documentId + "/view", "/api/queue",
                    "/api/queue/counts", "/api/session")) {
                assertThat(call("GET", path, null, "Cookie", cookie).statusCode()).as(path).isEqualTo(200);
            }
        }
        // posting orders: not customer service
        HttpResponse<String> csPost = call("POST", "/api/orders", TestHub.canonicalOrder("PO-CS-1"), "Cookie", cs);
        assertThat(csPost.statusCode()).isEqualTo(403);
        assertThat(csPost.body()).contains("user:cs").contains("customer-service").contains("http-intake");
        assertThat(call("POST", "/api/orders", TestHub.canonicalOrder("PO-OPS-1"), "Cookie", ops).statusCode()).isEqualTo(202);
        // users: admins only; API clients are not people and manage no users
        for (String cookie : List.of(cs, ops)) {
            assertThat(call("GET", "/api/users", null, "Cookie", cookie).statusCode()).isEqualTo(403);
            assertThat(call("POST", "/api/users", newUser, "Cookie", cookie).statusCode()).isEqualTo(403);
        }
        assertThat(call("GET", "/api/users", null, "X-API-Key", TestHub.KEY).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/users", newUser, "X-API-Key", TestHub.KEY).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/session", null, "X-API-Key", TestHub.KEY).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/users", null, "Cookie", admin).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/users", newUser, "Cookie", admin).statusCode()).isEqualTo(201);
        // resubmit: every role may (409 here: the order is not ERP_FAILED), API clients too
        for (String cookie : List.of(cs, ops, admin)) {
            assertThat(call("POST", "/api/orders/" + orderId + "/resubmit", "", "Cookie", cookie).statusCode())
                    .isIn(202, 409);
        }
    }

    @Test
    void everyRoleWorksTheExceptionDeskCasesAndDashboardsAndOnlyAdminsManageUsers() throws Exception {
        for (String[] user : List.of(new String[]{"cs", "cs-demo"}, new String[]{"ops", "ops-demo"}, new String[]{"admin", "admin-demo"})) {
            String cookie = hub.login(user[0], user[1]);
            for (String path : List.of("/api/exceptions", "/api/kpis", "/api/kpis/received?groupBy=status",
                    "/api/kpis/exception-reasons", "/api/dashboards", "/api/cases")) {
                assertThat(call("GET", path, null, "Cookie", cookie).statusCode()).as(user[0] + " " + path).isEqualTo(200);
            }
            HttpResponse<String> dashboard = call("POST", "/api/dashboards", "{\"name\": \"d-" + user[0]
                    + "\", \"definition\": {\"widgets\": [{\"widget\": \"received\"}]}}", "Cookie", cookie);
            assertThat(dashboard.statusCode()).as(user[0] + ": " + dashboard.body()).isEqualTo(201);
            HttpResponse<String> opened = call("POST", "/api/cases", "{\"title\": \"asked by " + user[0]
                    + "\", \"kind\": \"other\", \"orderIds\": [\"" + orderId + "\"]}", "Cookie", cookie);
            assertThat(opened.statusCode()).as(user[0] + ": " + opened.body()).isEqualTo(201);
            // the desk's actions are allowed (the answer is about the order, not the role: it is not in review)
            assertThat(call("POST", "/api/orders/" + orderId + "/reject", "{\"reason\": \"x\"}", "Cookie", cookie)
                    .statusCode()).as(user[0]).isNotIn(401, 403);
            assertThat(call("PATCH", "/api/orders/" + orderId, "{\"currency\": \"EUR\"}", "Cookie", cookie)
                    .statusCode()).as(user[0]).isNotIn(401, 403);
            // and a person's dashboards are their own
            String id = JSON.readTree(dashboard.body()).path("id").asText();
            for (String[] other : List.of(new String[]{"cs", "cs-demo"}, new String[]{"ops", "ops-demo"})) {
                if (!other[0].equals(user[0])) {
                    assertThat(call("GET", "/api/dashboards/" + id, null, "Cookie", hub.login(other[0], other[1])).statusCode())
                            .isEqualTo(404);
                }
            }
        }
        for (String[] user : List.of(new String[]{"cs", "cs-demo"}, new String[]{"ops", "ops-demo"})) {
            assertThat(call("GET", "/api/users", null, "Cookie", hub.login(user[0], user[1])).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void loginSetsAStrictHttpOnlyCookieAndLogoutEndsTheSession() throws Exception {
        HttpResponse<String> wrong = call("POST", "/api/session", "{\"name\":\"ops\",\"password\":\"nope\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(call("POST", "/api/session", "{\"name\":\"nobody\",\"password\":\"ops-demo\"}").statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/session", "not json").statusCode()).isEqualTo(400);

        HttpResponse<String> ok = call("POST", "/api/session", "{\"name\":\"ops\",\"password\":\"ops-demo\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("orderhub_session=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/").contains("Max-Age=28800").doesNotContain("Secure");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertThat(cookie.length()).isGreaterThan("orderhub_session=".length() + 40);
        JsonNode me = JSON.readTree(call("GET", "/api/session", null, "Cookie", cookie).body());
        assertThat(me.path("actor").asText()).isEqualTo("user:ops");
        assertThat(me.path("roles").toString()).isEqualTo("[\"operations\"]");

        HttpResponse<String> out = call("DELETE", "/api/session", null, "Cookie", cookie);
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(call("GET", "/api/queue", null, "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void passwordsAreStoredAsSaltedPbkdf2Hashes() {
        List<String> hashes = hub.bean("database", io.orderhub.support.Database.class).read(c -> {
            List<String> h = new java.util.ArrayList<>();
            try (var ps = c.prepareStatement("select password_hash from console_users where name in ('ops', 'cs')");
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    h.add(rs.getString(1));
                }
            }
            return h;
        });
        assertThat(hashes).hasSize(2).allSatisfy(h -> assertThat(h).startsWith("pbkdf2-sha256$10000$")
                .doesNotContain("demo"));
        assertThat(hashes.get(0).split("\\$")[2]).isNotEqualTo(hashes.get(1).split("\\$")[2]);
    }

    @Test
    void adminCreatesUsersWhoCanLogInAndBadInputIsNamed() throws Exception {
        String admin = hub.login("admin", "admin-demo");
        HttpResponse<String> bad = call("POST", "/api/users",
                "{\"name\":\"x\",\"password\":\"short\",\"roles\":[\"operations\",\"boss\"]}", "Cookie", admin);
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode problems = JSON.readTree(bad.body()).path("problems");
        assertThat(problems.findValuesAsText("path")).containsExactly("/name", "/password", "/roles/1");
        assertThat(bad.body()).contains("'boss' is not a role");

        HttpResponse<String> created = call("POST", "/api/users",
                "{\"name\":\"carla\",\"password\":\"carla-pass-1\",\"roles\":[\"customer-service\"]}", "Cookie", admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("createdBy").asText()).isEqualTo("user:admin");
        assertThat(call("POST", "/api/users",
                "{\"name\":\"carla\",\"password\":\"carla-pass-2\",\"roles\":[\"admin\"]}", "Cookie", admin).statusCode())
                .isEqualTo(409);
        String carla = hub.login("carla", "carla-pass-1");
        assertThat(call("GET", "/api/queue", null, "Cookie", carla).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/users", null, "Cookie", carla).statusCode()).isEqualTo(403);
    }

    @Test
    void aPersonsResubmitIsRecordedWithTheirName() throws Exception {
        ErpSimulator erp = hub.bean("erpSimulator", ErpSimulator.class);
        erp.mode(ErpSimulator.Mode.REJECT);
        try {
            JsonNode accepted = JSON.readTree(hub.post("/api/orders", "application/json", TestHub.canonicalOrder("PO-ACCESS-2"),
                    "X-API-Key", TestHub.KEY).body());
            String id = accepted.path("orders").get(0).path("id").asText();
            hub.awaitOrderStatus("PO-ACCESS-2", "ERP_REJECTED", Duration.ofSeconds(20));
            erp.mode(ErpSimulator.Mode.ACCEPT);
            String ops = hub.login("ops", "ops-demo");
            assertThat(call("POST", "/api/orders/" + id + "/resubmit", "", "Cookie", ops).statusCode()).isEqualTo(202);
            hub.awaitOrderStatus("PO-ACCESS-2", "DELIVERED", Duration.ofSeconds(20));
            JsonNode order = JSON.readTree(hub.get("/api/orders/" + id, "Cookie", ops).body());
            List<String> actors = order.path("events").findValuesAsText("actor");
            assertThat(actors).contains("user:ops");
        } finally {
            erp.reset();
        }
    }

    @Test
    void consoleFilesAreServedWithAContentSecurityPolicyAndNothingElse() {
        HttpResponse<String> page = hub.get("/console/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(hub.get("/console/app.js").headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(hub.get("/console/").statusCode()).isEqualTo(302);
        for (String path : List.of("/console/../application.properties", "/console/%2e%2e/application.properties",
                "/console/nothing.html", "/console/db/migration/V1__queue_schema.sql")) {
            assertThat(hub.get(path).statusCode()).as(path).isIn(400, 404);
        }
        // a stored original is never run: no sniffing, and a sandbox unless it is a PDF
        HttpResponse<String> doc = hub.get("/api/documents/" + documentId, "X-API-Key", TestHub.KEY);
        assertThat(doc.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("sandbox");
        assertThat(doc.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
}
