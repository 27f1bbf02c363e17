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
    INTERNAL,
    /** Apollo's automatic persisted queries: the hash names no stored document; send it again with the query. */
    PERSISTED_QUERY_NOT_FOUND
}
