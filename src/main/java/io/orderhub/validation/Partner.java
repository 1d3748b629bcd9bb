package io.orderhub.validation;

import java.util.List;

/** One partner profile from {@code mappings/partners.yaml}. */
public record Partner(
        String id,
        String name,
        Integer priority,
        Double slaHours,
        List<String> apiClients,
        List<Customer> customers,
        boolean anyCustomer,
        String catalogue,
        Double priceTolerancePercent,
        Webhook webhook,
        PartnerEdi edi,
        PartnerDrop drop,
        PartnerMail mail,
        PartnerCsv csv,
        PartnerSla sla,
        PartnerPdf pdf) {

    public Partner {
        apiClients = apiClients == null ? List.of() : List.copyOf(apiClients);
        customers = customers == null ? List.of() : List.copyOf(customers);
    }

    /**
     * A partner without an {@code sla:} block (its priority and slaHours, if any, are the agreement) and without a
     * {@code pdf:} template.
     */
    public Partner(String id, String name, Integer priority, Double slaHours, List<String> apiClients,
                   List<Customer> customers, boolean anyCustomer, String catalogue, Double priceTolerancePercent,
                   Webhook webhook, PartnerEdi edi, PartnerDrop drop, PartnerMail mail, PartnerCsv csv) {
        this(id, name, priority, slaHours, apiClients, customers, anyCustomer, catalogue, priceTolerancePercent,
                webhook, edi, drop, mail, csv, null, null);
    }

    /** A partner without a {@code pdf:} template. */
    public Partner(String id, String name, Integer priority, Double slaHours, List<String> apiClients,
                   List<Customer> customers, boolean anyCustomer, String catalogue, Double priceTolerancePercent,
                   Webhook webhook, PartnerEdi edi, PartnerDrop drop, PartnerMail mail, PartnerCsv csv,
                   PartnerSla sla) {
        this(id, name, priority, slaHours, apiClients, customers, anyCustomer, catalogue, priceTolerancePercent,
                webhook, edi, drop, mail, csv, sla, null);
    }

    /** A customer of the partner; its own {@code sla:} block, if any, overrides the partner's for its orders. */
    public record Customer(String id, String name, PartnerSla sla) {
        public Customer(String id, String name) {
            this(id, name, null);
        }
    }

    /** The customer with this identifier, if the partner lists it. */
    public java.util.Optional<Customer> customer(String customerId) {
        return customerId == null ? java.util.Optional.empty()
                : customers.stream().filter(c -> customerId.equals(c.id())).findFirst();
    }

    /** A web shop partner: the mapping format of its order webhooks and the name of its signing-secret property. */
    public record Webhook(String format) {
    }

    public boolean knowsCustomer(String customerId) {
        return customerId != null && customers.stream().anyMatch(c -> c.id().equals(customerId));
    }

    /**
     * The client name under which a partner speaks for itself, authenticated by the channel rather than by an API
     * key: a web-shop webhook signed with the partner's secret, a file from the partner's own drop.
     */
    public static String ownClient(String channel, String partnerId) {
        return channel + ":" + partnerId;
    }

    /** Channels whose {@link #ownClient own clients} authenticate the partner itself. */
    public static final List<String> OWN_CHANNELS = List.of("webhook-signature", "drop", "mail");

    /** Whether this client may send orders for this partner: a listed API client, or the partner itself. */
    public boolean allowsClient(String client) {
        return apiClients.contains(client)
                || OWN_CHANNELS.stream().anyMatch(channel -> ownClient(channel, id).equals(client));
    }
}
