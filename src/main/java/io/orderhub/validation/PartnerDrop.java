package io.orderhub.validation;

/**
 * Where a partner drops files for the hub (the {@code drop:} block of a partner in partners.yaml).
 *
 * @param uri the folder to poll, e.g. {@code file:data/inbox/acme}
 */
public record PartnerDrop(String uri) {
}
