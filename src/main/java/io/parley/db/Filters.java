package io.parley.db;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import io.parley.names.ForgivingQuery;
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

    /**
     * The row's {@code search} vector matches {@code text} as search reads it: typos and name
     * variants forgiven, the last word completed, websearch syntax taken as written.
     */
    public static Sql textMatches(String alias, String text) {
        return ForgivingQuery.of(text).matches(alias + ".search");
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
