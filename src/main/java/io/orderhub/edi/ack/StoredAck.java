package io.orderhub.edi.ack;

import java.time.Instant;
import java.util.UUID;

/**
 * An acknowledgement or order response the hub wrote (a row of {@code edi_acknowledgements}).
 *
 * @param subject        what it answers, unique per document: {@code interchange 1 UNB 1001}, {@code order <id>}
 * @param kind           {@code CONTRL}, {@code 997}, {@code 999}, {@code ORDRSP} or {@code 855}
 * @param answeredNumber the control number of the inbound interchange it answers
 * @param controlNumber  its own interchange control number
 * @param destination    the endpoint it is sent to ({@code direct:edi-out-<partner>}), or null when it is only kept
 *                       for the API
 */
public record StoredAck(UUID id, UUID documentId, String subject, UUID orderId, String partner, String kind,
                        String standard, String answeredNumber, String controlNumber, String status, String fileName,
                        String destination, Instant createdAt, Instant sentAt, String sendError, byte[] content) {

    public String contentType() {
        return "x12".equals(standard) ? "application/EDI-X12" : "application/EDIFACT";
    }
}
