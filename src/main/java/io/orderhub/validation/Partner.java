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
        PartnerDrop drop) {

    public Partner {
        apiClients = apiClients == null ? List.of() : List.copyOf(apiClients);
        customers = customers == null ? List.of() : List.copyOf(customers);
    }

    public record Customer(String id, String name) {
    }

    /** A web shop partner: the mapping format of its order webhooks and the name of its signing-secret property. */
    public record Webhook(String format) {
    }

    public boolean knowsCustomer(String customerId) {
        return customerId != null && customers.stream().anyMatch(c -> c.id().equals(customerId));
    }

    public boolean allowsClient(String client) {
        return apiClients.contains(client);
    }
}
