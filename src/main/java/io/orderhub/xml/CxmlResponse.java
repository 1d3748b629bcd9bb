package io.orderhub.xml;

import java.nio.charset.StandardCharsets;

/**
 * A cXML Response document and the HTTP status it is sent with (the same as its Status code).
 *
 * @param payloadId this response's own payloadID
 */
public record CxmlResponse(int code, String text, String payloadId, byte[] body) {

    public static final String CONTENT_TYPE = "text/xml; charset=UTF-8";

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
