package io.parley.paging;

import io.parley.common.ApiException;

/**
 * A validated {@code first}/{@code after} pair: at most 100 rows, 20 when unsaid; and whether
 * the connection's {@code totalCount} was asked for. Counting a large filtered set costs more
 * than the page itself (the benchmark's 50,000 talks: 19 ms against under 1 ms), so it is
 * counted only when selected.
 */
public record PageRequest(int first, String after, boolean counted) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** A page whose connection does or does not select totalCount. */
    public static PageRequest of(Integer first, String after, boolean counted) {
        int size = first == null ? DEFAULT_SIZE : first;
        if (size < 0) {
            throw ApiException.badInput("first", "must not be negative");
        }
        if (size > MAX_SIZE) {
            throw ApiException.limitExceeded("first", "at most " + MAX_SIZE + " records can be requested at once, not "
                    + size);
        }
        return new PageRequest(size, after, counted);
    }
}
