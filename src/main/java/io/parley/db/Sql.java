package io.parley.db;

import java.util.List;

/** Helpers for values that go into SQL as parameters, never as text. */
public final class Sql {

    private Sql() {
    }

    /** An ILIKE pattern matching {@code text} anywhere, with the client's wildcards escaped. */
    public static String containing(String text) {
        if (text == null) {
            return null;
        }
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** The values for an {@code in (...)} filter; an absent or empty list means no filter. */
    public static <T> List<T> anyOf(List<T> values) {
        return values == null || values.isEmpty() ? null : values;
    }

    /** Enum constants as stored, for an {@code in (...)} filter; absent or empty means no filter. */
    public static List<String> names(List<? extends Enum<?>> values) {
        return values == null || values.isEmpty() ? null : values.stream().map(Enum::name).distinct().toList();
    }
}
