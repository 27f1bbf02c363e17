package io.parley.export;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.parley.common.ApiException;
import io.vertx.core.MultiMap;

/**
 * An export's query string read as the fields of a GraphQL filter: the same names, lists as
 * repeated or comma-separated values. Every parameter must be one the export reads, so a typo
 * is refused (BAD_USER_INPUT) instead of silently exporting everything.
 */
final class QueryParameters {

    /** More values than any filter needs; a longer list is a mistake or an attack. */
    private static final int MAX_VALUES = 100;

    private final MultiMap values;
    private final Set<String> read = new HashSet<>();

    QueryParameters(MultiMap values) {
        this.values = values;
    }

    String text(String name) {
        List<String> all = raw(name);
        if (all.size() > 1) {
            throw ApiException.badInput(name, "is given more than once");
        }
        return all.isEmpty() ? null : all.get(0);
    }

    LocalDate date(String name) {
        String value = text(name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badInput(name, "is not an ISO-8601 date such as 2025-03-13");
        }
    }

    Boolean bool(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ApiException.badInput(name, "must be true or false");
        }
        return Boolean.valueOf(value);
    }

    /** A list: repeated parameters, each possibly comma-separated; null when absent. */
    List<String> list(String name) {
        List<String> all = new ArrayList<>();
        for (String value : raw(name)) {
            for (String item : value.split(",", -1)) {
                all.add(item.strip());
            }
        }
        if (all.size() > MAX_VALUES) {
            throw ApiException.limitExceeded(name, "at most " + MAX_VALUES + " values");
        }
        return all.isEmpty() ? null : all;
    }

    <T extends Enum<T>> List<T> enums(String name, Class<T> type) {
        List<String> names = list(name);
        if (names == null) {
            return null;
        }
        List<T> result = new ArrayList<>(names.size());
        for (String value : names) {
            try {
                result.add(Enum.valueOf(type, value));
            } catch (IllegalArgumentException e) {
                throw ApiException.badInput(name, "'" + value + "' is not one of " + List.of(type.getEnumConstants()));
            }
        }
        return result;
    }

    <T extends Enum<T>> T oneOf(String name, Class<T> type) {
        List<T> all = enums(name, type);
        if (all != null && all.size() > 1) {
            throw ApiException.badInput(name, "takes one value");
        }
        return all == null ? null : all.get(0);
    }

    /** Refuses any parameter the export did not read. */
    void requireAllRead() {
        for (String name : values.names()) {
            if (!read.contains(name)) {
                throw ApiException.badInput(name, "is not a filter of this export; it takes " + read.stream().sorted()
                        .toList());
            }
        }
    }

    private List<String> raw(String name) {
        read.add(name);
        return values.getAll(name);
    }
}
