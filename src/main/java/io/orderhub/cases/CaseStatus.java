package io.orderhub.cases;

/** Where a customer-service case stands. OPEN and WAITING (for the customer or a colleague) are still to do. */
public enum CaseStatus {
    OPEN, WAITING, RESOLVED, CLOSED;

    public boolean open() {
        return this == OPEN || this == WAITING;
    }
}
