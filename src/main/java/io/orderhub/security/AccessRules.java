package io.orderhub.security;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which principals may use which API route, by route id. API clients (upstream systems) may use every order route
 * but not user management; people need one of the roles listed. A route not listed here is open to API clients
 * and to admins only, so a new route is never open to everyone by mistake: add it here.
 */
public final class AccessRules {

    private static final Set<Role> ANY_ROLE = EnumSet.allOf(Role.class);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

    /** Routes people may use, with the roles that may use them. */
    private static final Map<String, Set<Role>> USER_ROLES = Map.ofEntries(
            Map.entry("list-orders", ANY_ROLE),
            Map.entry("get-order", ANY_ROLE),
            Map.entry("get-document", ANY_ROLE),
            Map.entry("get-document-meta", ANY_ROLE),
            Map.entry("get-document-view", ANY_ROLE),
            Map.entry("get-document-edi", ANY_ROLE),
            Map.entry("console-queue", ANY_ROLE),
            Map.entry("console-queue-counts", ANY_ROLE),
            Map.entry("console-session", ANY_ROLE),
            // customer service corrects and resubmits; operations resubmits and retries
            Map.entry("resubmit-order", EnumSet.of(Role.OPERATIONS, Role.CUSTOMER_SERVICE, Role.ADMIN)),
            // people do not post orders as a rule; operations may, to replay one by hand
            Map.entry("http-intake", EnumSet.of(Role.OPERATIONS, Role.ADMIN)),
            // exception desk: customer service and operations correct, mark duplicates, reject
            Map.entry("list-exceptions", ANY_ROLE),
            Map.entry("correct-order", EnumSet.of(Role.OPERATIONS, Role.CUSTOMER_SERVICE, Role.ADMIN)),
            Map.entry("mark-duplicate", EnumSet.of(Role.OPERATIONS, Role.CUSTOMER_SERVICE, Role.ADMIN)),
            Map.entry("reject-order", EnumSet.of(Role.OPERATIONS, Role.CUSTOMER_SERVICE, Role.ADMIN)),
            // EDI acknowledgements: everyone reads; operations sends one again
            Map.entry("list-acknowledgements", ANY_ROLE),
            Map.entry("get-acknowledgement", ANY_ROLE),
            Map.entry("resend-acknowledgement", EnumSet.of(Role.OPERATIONS, Role.ADMIN)),
            // customer-service cases and dashboards (issue 5): every role
            Map.entry("open-case", ANY_ROLE),
            Map.entry("search-cases", ANY_ROLE),
            Map.entry("get-case", ANY_ROLE),
            Map.entry("add-case-note", ANY_ROLE),
            Map.entry("link-case-order", ANY_ROLE),
            Map.entry("unlink-case-order", ANY_ROLE),
            Map.entry("change-case-status", ANY_ROLE),
            Map.entry("kpi-widgets", ANY_ROLE),
            Map.entry("kpi-widget", ANY_ROLE),
            Map.entry("list-dashboards", ANY_ROLE),
            Map.entry("get-dashboard", ANY_ROLE),
            Map.entry("create-dashboard", ANY_ROLE),
            Map.entry("update-dashboard", ANY_ROLE),
            Map.entry("delete-dashboard", ANY_ROLE),
            // ERP settings: everyone sees whether delivery is paused and what waits; operations opens and closes an
            // ERP maintenance window, customer service does not
            Map.entry("erp-settings", ANY_ROLE),
            Map.entry("erp-pause", EnumSet.of(Role.OPERATIONS, Role.ADMIN)),
            Map.entry("erp-resume", EnumSet.of(Role.OPERATIONS, Role.ADMIN)),
            Map.entry("list-users", ADMIN),
            Map.entry("create-user", ADMIN));

    /** Routes API clients may not use: user management, sessions, and pausing the ERP (a person's decision). */
    private static final Set<String> PEOPLE_ONLY = Set.of("list-users", "create-user", "console-session",
            "erp-pause", "erp-resume");

    private AccessRules() {
    }

    /** Every route id listed here (for the role-matrix test, which must cover them all). */
    static Set<String> listedRoutes() {
        Set<String> all = new java.util.TreeSet<>(USER_ROLES.keySet());
        all.addAll(PEOPLE_ONLY);
        return all;
    }

    public static boolean allows(Principal principal, String routeId) {
        if (!principal.isUser()) {
            return !PEOPLE_ONLY.contains(routeId);
        }
        Set<Role> allowed = USER_ROLES.getOrDefault(routeId, ADMIN);
        return principal.roles().stream().anyMatch(allowed::contains);
    }
}
