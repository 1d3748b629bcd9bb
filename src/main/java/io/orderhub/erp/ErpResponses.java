package io.orderhub.erp;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * What an ERP answer means. 4xx is permanent (the ERP will say the same again) except 408 and 429, which are
 * retried like 5xx, time-outs and connection failures. The ERP order number is read from the JSON answer at a
 * configured pointer, else from the Location header's last path segment.
 */
public final class ErpResponses {

    private final ObjectMapper json;
    private final JsonPointer orderNumberPointer;

    public ErpResponses(ObjectMapper json, String orderNumberPointer) {
        this.json = json;
        this.orderNumberPointer = JsonPointer.compile(orderNumberPointer);
    }

    public static boolean isPermanent(int httpStatus) {
        return httpStatus >= 400 && httpStatus < 500 && httpStatus != 408 && httpStatus != 429;
    }

    public String orderNumber(byte[] body, String location) {
        if (body != null && body.length > 0) {
            try {
                JsonNode n = json.readTree(body).at(orderNumberPointer);
                if (n.isValueNode() && !n.asText().isBlank()) {
                    return n.asText();
                }
            } catch (IOException e) {
                // not JSON: fall back to the Location header
            }
        }
        if (location != null && !location.isBlank()) {
            String trimmed = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
            return trimmed.substring(trimmed.lastIndexOf('/') + 1);
        }
        return null;
    }

    /** A short text of the ERP's error answer for the order's event. */
    public static String message(int status, String body) {
        String text = body == null ? "" : body.strip();
        if (text.length() > 1000) {
            text = text.substring(0, 1000) + "...";
        }
        return "HTTP " + status + (text.isEmpty() ? "" : ": " + text);
    }
}
