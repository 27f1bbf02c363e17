package io.parley.common;

/** The contract's error codes, carried in {@code extensions.code}. */
public enum ErrorCode {
    BAD_USER_INPUT,
    NOT_FOUND,
    UNAUTHENTICATED,
    FORBIDDEN,
    CONFLICT,
    LIMIT_EXCEEDED,
    UNAVAILABLE,
    /**
     * The connection to the database broke while a write was committing: it may or may not have
     * been written. Send it again with the same idempotency key, which returns the first answer
     * if it was written and writes it once if not.
     */
    COMMIT_UNKNOWN,
    INTERNAL,
    /** Apollo's automatic persisted queries: the hash names no stored document; send it again with the query. */
    PERSISTED_QUERY_NOT_FOUND
}
