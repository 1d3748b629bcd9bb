package io.orderhub.sla;

/**
 * Where an order stands against its due time. While it is open: ON_TRACK, then AT_RISK once less than its agreed
 * share of the window is left, then BREACHED once past due. Once delivered: MET (on time) or MISSED (late). CLOSED:
 * the order ended without delivery (duplicate, rejected, cancelled) and its clock stopped.
 */
public enum SlaState {
    ON_TRACK, AT_RISK, BREACHED, MET, MISSED, CLOSED;

    /** The states whose clock runs as an SQL list, {@code ('ON_TRACK', 'AT_RISK', 'BREACHED')}. */
    public static final String OPEN_SQL_LIST = java.util.Arrays.stream(values()).filter(SlaState::open)
            .map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", ", "(", ")"));

    /** True while the clock runs: ON_TRACK, AT_RISK, BREACHED. */
    public boolean open() {
        return this == ON_TRACK || this == AT_RISK || this == BREACHED;
    }

    /** True if {@code name} (a stored {@code sla_state}) names a state whose clock runs; false for null or unknown. */
    public static boolean isOpen(String name) {
        for (SlaState s : values()) {
            if (s.name().equals(name)) {
                return s.open();
            }
        }
        return false;
    }
}
