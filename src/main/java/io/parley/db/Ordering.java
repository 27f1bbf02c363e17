package io.parley.db;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import io.parley.graphql.ApiException;

/**
 * How a list is sorted: an SQL expression over a never-null column, its direction, and how
 * the row's value is written into and read back from a cursor. The row key breaks ties.
 */
public record Ordering<E>(String name, String expression, Kind kind, boolean descending, Function<E, Object> value) {

    public enum Kind {
        DATE, TEXT, INSTANT, NUMBER;

        /** SQL writing the value of {@code expression} as {@link #cursorValue} writes it in Java. */
        String text(String expression) {
            return switch (this) {
                case DATE -> "to_char(" + expression + ", 'YYYY-MM-DD')";
                case TEXT -> expression;
                case INSTANT -> "iso_instant(" + expression + ")";
                case NUMBER -> "cast(" + expression + " as text)";
            };
        }
    }

    public String cursorValue(E row) {
        return value.apply(row).toString();
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
