package io.orderhub.edi.ack;

/**
 * Who an outbound interchange is from and to: the hub's own interchange id and qualifier, and the partner's (the
 * inbound interchange's sender, so sender and receiver are swapped).
 */
public record Parties(String ownId, String ownQualifier, String partnerId, String partnerQualifier) {
}
