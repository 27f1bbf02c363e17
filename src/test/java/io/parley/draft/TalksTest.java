package io.parley.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parley.common.DatePrecision;

/** Step 5a: meetings, their participants' roles, status, format, date and place. */
class TalksTest {

    static final LocalDate FRIDAY = LocalDate.of(2025, 3, 14);
    static Drafting drafting;

    @BeforeAll
    static void load() {
        drafting = Loaded.DRAFTING;
    }

    static List<DraftTalk> talks(String text) {
        return drafting.read(text, FRIDAY, Holdings.none()).talks();
    }

    static DraftTalk only(String text) {
        List<DraftTalk> talks = talks(text);
        assertEquals(1, talks.size(), text + ": " + talks.stream().map(t -> t.roles.toString()).toList());
        return talks.get(0);
    }

    static Map<String, String> roles(DraftTalk talk) {
        return talk.roles.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name, Map.Entry::getValue));
    }

    @Test
    void metWithIsAHeldTalkOfBoth() {
        DraftTalk talk = only("U.S. envoy Steve Witkoff met with Russian President Vladimir Putin on Thursday.");
        assertEquals("HELD", talk.status);
        assertEquals(List.of("Steve Witkoff", "Vladimir Putin"), talk.participants().stream().map(p -> p.name).toList());
        assertEquals("IN_PERSON", talk.format);
        assertEquals(LocalDate.parse("2025-03-13"), talk.date.date());
        assertEquals(DatePrecision.DAY, talk.date.precision());
        assertEquals(1, talk.passages.size());
    }

    @Test
    void theHostIsWhoeverIsAtHome() {
        DraftTalk talk = only("U.S. envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Thursday.");
        assertEquals(Map.of("Steve Witkoff", "VISITOR", "Vladimir Putin", "HOST"), roles(talk));
        assertEquals(524901, talk.place().city().geonamesId());
    }

    @Test
    void withoutAPlaceNobodyHosts() {
        DraftTalk talk = only("U.S. envoy Steve Witkoff met Russian President Vladimir Putin on Thursday.");
        assertEquals(Map.of("Steve Witkoff", "PARTICIPANT", "Vladimir Putin", "PARTICIPANT"), roles(talk));
        assertNull(talk.place());
    }

    @Test
    void willMeetIsExpected() {
        DraftTalk talk = only("U.S. President Donald Trump will meet Russian President Vladimir Putin next week, the White House said.");
        assertEquals("EXPECTED", talk.status);
        assertEquals(2, talk.roles.size());
        assertEquals(LocalDate.parse("2025-03-17"), talk.date.date());
        assertEquals(DatePrecision.WEEK, talk.date.precision());
        assertEquals("EXPECTED",
                only("U.S. envoy Steve Witkoff is expected to meet Russian President Vladimir Putin on Friday.").status);
    }

    @Test
    void aConditionMakesItExpected() {
        DraftTalk talk = only("If Donald Trump meets Vladimir Putin, the war could end quickly.");
        assertEquals("EXPECTED", talk.status);
        assertEquals(2, talk.roles.size());
    }

    @Test
    void aPlanIsPlanned() {
        assertEquals("PLANNED", only("U.S. envoy Steve Witkoff plans to meet Russian President Vladimir Putin in Moscow.").status);
    }

    @Test
    void hostedMakesHostAndVisitor() {
        DraftTalk talk = only("U.S. President Donald Trump hosted Israeli Prime Minister Benjamin Netanyahu at the White House on Monday.");
        assertEquals(Map.of("Donald Trump", "HOST", "Benjamin Netanyahu", "VISITOR"), roles(talk));
        assertEquals("HELD", talk.status);
        assertEquals(LocalDate.parse("2025-03-10"), talk.date.date());
    }

    @Test
    void hostedAbroadStaysHosted() {
        // the cue's roles win over "whoever is at home"
        DraftTalk talk = only("Russian President Vladimir Putin hosted U.S. envoy Steve Witkoff in St Petersburg on Tuesday.");
        assertEquals(Map.of("Vladimir Putin", "HOST", "Steve Witkoff", "VISITOR"), roles(talk));
        assertEquals("RU", talk.place().countryCode());
    }

    @Test
    void aPhoneCallIsByPhone() {
        DraftTalk talk = only("U.S. President Donald Trump held a phone call with Russian President Vladimir Putin on Tuesday.");
        assertEquals("PHONE", talk.format);
        assertEquals("HELD", talk.status);
        assertEquals(2, talk.roles.size());
        assertEquals("PHONE", only("Russian President Vladimir Putin spoke by phone with U.S. President Donald Trump.").format);
        assertEquals("PHONE", only("Ukrainian President Volodymyr Zelensky held talks with Donald Trump by phone.").format);
    }

    @Test
    void aClosedFormatIsClosedDoor() {
        assertEquals(Boolean.TRUE,
                only("Russian President Vladimir Putin met U.S. envoy Steve Witkoff in a closed format on Thursday.").closedDoor);
        assertEquals(Boolean.TRUE,
                only("Russian President Vladimir Putin met U.S. envoy Steve Witkoff behind closed doors.").closedDoor);
        assertNull(only("Russian President Vladimir Putin met U.S. envoy Steve Witkoff on Thursday.").closedDoor);
    }

    @Test
    void twoSentencesTellingOneTalkAreOneTalk() {
        DraftTalk talk = only("U.S. envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Thursday. "
                + "The meeting between Witkoff and Putin lasted more than four hours, Kremlin aide Yuri Ushakov said.");
        assertEquals(2, talk.passages.size());
        assertEquals(2, talk.roles.size());
        assertEquals(LocalDate.parse("2025-03-13"), talk.date.date());
    }

    @Test
    void aVaguerRetellingJoinsAndTheBestDateStays() {
        DraftTalk talk = only("Steve Witkoff and Vladimir Putin held talks this week. "
                + "U.S. envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Thursday.");
        assertEquals(2, talk.passages.size());
        assertEquals(DatePrecision.DAY, talk.date.precision());
        assertEquals("Moscow", talk.place().name());
    }

    @Test
    void differentDaysAreDifferentTalks() {
        List<DraftTalk> talks = talks("U.S. envoy Steve Witkoff met Russian President Vladimir Putin on February 11. "
                + "Witkoff met Putin again on Thursday.");
        assertEquals(2, talks.size());
        assertNotEquals(talks.get(0).date.date(), talks.get(1).date.date());
    }

    @Test
    void heldAndExpectedAreDifferentTalks() {
        List<DraftTalk> talks = talks("U.S. envoy Steve Witkoff met Russian President Vladimir Putin on Thursday. "
                + "Witkoff will meet Putin again next week.");
        assertEquals(List.of("HELD", "EXPECTED"), talks.stream().map(t -> t.status).toList());
    }

    @Test
    void pronounsAreTheProtagonist() {
        List<DraftTalk> talks = talks("U.S. envoy Steve Witkoff arrived in Moscow on Thursday. "
                + "He met Russian President Vladimir Putin.");
        assertEquals(1, talks.size());
        assertEquals(List.of("Steve Witkoff", "Vladimir Putin"), talks.get(0).participants().stream().map(p -> p.name).toList());
    }

    @Test
    void anUndatedTalkIsOfThePublicationsYear() {
        DraftTalk talk = only("Israeli Prime Minister Benjamin Netanyahu met Steve Witkoff in Tel Aviv.");
        assertEquals(DatePrecision.YEAR, talk.date.precision());
        assertEquals(LocalDate.parse("2025-01-01"), talk.date.date());
        assertEquals(Map.of("Benjamin Netanyahu", "HOST", "Steve Witkoff", "VISITOR"), roles(talk));
    }

    @Test
    void aBoundingDateDoesNotDateTheTalk() {
        DraftTalk talk = only("U.S. envoy Steve Witkoff met Russian President Vladimir Putin after the invasion in 2022.");
        assertEquals(DatePrecision.YEAR, talk.date.precision());
        assertEquals(LocalDate.parse("2025-01-01"), talk.date.date(), "undated: 2022 only bounds the talk");
    }

    @Test
    void aShuttleIsAMediation() {
        DraftTalk talk = only("U.S. envoy Steve Witkoff shuttled between Cairo and Doha last week.");
        assertEquals(Map.of("Steve Witkoff", "MEDIATOR"), roles(talk));
        assertEquals("SHUTTLE", talk.format);
        assertEquals(List.of("Cairo", "Doha"), talk.places.stream().map(PlaceMention::name).toList());
    }

    @Test
    void noPeopleNoTalk() {
        assertTrue(talks("The talks will resume next week in Riyadh.").isEmpty());
        assertTrue(talks("Officials met in Geneva on Tuesday.").isEmpty());
    }

    @Test
    void peopleJoinedByAndBeforeTheVerbAllTakePart() {
        DraftTalk talk = only("Ukrainian President Volodymyr Zelensky and U.S. President Donald Trump met in Rome on Saturday.");
        assertEquals(List.of("Volodymyr Zelensky", "Donald Trump"), talk.participants().stream().map(p -> p.name).toList());
        assertEquals("IT", talk.place().countryCode());
    }

    @Test
    void hostedByAndAlsoAttendedAddPeopleToTheTalkJustTold() {
        DraftTalk talk = only("""
                U.S. Secretary of State Marco Rubio met Russian Foreign Minister Sergei Lavrov in Riyadh on Tuesday.
                The meeting, hosted by Saudi Crown Prince Mohammed bin Salman, lasted four hours.
                National Security Adviser Mike Waltz and special envoy Steve Witkoff also attended.""");
        assertEquals("HOST", roles(talk).get("Mohammed bin Salman"));
        assertTrue(roles(talk).keySet().containsAll(List.of("Marco Rubio", "Sergei Lavrov", "Mike Waltz", "Steve Witkoff")),
                roles(talk)::toString);
        assertEquals(3, talk.passages.size());
    }
}
