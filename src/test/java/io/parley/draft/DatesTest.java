package io.parley.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parley.common.DatePrecision;

/** Step 3: date expressions resolved against the publication date, never more precisely than the words. */
class DatesTest {

    /** A Friday. */
    static final LocalDate FRIDAY = LocalDate.of(2025, 3, 14);

    static Sentences sentences;
    static Dates dates;

    @BeforeAll
    static void load() {
        sentences = Loaded.SENTENCES;
        dates = new Dates(Loaded.LEXICON);
    }

    /** Every date of the text, sentence by sentence, each sentence knowing the date before it. */
    static List<DateMention> find(String text, LocalDate published) {
        List<DateMention> found = new ArrayList<>();
        DateMention previous = null;
        for (Sentence sentence : sentences.split(text)) {
            List<DateMention> here = dates.find(sentence, published, previous);
            if (!here.isEmpty()) {
                previous = here.get(here.size() - 1);
            }
            found.addAll(here);
        }
        return found;
    }

    static DateMention only(String text) {
        return only(text, FRIDAY);
    }

    static DateMention only(String text, LocalDate published) {
        List<DateMention> found = find(text, published);
        assertEquals(1, found.size(), text + ": " + found);
        DateMention date = found.get(0);
        assertEquals(date.text(), text.substring(date.start(), date.end()), "offsets are the report's");
        return date;
    }

    static void assertDate(String expected, DatePrecision precision, DateMention date) {
        assertDate(expected, precision, date, "");
    }

    static void assertDate(String expected, DatePrecision precision, DateMention date, String why) {
        assertEquals(LocalDate.parse(expected), date.date(), date.text() + " " + why);
        assertEquals(precision, date.precision(), date.text() + " " + why);
    }

    @Test
    void lastNightIsTheDayBeforePublication() {
        DateMention date = only("Putin met Witkoff in the Kremlin last night, Peskov said.");
        assertDate("2025-03-13", DatePrecision.DAY, date);
        assertEquals("last night", date.text());
        assertDate("2025-03-13", DatePrecision.DAY, only("Witkoff arrived in Moscow yesterday."));
        assertDate("2025-03-14", DatePrecision.DAY, only("Peskov told reporters today that no date was set."));
    }

    @Test
    void aWeekdayIsTheMostRecentOne() {
        assertDate("2025-03-12", DatePrecision.DAY, only("Witkoff met Putin on Wednesday."));
        assertDate("2025-03-10", DatePrecision.DAY, only("The envoy landed in Doha on Monday evening."));
        assertDate("2025-03-14", DatePrecision.DAY, only("Putin received Witkoff on Friday."),
                "the publication's own weekday is that day");
    }

    @Test
    void aWeekdayInTheFutureTenseIsTheNextOne() {
        assertDate("2025-03-19", DatePrecision.DAY, only("Witkoff will meet Putin on Wednesday."));
        assertDate("2025-03-21", DatePrecision.DAY, only("The two sides are expected to meet on Friday."));
    }

    @Test
    void aDayOfAMonthTakesThePublicationsYear() {
        DateMention date = only("Witkoff met Putin on March 13.");
        assertDate("2025-03-13", DatePrecision.DAY, date);
        assertEquals("on March 13", date.text());
        assertDate("2025-03-02", DatePrecision.DAY, only("The talks ended on 2 March."));
        assertDate("2025-02-11", DatePrecision.DAY, only("Fogel was released on Feb. 11."));
    }

    @Test
    void aPastDayAfterPublicationIsLastYears() {
        assertDate("2024-03-20", DatePrecision.DAY, only("Netanyahu met Witkoff on March 20."));
        assertDate("2024-12-24", DatePrecision.DAY, only("Witkoff visited Doha on December 24.", LocalDate.of(2025, 1, 3)));
    }

    @Test
    void aFutureDayBeforePublicationIsNextYears() {
        assertDate("2025-03-20", DatePrecision.DAY, only("Netanyahu will meet Witkoff on March 20."));
        assertDate("2026-01-05", DatePrecision.DAY, only("The talks will resume on January 5.", LocalDate.of(2025, 12, 20)));
    }

    @Test
    void aFullDateIsThatDay() {
        assertDate("2024-03-13", DatePrecision.DAY, only("Witkoff met Putin on March 13, 2024."));
        assertDate("2023-11-22", DatePrecision.DAY, only("A truce began on 22 November 2023."));
    }

    @Test
    void thePartOfADayIsThatDay() {
        DateMention date = only("Putin received Witkoff on the evening of 13 March.");
        assertDate("2025-03-13", DatePrecision.DAY, date);
        assertEquals("on the evening of 13 March", date.text());
        assertDate("2025-03-11", DatePrecision.DAY, only("The call took place on the morning of March 11."));
    }

