package io.parley.db;

import java.util.List;

/**
 * The named-parameter ({@code :param}) forms of {@link io.parley.sql.Sql}'s condition helpers,
 * for the list queries still written with {@link ListQuery}'s named parameters; new SQL uses
 * {@link io.parley.sql.Sql}, which also holds the value helpers.
 */
public final class Sql {

    private Sql() {
    }

    /** An ILIKE pattern matching {@code text} anywhere, with the client's wildcards escaped. */
    public static String containing(String text) {
        return io.parley.sql.Sql.containing(text);
    }

    /** The websearch query of the text in parameter {@code :param}, folded like the stored documents. */
    public static String tsQuery(String param) {
        return "websearch_to_tsquery('english', fold(:" + param + "))";
    }

    /**
     * SQL condition: the row's {@code search} vector matches the websearch text in {@code :param},
     * or its short text (a name or title, as indexed for trigrams) is within a typo of it.
     */
    public static String textMatches(String alias, String shortText, String param) {
        return "(" + alias + ".search @@ " + tsQuery(param) + " or " + shortText + " %> fold(:" + param + "))";
    }

    /** The values for an {@code in (...)} filter; an absent or empty list means no filter. */
    public static <T> List<T> anyOf(List<T> values) {
        return io.parley.sql.Sql.anyOf(values);
    }

    /** Enum constants as stored, for an {@code in (...)} filter; absent or empty means no filter. */
    public static List<String> names(List<? extends Enum<?>> values) {
        return io.parley.sql.Sql.names(values);
    }

    /**
     * A period (from {@code start} to {@code end}) that ends by {@code :param}. The start bound
     * is implied (a period starts before it ends) but lets PostgreSQL range-scan the date index
     * from the bound instead of walking every later row (64 ms against 1 ms on 50,000 statements).
     */
    public static String endsBy(String start, String end, String param) {
        return start + " <= :" + param + " and " + end + " <= :" + param;
    }
}
