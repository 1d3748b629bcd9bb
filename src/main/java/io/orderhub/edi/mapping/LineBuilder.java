package io.orderhub.edi.mapping;

import io.orderhub.model.OrderLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One order line as a mapping binds it (EDIFACT LIN group, X12 PO1 loop). Quantity and price have a fallback the
 * mapping may bind (e.g. QTY+1 when there is no QTY+21, PRI+AAB when there is no PRI+AAA); a unit counts only when it
 * comes from the same segment as the quantity used.
 */
public class LineBuilder {

    private Located lineNumber;
    private Located gtin;
    private Located buyerItem;
    private Located supplierItem;
    private final TextField description = new TextField();
    private Located quantity;
    private Located fallbackQuantity;
    private final List<Located> units = new ArrayList<>(2);
    private Located unitPrice;
    private Located fallbackUnitPrice;
    private Located amount;

    public void setLineNumber(String v) {
        if (lineNumber == null) {
            lineNumber = Located.of(v);
        }
    }

    public void setGtin(String v) {
        if (gtin == null) {
            gtin = Located.of(v);
        }
    }

    public void setBuyerItem(String v) {
        if (buyerItem == null) {
            buyerItem = Located.of(v);
        }
    }

    public void setSupplierItem(String v) {
        if (supplierItem == null) {
            supplierItem = Located.of(v);
        }
    }

    /** Item description; several values of the same segment are joined, the first segment wins. */
    public void setDescription(String v) {
        description.set(v);
    }

    public void setQuantity(String v) {
        if (quantity == null) {
            quantity = Located.of(v);
        }
    }

    /** Used when no {@link #setQuantity quantity} is bound. */
    public void setFallbackQuantity(String v) {
        if (fallbackQuantity == null) {
            fallbackQuantity = Located.of(v);
        }
    }

    /** A unit of measure; taken from the segment the quantity used comes from. */
    public void setUnit(String v) {
        units.add(Located.of(v));
    }

    public void setUnitPrice(String v) {
        if (unitPrice == null) {
            unitPrice = Located.of(v);
        }
    }

    /** Used when no {@link #setUnitPrice unit price} is bound. */
    public void setFallbackUnitPrice(String v) {
        if (fallbackUnitPrice == null) {
            fallbackUnitPrice = Located.of(v);
        }
    }

    public void setAmount(String v) {
        if (amount == null) {
            amount = Located.of(v);
        }
    }

    OrderLine build(String pointer, int position, Assembly a) {
        Integer number = a.integer(pointer + "/lineNumber", lineNumber);
        Located qty = quantity != null ? quantity : fallbackQuantity;
        Located unit = null;
        for (Located u : units) {
            if (u.sameSegment(qty)) {
                unit = u;
                break;
            }
        }
        BigDecimal q = a.decimal(pointer + "/quantity", qty);
        return new OrderLine(number != null ? number : position, a.text(pointer + "/buyerItem", buyerItem),
                a.text(pointer + "/supplierItem", supplierItem), a.text(pointer + "/gtin", gtin),
                a.text(pointer + "/description", description), q, a.text(pointer + "/unit", unit),
                a.decimal(pointer + "/unitPrice", unitPrice != null ? unitPrice : fallbackUnitPrice),
                a.decimal(pointer + "/amount", amount));
    }
}
