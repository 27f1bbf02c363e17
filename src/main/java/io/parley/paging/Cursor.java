package io.parley.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.parley.common.ApiException;

/**
 * A position in an ordered list: the ordering's name, the sort value of the row and its key.
 * Because it names a position rather than an offset, pages stay correct when rows are
 * inserted or deleted between requests.
 */
public record Cursor(String ordering, String value, long key) {

    private static final int MAX_LENGTH = 1_000;

    public String encode() {
        String text = ordering + "\n" + key + "\n" + value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor issued for {@code expectedOrdering}; anything else is bad input. */
    public static Cursor decode(String encoded, String expectedOrdering) {
        if (encoded == null) {
            return null;
        }
        String[] parts = null;
        if (encoded.length() <= MAX_LENGTH) {
            try {
                parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\n", 3);
            } catch (IllegalArgumentException e) {
                parts = null;
            }
        }
        if (parts == null || parts.length != 3 || !parts[1].matches("[0-9]{1,18}")) {
            throw ApiException.badInput("after", "is not a cursor this API issued");
        }
        if (!parts[0].equals(expectedOrdering)) {
            throw ApiException.badInput("after", "was issued for another ordering of this list");
        }
        return new Cursor(parts[0], parts[2], Long.parseLong(parts[1]));
    }
}
