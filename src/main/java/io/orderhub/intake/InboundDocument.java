package io.orderhub.intake;

import io.orderhub.model.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * A payload as it arrived, before anything is done to it.
 *
 * @param source         where it came from: the HTTP client and path, the mailbox and Message-ID, the SFTP path
 * @param client         the authenticated upstream system, if any
 * @param senderHint     the partner the channel says it is from (an API client's only partner, a web-shop webhook)
 * @param format         the mapping to apply, decided by the channel or by format detection
 * @param idempotencyKey the caller's Idempotency-Key, if any
 */
public record InboundDocument(
        UUID id,
        Instant receivedAt,
        Channel channel,
        String source,
        String client,
        String senderHint,
        String contentType,
        String format,
        String idempotencyKey,
        byte[] content) {
}
