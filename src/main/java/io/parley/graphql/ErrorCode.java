package io.parley.graphql;

/** The contract's error codes, carried in {@code extensions.code}. */
public enum ErrorCode {
    BAD_USER_INPUT,
    NOT_FOUND,
    UNAUTHENTICATED,
    FORBIDDEN,
    CONFLICT,
    LIMIT_EXCEEDED,
    UNAVAILABLE,
    INTERNAL
}
