package io.parley.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parley.common.DatePrecision;

/** Step 5c: what came of diplomacy, with figures, the freed, the credited and messages' recipients. */
class OutcomesTest {

    static final LocalDate FRIDAY = LocalDate.of(2025, 3, 14);
    static Drafting drafting;

    @BeforeAll
    static void load() {
        drafting = Loaded.DRAFTING;
    }

    static List<DraftOutcome> outcomes(String text) {
        return drafting.read(text, FRIDAY, Holdings.none()).outcomes();
    }

    static DraftOutcome only(String text) {
        List<DraftOutcome> found = outcomes(text);
        assertEquals(1, found.size(), text + ": " + found.stream().map(o -> o.kind).toList());
        return found.get(0);
    }

    static List<String> names(List<DraftPerson> people) {
        return people.stream().map(p -> p.name).toList();
    }

    @Test
    void aFigureInWords() {
        DraftOutcome outcome = only("Three hostages were released on Saturday.");
        assertEquals("HOSTAGE_RELEASE", outcome.kind);
        assertEquals(1, outcome.figures.size());
        assertEquals(3, outcome.figures.get(0).value());
        assertFalse(outcome.figures.get(0).approximate());
        assertEquals(LocalDate.parse("2025-03-08"), outcome.date.date());
        assertEquals("IMPLEMENTED", outcome.status);
    }

    @Test
    void anApproximateFigureWithSeparators() {
        DraftOutcome outcome = only("Nearly 2,000 Palestinian prisoners were released in the exchange.");
        assertEquals("PRISONER_RELEASE", outcome.kind);
        assertEquals(2000, outcome.figures.get(0).value());
        assertTrue(outcome.figures.get(0).approximate());
        assertTrue(outcome.figures.get(0).label().contains("Palestinian prisoners"), outcome.figures.get(0).label());
    }

    @Test
    void theReleaseOfAboutIsApproximate() {
        DraftOutcome outcome = only("The deal provides for the release of about 600 prisoners.");
        assertEquals("PRISONER_RELEASE", outcome.kind);
        assertEquals(600, outcome.figures.get(0).value());
        assertTrue(outcome.figures.get(0).approximate());
    }

    @Test
    void onlyFiguresOfTheOutcomesKind() {
        DraftOutcome outcome = only("Three hostages were released on Saturday as 5,000 soldiers stood by.");
        assertEquals(List.of(3L), outcome.figures.stream().map(DraftOutcome.Figure::value).toList());
    }

    @Test
    void theFreedAreBeneficiaries() {
        DraftOutcome outcome = only("The prisoner exchange freed Marc Fogel and Alexander Vinnik on Tuesday.");
        assertEquals("PRISONER_EXCHANGE", outcome.kind);
        assertEquals(List.of("Marc Fogel", "Alexander Vinnik"), names(outcome.beneficiaries));
        assertEquals(LocalDate.parse("2025-03-11"), outcome.date.date());
    }

    @Test
    void theCreditedSubject() {
        DraftOutcome outcome = only("U.S. envoy Steve Witkoff helped secure a prisoner swap that freed Marc Fogel.");
        assertEquals(List.of("Steve Witkoff"), names(outcome.creditedTo));
        assertEquals(List.of("Marc Fogel"), names(outcome.beneficiaries));
    }

    @Test
    void aMessageGoesToItsRecipient() {
        DraftOutcome outcome = only("Russian President Vladimir Putin conveyed a message to U.S. President Donald Trump on Thursday.");
        assertEquals("MESSAGE_CONVEYED", outcome.kind);
        assertEquals("Vladimir Putin", outcome.sender.name);
        assertEquals("Donald Trump", outcome.recipient.name);
        assertNull(outcome.through);
        assertEquals(DatePrecision.DAY, outcome.date.precision());
    }

    @Test
    void aMessageThroughAnEnvoy() {
        DraftOutcome outcome = only("Russian President Vladimir Putin sent a message to U.S. President Donald Trump via envoy Steve Witkoff.");
        assertEquals("Vladimir Putin", outcome.sender.name);
        assertEquals("Donald Trump", outcome.recipient.name);
        assertEquals("Steve Witkoff", outcome.through.name);
    }

    @Test
    void aMessageToASide() {
        DraftOutcome outcome = only("Russian President Vladimir Putin passed a message to the American side.");
        assertNull(outcome.recipient);
        assertEquals("the American side", outcome.recipientPhrase);
    }

    @Test
    void ceasefireTalksAreNoCeasefire() {
        assertTrue(outcomes("Egypt and Qatar pushed for ceasefire talks in Doha on Monday.").isEmpty());
        assertTrue(outcomes("The U.N. Security Council called for a ceasefire in Gaza.").isEmpty());
    }

    @Test
    void aCeasefire() {
        DraftOutcome outcome = only("A ceasefire between Israel and Hamas took effect on Sunday.");
        assertEquals("CEASEFIRE", outcome.kind);
        assertEquals(LocalDate.parse("2025-03-09"), outcome.date.date());
    }

    @Test
    void aProposedOutcome() {
        assertEquals("PROPOSED", only("Under the plan, both sides would agree to a truce along the front line.").status);
    }

    @Test
    void aCeasefireDealIsAnAgreementNotTwoOutcomes() {
        DraftOutcome outcome = only("Israel and Hamas signed the ceasefire deal in Doha.");
        assertEquals("AGREEMENT", outcome.kind);
    }

    @Test
    void theSameOutcomeToldTwiceIsOne() {
        DraftOutcome outcome = only("Three hostages were released on Saturday. "
                + "The hostages were released to the Red Cross in Gaza.");
        assertEquals(2, outcome.passages.size());
    }

    @Test
    void differentFiguresAreDifferentReleases() {
        assertEquals(2, outcomes("Three hostages were released on Saturday. Four hostages were released on Thursday.").size());
    }

    @Test
    void anUndatedOutcomeIsOfThePublicationsYear() {
        DraftOutcome outcome = only("Three hostages were released in the exchange.");
        assertEquals(DatePrecision.YEAR, outcome.date.precision());
        assertEquals(LocalDate.parse("2025-01-01"), outcome.date.date());
    }

    @Test
    void anOutcomeOfATalkTakesItsDate() {
        List<DraftOutcome> found = outcomes("U.S. envoy Steve Witkoff met Russian President Vladimir Putin on Thursday. "
                + "During the meeting, Putin conveyed a message to U.S. President Donald Trump.");
        assertEquals(1, found.size());
        assertEquals(1, found.get(0).talks.size());
        assertEquals(LocalDate.parse("2025-03-13"), found.get(0).date.date());
    }
}
