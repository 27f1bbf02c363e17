package io.parley.graphql;

/** A validated {@code first}/{@code after} pair: at most 100 rows, 20 when unsaid. */
public record PageRequest(int first, String after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static PageRequest of(Integer first, String after) {
        int size = first == null ? DEFAULT_SIZE : first;
        if (size < 0) {
            throw ApiException.badInput("first", "must not be negative");
        }
        if (size > MAX_SIZE) {
            throw ApiException.limitExceeded("first", "at most " + MAX_SIZE + " records can be requested at once, not "
                    + size);
        }
        return new PageRequest(size, after);
    }
}
