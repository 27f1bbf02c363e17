package io.parley.db;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.parley.common.ApiException;

/**
 * How a list is sorted: an SQL expression over a never-null column of the list's table (code,
 * never a client's text), its direction, and how the value is written into a cursor (in SQL)
 * and read back from one. The row key breaks ties.
 */
public record Ordering(String name, String expression, Kind kind, boolean descending) {

    public enum Kind {
        DATE, TEXT, INSTANT, NUMBER;

        /** SQL writing the value of {@code expression} into a cursor, as {@link Ordering#parse} reads it back. */
        String text(String expression) {
            return switch (this) {
                case DATE -> "to_char(" + expression + ", 'YYYY-MM-DD')";
                case TEXT -> expression;
                case INSTANT -> "iso_instant(" + expression + ")";
                case NUMBER -> "cast(" + expression + " as text)";
            };
        }
    }

    Object parse(String cursorValue) {
        try {
            return switch (kind) {
                case DATE -> LocalDate.parse(cursorValue);
                case TEXT -> cursorValue;
                case INSTANT -> java.sql.Timestamp.from(Instant.parse(cursorValue));
                case NUMBER -> Long.parseLong(cursorValue);
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ApiException.badInput("after", "is not a cursor this API issued");
        }
    }
}
