package io.orderhub.sla;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlaStateTest {

    @Test
    void theClockRunsOnlyWhileAnOrderIsOnTrackAtRiskOrBreached() {
        assertThat(SlaState.values()).filteredOn(SlaState::open)
                .containsExactly(SlaState.ON_TRACK, SlaState.AT_RISK, SlaState.BREACHED);
    }

    @Test
    void theOpenStatesAsAnSqlList() {
        assertThat(SlaState.OPEN_SQL_LIST).isEqualTo("('ON_TRACK', 'AT_RISK', 'BREACHED')");
    }

    @Test
    void storedNamesAreReadWithoutFailingOnNullOrUnknownOnes() {
        assertThat(SlaState.isOpen("AT_RISK")).isTrue();
        assertThat(SlaState.isOpen("MET")).isFalse();
        assertThat(SlaState.isOpen(null)).isFalse();
        assertThat(SlaState.isOpen("at_risk")).isFalse();
    }
}
