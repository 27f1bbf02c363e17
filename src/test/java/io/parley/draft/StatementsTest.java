package io.parley.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parley.common.DatePrecision;

/** Step 5b: words attributed to a person, verbatim or reported, with a tone only where a cue word supports it. */
class StatementsTest {

    static final LocalDate FRIDAY = LocalDate.of(2025, 3, 14);
    /** Introduces the speaker by full name, as reports do before using the surname. */
    static final String PESKOV = "Kremlin spokesman Dmitry Peskov spoke to reporters. ";
    static Drafting drafting;

    @BeforeAll
    static void load() {
        drafting = Loaded.DRAFTING;
    }

    static DraftedReport read(String text) {
        return drafting.read(text, FRIDAY, Holdings.none());
    }

    static DraftStatement only(String text) {
        List<DraftStatement> said = read(text).statements();
        assertEquals(1, said.size(), text + ": " + said.stream().map(s -> s.speaker + ": " + s.quote).toList());
        DraftStatement statement = said.get(0);
        return statement;
    }

    @Test
    void aQuotationBeforeSaidIsVerbatim() {
        String text = PESKOV + "\"We are cautiously optimistic about the talks,\" Peskov said.";
        DraftStatement statement = only(text);
        assertEquals("Dmitry Peskov", statement.speaker.name);
        assertTrue(statement.verbatim);
        assertEquals("We are cautiously optimistic about the talks.", statement.quote);
        assertEquals("We are cautiously optimistic about the talks,", text.substring(statement.start, statement.end));
        assertEquals("CAUTIOUSLY_OPTIMISTIC", statement.tone);
    }

    @Test
    void saidBeforeTheSpeakerAndCurlyQuotes() {
        DraftStatement statement = only("“The dialogue with Washington is moving forward,” said Kremlin spokesman Dmitry Peskov.");
        assertEquals("Dmitry Peskov", statement.speaker.name);
        assertTrue(statement.verbatim);
        assertEquals("The dialogue with Washington is moving forward.", statement.quote);
        assertNull(statement.tone, "no cue word, no tone");
    }

    @Test
    void aShortQuotationIsNoStatement() {
        assertTrue(read(PESKOV + "Peskov called the talks \"useful\" and left.").statements().stream().noneMatch(s -> s.verbatim));
    }

    @Test
    void reportedSpeechWithThat() {
        DraftStatement statement = only(PESKOV + "Peskov said that no date had been set for a summit.");
        assertEquals("Dmitry Peskov", statement.speaker.name);
        assertFalse(statement.verbatim);
        assertEquals("No date had been set for a summit.", statement.quote);
        assertNull(statement.tone);
    }

    @Test
    void reportedSpeechWithADateBeforeThat() {
        DraftStatement statement = only(PESKOV + "Peskov said on Thursday that no date had been set for a summit.");
        assertEquals("No date had been set for a summit.", statement.quote);
        assertEquals(LocalDate.parse("2025-03-13"), statement.saidOn.date());
        assertEquals(DatePrecision.DAY, statement.saidOn.precision());
    }

    @Test
    void accordingToAPersonBefore() {
        DraftStatement statement = only(PESKOV + "According to Peskov, the sides discussed a prisoner swap in detail.");
        assertEquals("Dmitry Peskov", statement.speaker.name);
        assertEquals("The sides discussed a prisoner swap in detail.", statement.quote);
        assertFalse(statement.verbatim);
    }

    @Test
    void accordingToAPersonAfter() {
        DraftStatement statement = only(PESKOV + "The sides discussed a prisoner swap in detail, according to Peskov.");
        assertEquals("Dmitry Peskov", statement.speaker.name);
        assertEquals("The sides discussed a prisoner swap in detail.", statement.quote);
    }

    @Test
    void accordingToANewsAgencyIsNoStatement() {
        assertTrue(read("The sides discussed a prisoner swap in detail, according to Reuters.").statements().isEmpty());
    }

    @Test
    void aTrailingSaidOnATalkSourcesTheTalk() {
        DraftedReport report = read("U.S. envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Thursday, "
                + "Kremlin spokesman Dmitry Peskov said.");
        assertEquals(1, report.talks().size());
        assertTrue(report.statements().isEmpty(), report.statements().stream().map(s -> s.quote).toList().toString());
    }

    @Test
    void aTrailingSaidOnAnythingElseIsAStatement() {
        DraftStatement statement = only(PESKOV + "No date has been set for a summit, Peskov said.");
        assertEquals("Dmitry Peskov", statement.speaker.name);
        assertEquals("No date has been set for a summit.", statement.quote);
    }

    @Test
    void aStatementAboutTheMeetingBelongsToIt() {
        DraftedReport report = read("U.S. envoy Steve Witkoff met Russian President Vladimir Putin on Thursday. "
                + "Kremlin spokesman Dmitry Peskov said that the meeting had been productive.");
        assertEquals(1, report.statements().size());
        assertSame(report.talks().get(0), report.statements().get(0).talk);
    }

    @Test
    void toneNeedsACueWord() {
        assertEquals("SKEPTICAL", only(PESKOV + "Peskov said that it was premature to speak of a summit.").tone);
        assertEquals("PESSIMISTIC", only(PESKOV + "Peskov said that the talks had reached a deadlock.").tone);
        assertNull(only(PESKOV + "Peskov said that the talks would continue in Riyadh.").tone);
    }

    @Test
    void anAppointmentIsNoStatement() {
        DraftedReport report = read("U.S. President Donald Trump announced that he would appoint Steve Witkoff as special envoy.");
        assertTrue(report.statements().isEmpty(), report.statements().stream().map(s -> s.quote).toList().toString());
    }

    @Test
    void sentenceCase() {
        assertEquals("The talks went well.", Statements.sentenceCase(" the talks went well, "));
        assertEquals("Is it over?", Statements.sentenceCase("is it over?"));
        assertEquals("", Statements.sentenceCase(" , "));
    }

    @Test
    void aBareVerbWithoutWordsIsNoStatement() {
        assertEquals(0, drafting.read("Israeli Prime Minister Benjamin Netanyahu praised the envoy.", java.time.LocalDate.of(2025, 3, 14),
                Holdings.none()).statements().size());
    }
}
