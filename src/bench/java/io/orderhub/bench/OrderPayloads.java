package io.orderhub.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Request bodies of the benchmark: canonical orders of partner ACME-SHOP for its customer 4012345000009 with three
 * catalogue lines (A-100, A-200, A-300 at their catalogue prices), so every order passes validation and is queued
 * for delivery. Each order gets the PO number it is given; the caller keeps them unique.
 */
final class OrderPayloads {

    private final byte[] head;
    private final byte[] tail;

    OrderPayloads() {
        LocalDate today = LocalDate.now();
        String party = "\"id\":\"4012345000009\",\"name\":\"ACME Retail GmbH\",\"street\":\"Hafenstrasse 1\","
                + "\"city\":\"Hamburg\",\"postalCode\":\"20457\",\"country\":\"DE\"";
        head = "{\"sender\":\"ACME-SHOP\",\"poNumber\":\"".getBytes(StandardCharsets.UTF_8);
        tail = ("\",\"orderDate\":\"" + today + "\",\"requestedDeliveryDate\":\"" + today.plusDays(7) + "\","
                + "\"currency\":\"EUR\","
                + "\"buyer\":{" + party + "},"
                + "\"shipTo\":{" + party + "},"
                + "\"billTo\":{" + party + "},"
                + "\"lines\":["
                + line(1, "A-100", "04012345000023", "Widget", 10, "12.50", "125.00") + ","
                + line(2, "A-200", "04012345000030", "Gadget", 4, "7.90", "31.60") + ","
                + line(3, "A-300", null, "Sprocket", 100, "0.85", "85.00")
                + "],\"notes\":[\"OrderHub benchmark order\"]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String line(int number, String item, String gtin, String description, int quantity,
                               String unitPrice, String amount) {
        return "{\"lineNumber\":" + number + ",\"buyerItem\":\"" + item + "\""
                + (gtin == null ? "" : ",\"gtin\":\"" + gtin + "\"")
                + ",\"description\":\"" + description + "\",\"quantity\":" + quantity + ",\"unit\":\"EA\""
                + ",\"unitPrice\":" + unitPrice + ",\"amount\":" + amount + "}";
    }

    /** The JSON body of one order with the given PO number (ASCII letters, digits and dashes). */
    byte[] order(String poNumber) {
        byte[] po = poNumber.getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + po.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(po, 0, body, head.length, po.length);
        System.arraycopy(tail, 0, body, head.length + po.length, tail.length);
        return body;
    }
}
