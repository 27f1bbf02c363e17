package io.parley.db;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import io.parley.sql.Sql;

/** Conditions that lists' filters share, as SQL pieces whose values are parameters. */
public final class Filters {

    private Filters() {
    }

    /** An ILIKE pattern (a value, not SQL) matching {@code text} anywhere, with the client's wildcards escaped. */
    public static String containing(String text) {
        if (text == null) {
            return null;
        }
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** The values for an {@code in (...)} filter; an absent or empty list means no filter ({@code null}). */
    public static <T> List<T> anyOf(List<T> values) {
        return values == null || values.isEmpty() ? null : values;
    }

    /** Enum constants as stored, for an {@code in (...)} filter; absent or empty means no filter ({@code null}). */
    public static List<String> names(List<? extends Enum<?>> values) {
        return values == null || values.isEmpty() ? null : values.stream().map(Enum::name).distinct().toList();
    }

    /** {@code column in (values...)}. */
    public static Sql in(String column, Collection<?> values) {
        return Sql.of(column + " in (", Sql.values(values), ")");
    }

    /** {@code column = value}. */
    public static Sql equal(String column, Object value) {
        return Sql.of(column + " = ", Sql.value(value));
    }

    /** {@code column >= value}. */
    public static Sql atLeast(String column, Object value) {
        return Sql.of(column + " >= ", Sql.value(value));
    }

    /** The websearch query of {@code text}, folded like the stored documents. */
    public static Sql tsQuery(String text) {
        return Sql.of("websearch_to_tsquery('english', fold(", Sql.value(text), "))");
    }

    /**
     * The row's {@code search} vector matches the websearch {@code text}, or its short text (a
     * name or title, as indexed for trigrams) is within a typo of it.
     */
    public static Sql textMatches(String alias, String shortText, String text) {
        return Sql.of("(" + alias + ".search @@ ", tsQuery(text), " or " + shortText + " %> fold(", Sql.value(text), "))");
    }

    /**
     * A period (from {@code start} to {@code end}) that ends by {@code to}. The start bound is
     * implied (a period starts before it ends) but lets PostgreSQL range-scan the date index from
     * the bound instead of walking every later row (64 ms against 1 ms on 50,000 statements).
     */
    public static Sql endsBy(String start, String end, LocalDate to) {
        return Sql.of(start + " <= ", Sql.value(to), " and " + end + " <= ", Sql.value(to));
    }
}