    @Test
    void aMonthIsAMonth() {
        assertDate("2025-01-01", DatePrecision.MONTH, only("Trump took office in January 2025."));
        assertDate("2025-02-01", DatePrecision.MONTH, only("Witkoff first met Putin in February."));
        assertDate("2024-11-01", DatePrecision.MONTH, only("Witkoff was named in November."),
                "a past month after publication's is last year's");
        assertDate("2024-05-01", DatePrecision.MONTH, only("The exchange took place in May."));
        assertDate("2025-05-01", DatePrecision.MONTH, only("The two leaders will meet in May."));
    }

    @Test
    void relativeYears() {
        assertDate("2025-01-01", DatePrecision.YEAR, only("Witkoff visited Moscow twice earlier this year."));
        assertDate("2024-01-01", DatePrecision.YEAR, only("The two met last year."));
        assertDate("2026-01-01", DatePrecision.YEAR, only("A summit could follow next year."));
    }

    @Test
    void aYearIsAYear() {
        DateMention date = only("Russia invaded Ukraine in 2022.");
        assertDate("2022-01-01", DatePrecision.YEAR, date);
        assertDate("2014-01-01", DatePrecision.YEAR, only("The conflict began in 2014 in eastern Ukraine."));
    }

    @Test
    void weeksStartOnMonday() {
        assertDate("2025-03-17", DatePrecision.WEEK, only("Witkoff will travel to Moscow next week."));
        assertDate("2025-03-03", DatePrecision.WEEK, only("Witkoff was in Doha last week."));
        assertDate("2025-03-10", DatePrecision.WEEK, only("The envoy met Putin earlier this week."));
        LocalDate sunday = LocalDate.of(2025, 3, 16);
        assertDate("2025-03-17", DatePrecision.WEEK, only("The talks resume next week.", sunday));
        assertDate("2025-03-03", DatePrecision.WEEK, only("The talks stalled last week.", sunday));
        LocalDate monday = LocalDate.of(2025, 3, 17);
        assertDate("2025-03-24", DatePrecision.WEEK, only("The talks resume next week.", monday));
    }

    @Test
    void relativeMonths() {
        assertDate("2025-02-01", DatePrecision.MONTH, only("Witkoff met Putin last month."));
        assertDate("2025-04-01", DatePrecision.MONTH, only("A summit is planned for next month."));
    }

    @Test
    void laterThatDayIsTheDateBefore() {
        List<DateMention> found = find("Witkoff met Putin on Tuesday. Later that day, he flew to Doha.", FRIDAY);
        assertEquals(2, found.size(), found.toString());
        assertDate("2025-03-11", DatePrecision.DAY, found.get(1));
        assertEquals("Later that day", found.get(1).text());
    }

    @Test
    void laterThatDayIsNoMorePreciseThanTheDateBefore() {
        List<DateMention> found = find("Witkoff arrived in Moscow in February. Later that day, he met Putin.", FRIDAY);
        assertEquals(2, found.size(), found.toString());
        assertDate("2025-02-01", DatePrecision.MONTH, found.get(1));
    }

    @Test
    void laterThatDayWithoutAnEarlierDateIsNoDate() {
        assertTrue(find("Later that day, he flew to Doha.", FRIDAY).isEmpty());
    }

    @Test
    void mayTheVerbIsNoDate() {
        assertTrue(find("The deal may push Russia to negotiate.", FRIDAY).isEmpty());
        assertTrue(find("Officials may meet again soon.", FRIDAY).isEmpty());
        assertTrue(find("Putin said the march on Kyiv was over.", FRIDAY).isEmpty(), "march the noun is no month");
    }

    @Test
    void precisionIsNeverFinerThanTheWords() {
        for (String text : List.of("Witkoff met Putin in March.", "Witkoff met Putin in 2024.", "Witkoff met Putin last week.",
                "Witkoff met Putin this year.")) {
            DateMention date = only(text);
            assertTrue(date.precision() != DatePrecision.DAY, text + " is no day");
        }
        assertEquals(DatePrecision.MONTH, only("Witkoff met Putin in March 2024.").precision());
        assertEquals(DatePrecision.MONTH, only("Witkoff met Putin in early March.").precision());
    }

    @Test
    void severalDatesInTextOrder() {
        List<DateMention> found = find("Witkoff, who was appointed in November 2024, met Putin on Thursday.", FRIDAY);
        assertEquals(2, found.size(), found.toString());
        assertDate("2024-11-01", DatePrecision.MONTH, found.get(0));
        assertDate("2025-03-13", DatePrecision.DAY, found.get(1));
    }

    @Test
    void spanContainsItsLastDay() {
        DateMention week = only("Witkoff was in Doha last week.");
        assertEquals(LocalDate.parse("2025-03-09"), week.lastDay());
        DateMention day = only("Witkoff met Putin on Wednesday.");
        assertTrue(!day.within(week));
        assertTrue(only("Witkoff met Putin on March 4.").within(week));
    }
}
