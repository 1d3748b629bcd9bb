package io.orderhub.model;

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
    CANCELLED;

    /** States an order can be resubmitted from (sent to the ERP again). */
    public boolean resubmittable() {
        return this == ERP_FAILED || this == ERP_REJECTED;
    }
}
