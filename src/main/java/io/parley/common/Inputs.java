package io.parley.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Validation of client input, shared by every mutation and filter. Each check names the
 * offending field (e.g. {@code input.participants[1].personId}) and normalises what it accepts
 * (trimmed text, upper-case country codes).
 */
public final class Inputs {

    public static final int NAME_MAX = 200;
    public static final int TITLE_MAX = 300;
    public static final int TEXT_MAX = 10_000;
    public static final int LIST_MAX = 100;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Inputs() {
    }

    public static String required(String field, String value, int max) {
        String text = optional(field, value, max);
        if (text == null) {
            throw ApiException.badInput(field, "must not be blank");
        }
        return text;
    }

    /** Trimmed text, or null when absent or blank. */
    public static String optional(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            throw ApiException.badInput(field, "must not contain NUL characters");
        }
        String text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > max) {
            throw ApiException.badInput(field, "must be at most " + max + " characters");
        }
        return text;
    }

    public static String countryCode(String field, String value) {
        if (value == null) {
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw ApiException.badInput(field, "'" + preview(value) + "' is not an ISO 3166-1 alpha-2 country code");
        }
        return code;
    }

    public static Double latitude(String field, Double value) {
        return range(field, value, 90);
    }

    public static Double longitude(String field, Double value) {
        return range(field, value, 180);
    }

    private static Double range(String field, Double value, double limit) {
        if (value != null && !(value >= -limit && value <= limit)) {
            throw ApiException.badInput(field, "must be between -" + (int) limit + " and " + (int) limit);
        }
        return value;
    }

    public static void notBefore(String field, LocalDate end, LocalDate start, String startField) {
        if (end != null && start != null && end.isBefore(start)) {
            throw ApiException.badInput(field, "must not be before " + startField);
        }
    }

    public static void notBefore(String field, OffsetDateTime end, OffsetDateTime start, String startField) {
        if (end != null && start != null && end.isBefore(start)) {
            throw ApiException.badInput(field, "must not be before " + startField);
        }
    }

    public static String url(String field, String value) {
        String text = optional(field, value, 2_000);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw ApiException.badInput(field, "must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw ApiException.badInput(field, "must be an absolute http(s) URL");
        }
        return text;
    }

    public static String matching(String field, String value, String pattern, String description) {
        String text = optional(field, value, NAME_MAX);
        if (text != null && !text.matches(pattern)) {
            throw ApiException.badInput(field, "must be " + description);
        }
        return text;
    }

    /** Trimmed, distinct, non-blank strings; null for an absent list. */
    public static List<String> strings(String field, Collection<String> values, int max) {
        List<String> each = each(field, values, (element, value) -> required(element, value, max));
        return each == null ? null : new ArrayList<>(new LinkedHashSet<>(each));
    }

    /** Converts each element, naming it by index; null for an absent list. */
    public static <T, R> List<R> each(String field, Collection<T> values, BiFunction<String, T, R> convert) {
        if (values == null) {
            return null;
        }
        size(field, values);
        List<R> result = new ArrayList<>(values.size());
        int index = 0;
        for (T value : values) {
            result.add(convert.apply(field + "[" + index++ + "]", value));
        }
        return result;
    }

    /** Keys of IDs of one type, each once; null for an absent list. */
    public static List<Long> keys(String field, Collection<String> ids, NodeType type) {
        if (ids == null) {
            return null;
        }
        size(field, ids);
        Set<Long> keys = new LinkedHashSet<>();
        int index = 0;
        for (String id : ids) {
            String element = field + "[" + index++ + "]";
            if (!keys.add(GlobalId.keyOf(id, type, element))) {
                throw ApiException.badInput(element, "is listed twice");
            }
        }
        return new ArrayList<>(keys);
    }

    /** Refuses a list longer than {@value #LIST_MAX} elements. */
    public static void size(String field, Collection<?> values) {
        if (values.size() > LIST_MAX) {
            throw ApiException.badInput(field, "must have at most " + LIST_MAX + " elements");
        }
    }

    /** A short, printable excerpt of client text for error messages. */
    static String preview(String value) {
        if (value == null) {
            return "";
        }
        String printable = value.replaceAll("[\\p{Cntrl}]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
