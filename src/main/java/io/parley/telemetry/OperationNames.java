package io.parley.telemetry;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Operation names as metric tags. Clients choose them, so each distinct name is a new time series
 * in Prometheus: the first {@code cap} names seen are kept, later ones are counted together as
 * {@value #OTHER}. A name is a GraphQL name (letters, digits, underscores) of at most
 * {@value #MAX_LENGTH} characters; the markers in parentheses cannot collide with one.
 */
final class OperationNames {

    static final String ANONYMOUS = "(anonymous)";
    static final String OTHER = "(other)";
    /** The request selected no operation of its document (it did not parse, or names none of them). */
    static final String UNKNOWN = "(unknown)";
    /** Longer names are cut: real ones are short ("PersonPage"), and a tag value is held in every series. */
    static final int MAX_LENGTH = 64;
    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");

    private final int cap;
    private final Set<String> kept = ConcurrentHashMap.newKeySet();

    OperationNames(int cap) {
        this.cap = cap;
    }

    /** The tag for an operation that exists in its document (name null when it has none). */
    String tag(String name) {
        if (name == null) {
            return ANONYMOUS;
        }
        if (!NAME.matcher(name).matches()) {
            return UNKNOWN;
        }
        String tag = name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
        if (kept.contains(tag)) {
            return tag;
        }
        synchronized (kept) {
            // Checked again under the lock, so concurrent first sightings never take the set past its cap.
            if (kept.size() >= cap && !kept.contains(tag)) {
                return OTHER;
            }
            kept.add(tag);
            return tag;
        }
    }
}
