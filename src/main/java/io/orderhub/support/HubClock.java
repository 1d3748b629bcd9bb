package io.orderhub.support;

import org.apache.camel.CamelContext;

import java.time.Clock;

/**
 * The one clock of the hub, bound as bean {@value #BEAN}: every bean that reads the time gets it, so that tests
 * control time (a test binds its own clock under this name before the hub starts).
 */
public final class HubClock {

    public static final String BEAN = "clock";

    private HubClock() {
    }

    /** The clock bound in the context, or the system clock (UTC) bound now if there is none. */
    public static Clock of(CamelContext context) {
        Clock clock = context.getRegistry().lookupByNameAndType(BEAN, Clock.class);
        if (clock == null) {
            clock = Clock.systemUTC();
            context.getRegistry().bind(BEAN, clock);
        }
        return clock;
    }
}
