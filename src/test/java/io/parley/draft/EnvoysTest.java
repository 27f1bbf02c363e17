package io.parley.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parley.common.DatePrecision;

/** Step 5e: envoy appointments, stated or implied by an envoy's role phrase. */
class EnvoysTest {

    static final LocalDate FRIDAY = LocalDate.of(2025, 3, 14);
    static Drafting drafting;

    @BeforeAll
    static void load() {
        drafting = Loaded.DRAFTING;
    }

    static List<DraftEnvoy> envoys(String text) {
        return envoys(text, Holdings.none());
    }

    static List<DraftEnvoy> envoys(String text, Holdings holdings) {
        return drafting.read(text, FRIDAY, holdings).envoys();
    }

    static DraftEnvoy only(String text) {
        List<DraftEnvoy> found = envoys(text);
        assertEquals(1, found.size(), text + ": " + found.stream().map(e -> e.person.name).toList());
        return found.get(0);
    }

    @Test
    void appointedAsSpecialEnvoyTo() {
        DraftEnvoy envoy = only("U.S. President Donald Trump appointed Steve Witkoff as special envoy to the Middle East in November 2024.");
        assertEquals("Steve Witkoff", envoy.person.name);
        assertEquals("Donald Trump", envoy.appointedBy.name);
        assertEquals("US", envoy.represents, "the appointer's country");
        assertEquals("Middle East", envoy.mandate);
        assertEquals("special envoy to the Middle East", envoy.title);
        assertEquals(LocalDate.parse("2024-11-01"), envoy.announcedOn.date());
        assertEquals(DatePrecision.MONTH, envoy.announcedOn.precision());
        assertEquals(1, envoy.passages.size());
    }

    @Test
    void namedAsHisEnvoyFor() {
        DraftEnvoy envoy = only("U.S. President Donald Trump named Keith Kellogg as his special envoy for Ukraine and Russia.");
        assertEquals("Keith Kellogg", envoy.person.name);
        assertEquals("Ukraine and Russia", envoy.mandate);
        assertEquals("US", envoy.represents, "not the country of the mandate");
        assertNull(envoy.announcedOn);
    }

    @Test
    void aCapitalisedTitleNamesItsCountry() {
        DraftEnvoy envoy = only("Donald Trump announced that he would appoint Steve Witkoff to be the United States Special Envoy "
                + "to the Middle East.");
        assertEquals("US", envoy.represents);
        assertEquals("Middle East", envoy.mandate);
        assertEquals("Donald Trump", envoy.appointedBy.name);
    }

    @Test
    void aRolePhraseImpliesTheAppointment() {
        DraftEnvoy envoy = only("U.S. envoy Steve Witkoff flew to Doha on Tuesday.");
        assertEquals("Steve Witkoff", envoy.person.name);
        assertEquals("US", envoy.represents);
        assertEquals("Envoy", envoy.title);
    }

    @Test
    void aPrincipalsEnvoy() {
        DraftEnvoy envoy = only("Russian President Vladimir Putin spoke on Thursday. "
                + "Putin's envoy Kirill Dmitriev flew to Washington.");
        assertEquals("Kirill Dmitriev", envoy.person.name);
        assertEquals("Vladimir Putin", envoy.appointedBy.name);
        assertEquals("RU", envoy.represents);
    }

    @Test
    void noEnvoyWithoutAnEnvoyRole() {
        assertTrue(envoys("Russian President Vladimir Putin met U.S. Secretary of State Marco Rubio in Moscow.").isEmpty());
    }

    @Test
    void aStoredAppointmentIsKept() {
        Holdings holdings = Holdings.of(
                List.of(new Holdings.KnownPerson("p-witkoff", "Steve Witkoff", List.of(), null, "US")),
                List.of(new Holdings.KnownEnvoy("e-1", "p-witkoff", "Special Envoy to the Middle East", "US")),
                List.of(), List.of());
        List<DraftEnvoy> found = envoys("U.S. envoy Steve Witkoff flew to Doha on Tuesday.", holdings);
        assertEquals(1, found.size());
        assertEquals("e-1", found.get(0).storedId);
        assertEquals("Special Envoy to the Middle East", found.get(0).title);
    }
}
