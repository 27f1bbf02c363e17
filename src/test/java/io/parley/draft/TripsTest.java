package io.parley.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Step 5d: who travelled where, and the talks held there. */
class TripsTest {

    static final LocalDate FRIDAY = LocalDate.of(2025, 3, 14);
    static Drafting drafting;

    @BeforeAll
    static void load() {
        drafting = Loaded.DRAFTING;
    }

    static DraftedReport read(String text) {
        return drafting.read(text, FRIDAY, Holdings.none());
    }

    static List<String> trips(String text) {
        return read(text).trips().stream().map(t -> t.traveller.name + " -> " + t.destination.name()).toList();
    }

    @Test
    void flewTo() {
        assertEquals(List.of("Steve Witkoff -> Doha"), trips("U.S. envoy Steve Witkoff flew to Doha on Tuesday."));
        DraftTrip trip = read("U.S. envoy Steve Witkoff flew to Doha on Tuesday.").trips().get(0);
        assertEquals(290030, trip.destination.city().geonamesId());
        assertNull(trip.arrivedOn, "flying is no arrival date");
    }

    @Test
    void arrivedInDatesTheArrival() {
        DraftTrip trip = read("U.S. envoy Steve Witkoff arrived in Moscow on Thursday.").trips().get(0);
        assertEquals("Moscow", trip.destination.name());
        assertEquals(LocalDate.parse("2025-03-13"), trip.arrivedOn.date());
    }

    @Test
    void aVisitToACountry() {
        List<DraftTrip> trips = read("U.S. envoy Steve Witkoff visited Israel last week.").trips();
        assertEquals(1, trips.size());
        assertNull(trips.get(0).destination.city());
        assertEquals("IL", trips.get(0).destination.countryCode());
    }

    @Test
    void shuttlingIsATripToEach() {
        assertEquals(List.of("Steve Witkoff -> Cairo", "Steve Witkoff -> Doha"),
                trips("U.S. envoy Steve Witkoff shuttled between Cairo and Doha last week."));
    }

    @Test
    void hostedInIsTheGuestsTrip() {
        DraftedReport report = read("U.S. President Donald Trump hosted Israeli Prime Minister Benjamin Netanyahu in Washington on Monday.");
        assertEquals(List.of("Benjamin Netanyahu -> Washington"),
                report.trips().stream().map(t -> t.traveller.name + " -> " + t.destination.name()).toList());
        assertEquals(1, report.trips().get(0).talks.size(), "the trip holds the talk held there");
        assertSame(report.talks().get(0), report.trips().get(0).talks.get(0));
    }

    @Test
    void aPossessorsVisit() {
        assertEquals(List.of("Steve Witkoff -> Moscow"),
                trips("U.S. envoy Steve Witkoff spoke on Monday. The Kremlin welcomed Witkoff's visit to Moscow."));
    }

    @Test
    void theSameDestinationTwiceIsOneTrip() {
        List<DraftTrip> trips = read("U.S. envoy Steve Witkoff flew to Moscow on Thursday. "
                + "Witkoff arrived in Moscow shortly after noon.").trips();
        assertEquals(1, trips.size());
        assertEquals(2, trips.get(0).passages.size());
    }

    @Test
    void aTripHoldsTheTalksThere() {
        DraftedReport report = read("U.S. envoy Steve Witkoff arrived in Moscow on Thursday. "
                + "Witkoff met Russian President Vladimir Putin in Moscow the same day.");
        assertEquals(1, report.trips().size());
        assertEquals(1, report.trips().get(0).talks.size());
    }

    @Test
    void aPlaceFarFromTheCueIsNoDestination() {
        assertTrue(trips("U.S. envoy Steve Witkoff went to see what the officials from the ministry in Moscow wanted.").isEmpty());
    }

    @Test
    void noTravellerNoTrip() {
        assertTrue(trips("A delegation flew to Riyadh on Monday.").isEmpty());
    }
}
