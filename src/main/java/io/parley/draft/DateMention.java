package io.parley.draft;

import java.time.LocalDate;

import io.parley.common.DatePrecision;

/**
 * A date the report states, at its characters {@code [start, end)}, resolved against the
 * publication date: the first day of what the words name, and how much of it they name ("last
 * week" is a WEEK, "in January 2025" a MONTH, "on the evening of March 13" a DAY).
 */
record DateMention(int start, int end, String text, LocalDate date, DatePrecision precision) {

    /** The last day the mention can mean. */
    LocalDate lastDay() {
        return switch (precision) {
            case DAY -> date;
            case WEEK -> date.plusDays(6);
            case MONTH -> date.plusMonths(1).minusDays(1);
            case YEAR -> date.plusYears(1).minusDays(1);
        };
    }

    /** Whether this date lies within {@code other}'s span: it names the same time, as or more precisely. */
    boolean within(DateMention other) {
        return !date.isBefore(other.date) && !lastDay().isAfter(other.lastDay());
    }
}
