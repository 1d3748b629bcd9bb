package io.orderhub.model;

import java.util.EnumSet;
import java.util.Set;

/** The states of an order in the queue; see README "Order states". */
public enum OrderStatus {
    RECEIVED,
    NEEDS_REVIEW,
    QUEUED,
    DELIVERING,
    DELIVERED,
    ERP_REJECTED,
    ERP_FAILED,
    DUPLICATE,
    /** Final: a person rejected the order on the exception desk, with a reason; it never goes to the ERP. */
    REJECTED,
    CANCELLED;

    /** Orders a person has to look at: the exception desk's list. */
    public static final Set<OrderStatus> EXCEPTIONS = EnumSet.of(NEEDS_REVIEW, DUPLICATE, ERP_REJECTED, ERP_FAILED);

    /** Orders not yet delivered nor closed: their SLA clock runs. */
    public static final Set<OrderStatus> OPEN = EnumSet.of(RECEIVED, NEEDS_REVIEW, QUEUED, DELIVERING, ERP_REJECTED,
            ERP_FAILED);

    /** States an order can be resubmitted from (sent to the ERP again). */
    public boolean resubmittable() {
        return this == ERP_FAILED || this == ERP_REJECTED;
    }

    /** States in which a person may correct the order's fields (then validated again). */
    public boolean correctable() {
        return this == NEEDS_REVIEW || this == ERP_REJECTED || this == ERP_FAILED;
    }

    /** States from which a person may reject the order or mark it a duplicate. */
    public boolean closableByPerson() {
        return this == NEEDS_REVIEW || this == ERP_REJECTED || this == ERP_FAILED || this == DUPLICATE;
    }
}
