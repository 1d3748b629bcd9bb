package io.orderhub.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Business time added to an instant: opening hours, weekends, holidays, time zones and daylight-saving changes. */
class BusinessCalendarTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static Calendars calendars(String yaml) throws Exception {
        return Calendars.parse(new ObjectMapper(new YAMLFactory()).readTree(yaml));
    }

    static final String FILE = """
            calendars:
              - id: de-office
                zone: Europe/Berlin
                hours:
                  mon-fri: "08:00-18:00"
                holidays: ["2026-12-24", "2026-12-25", "2026-12-28"]
              - id: split
                zone: Europe/Berlin
                hours:
                  mon-fri: ["08:00-12:00", "13:00-17:00"]
                  sat: "09:00-12:00"
              - id: us-central
                zone: America/Chicago
                hours:
                  mon-fri: "07:00-17:00"
              - id: nights
                zone: UTC
                hours:
                  mon-sun: ["00:00-06:00", "22:00-24:00"]
            """;

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    static BusinessCalendar calendar(String id) throws Exception {
        return calendars(FILE).find(id).orElseThrow();
    }

    @Test
    void fridayEveningOrderWithTwoHourWindowIsDueMondayMorning() throws Exception {
        // 2026-11-27 is a Friday: 30 minutes left on Friday, 1 h 30 on Monday
        Instant due = calendar("de-office").plus(berlin("2026-11-27T17:30"), Duration.ofHours(2));
        assertThat(due).isEqualTo(berlin("2026-11-30T09:30"));
    }

    @Test
    void orderBeforeOpeningStartsCountingAtOpening() throws Exception {
        assertThat(calendar("de-office").plus(berlin("2026-11-26T06:15"), Duration.ofHours(2)))
                .isEqualTo(berlin("2026-11-26T10:00"));
    }

    @Test
    void orderOnSaturdayStartsCountingOnMonday() throws Exception {
        assertThat(calendar("de-office").plus(berlin("2026-11-28T11:00"), Duration.ofMinutes(30)))
                .isEqualTo(berlin("2026-11-30T08:30"));
    }

    @Test
    void windowEndingExactlyAtClosingIsDueAtClosingNotNextMorning() throws Exception {
        assertThat(calendar("de-office").plus(berlin("2026-11-26T16:00"), Duration.ofHours(2)))
                .isEqualTo(berlin("2026-11-26T18:00"));
    }

    @Test
    void holidaysAreSkipped() throws Exception {
        // Wed 23 Dec 17:00 + 3 h: 1 h on Wednesday; 24th, 25th holidays, 26th/27th weekend, 28th holiday -> Tue 29th
        assertThat(calendar("de-office").plus(berlin("2026-12-23T17:00"), Duration.ofHours(3)))
                .isEqualTo(berlin("2026-12-29T10:00"));
    }

    @Test
    void windowLongerThanADaySpansSeveralBusinessDays() throws Exception {
        // 24 business hours from Monday 08:00 = Monday (10 h) + Tuesday (10 h) + 4 h on Wednesday
        assertThat(calendar("de-office").plus(berlin("2026-11-23T08:00"), Duration.ofHours(24)))
                .isEqualTo(berlin("2026-11-25T12:00"));
    }

    @Test
    void lunchBreakAndSaturdayMorningCount() throws Exception {
        BusinessCalendar split = calendar("split");
        assertThat(split.plus(berlin("2026-11-26T11:30"), Duration.ofHours(1))).isEqualTo(berlin("2026-11-26T13:30"));
        // Friday 16:30 + 2 h: 30 min Friday, 1 h 30 on Saturday morning
        assertThat(split.plus(berlin("2026-11-27T16:30"), Duration.ofHours(2))).isEqualTo(berlin("2026-11-28T10:30"));
    }

    @Test
    void hoursAreLocalToTheCalendarsTimeZone() throws Exception {
        // 15:00 UTC on Friday is 09:00 in Chicago: 2 h later is 11:00 Chicago = 17:00 UTC
        Instant due = calendar("us-central").plus(Instant.parse("2026-11-27T15:00:00Z"), Duration.ofHours(2));
        assertThat(due).isEqualTo(Instant.parse("2026-11-27T17:00:00Z"));
        // 23:30 UTC on Friday is 17:30 in Chicago, after closing: Monday 07:00 + 2 h = 09:00 CST = 15:00 UTC
        assertThat(calendar("us-central").plus(Instant.parse("2026-11-27T23:30:00Z"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
    }

    @Test
    void daylightSavingChangeKeepsLocalOpeningHours() throws Exception {
        // Berlin leaves summer time on Sunday 2026-10-25: Friday 17:00 CEST + 2 h -> Monday 09:00 CET (08:00 UTC)
        Instant due = calendar("de-office").plus(berlin("2026-10-23T17:00"), Duration.ofHours(2));
        assertThat(due).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void intervalsReachingMidnightRunIntoTheNextDay() throws Exception {
        assertThat(calendar("nights").plus(Instant.parse("2026-11-27T23:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-11-28T01:00:00Z"));
        assertThat(calendar("nights").plus(Instant.parse("2026-11-27T12:00:00Z"), Duration.ofMinutes(90)))
                .isEqualTo(Instant.parse("2026-11-27T23:30:00Z"));
    }

    @Test
    void withoutHoursEveryMinuteCounts() {
        assertThat(BusinessCalendar.ALWAYS.plus(Instant.parse("2026-11-28T23:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-11-29T01:00:00Z"));
    }

    @Test
    void mistakesInTheFileNameTheCalendarAndTheEntry() {
        assertThatThrownBy(() -> calendars("""
                calendars:
                  - id: bad
                    zone: Europe/Berlin
                    hours: {mon-fri: "8-18"}
                """)).hasMessage("calendar bad, hours 'mon-fri': '8-18' is not an interval HH:MM-HH:MM (end 24:00 for midnight)");
        assertThatThrownBy(() -> calendars("""
                calendars:
                  - id: bad
                    zone: Europe/Bonn
                    hours: {mon: "08:00-18:00"}
                """)).hasMessageContaining("calendar bad: zone 'Europe/Bonn' is not a time zone id");
        assertThatThrownBy(() -> calendars("""
                calendars:
                  - id: bad
                    zone: UTC
                    hours: {mon-fry: "08:00-18:00"}
                """)).hasMessageContaining("calendar bad: 'mon-fry' is not a day");
        assertThatThrownBy(() -> calendars("""
                calendars:
                  - id: bad
                    zone: UTC
                    hours: {mon: "18:00-08:00"}
                """)).hasMessageContaining("calendar bad, hours 'mon': interval 18:00-08:00 ends before it starts");
        assertThatThrownBy(() -> calendars("""
                calendars:
                  - id: bad
                    zone: UTC
                    hours: {mon: "08:00-18:00"}
                    holidays: ["25.12.2026"]
                """)).hasMessageContaining("calendar bad: holiday '25.12.2026' is not a date YYYY-MM-DD");
        assertThatThrownBy(() -> calendars("""
                calendars:
                  - id: bad
                    zone: UTC
                    hours: {mon: "08:00-18:00"}
                    holiday: ["2026-12-25"]
                """)).hasMessageContaining("calendar bad: unknown entry 'holiday'");
    }

    @Test
    void theShippedCalendarFileLoads() {
        Calendars shipped = Calendars.load(java.nio.file.Path.of("mappings/calendars.yaml"));
        assertThat(shipped.ids()).contains("de-office", "us-central");
    }
}
