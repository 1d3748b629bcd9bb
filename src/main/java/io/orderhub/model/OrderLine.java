package io.orderhub.model;

import java.math.BigDecimal;

/** One line of a canonical order. Amount is the line total as sent; it is not recomputed. */
public record OrderLine(
        Integer lineNumber,
        String buyerItem,
        String supplierItem,
        String gtin,
        String description,
        BigDecimal quantity,
        String unit,
        BigDecimal unitPrice,
        BigDecimal amount) {
}
