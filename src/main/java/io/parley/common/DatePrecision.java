package io.parley.common;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.eclipse.microprofile.graphql.Description;

@Description("How much of a date is known. WEEK means some day in the week starting on the date; MONTH and YEAR dates "
        + "are stored as the first day of their month or year.")
public enum DatePrecision {
    DAY,
    WEEK,
    MONTH,
    YEAR;

    /** The date as stored for this precision: a MONTH date becomes its month's first day, and so on. */
    public LocalDate align(LocalDate date) {
        if (date == null) {
            return null;
        }
        return switch (this) {
            case DAY, WEEK -> date;
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.with(TemporalAdjusters.firstDayOfYear());
        };
    }

    /** The precision to store with {@code date}: DAY when a date is given without one, none without a date. */
    public static DatePrecision forDate(LocalDate date, DatePrecision given) {
        return date == null ? null : given == null ? DAY : given;
    }
}
