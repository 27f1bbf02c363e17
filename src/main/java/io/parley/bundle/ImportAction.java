package io.parley.bundle;

/** What an import did with one bundle record. */
public enum ImportAction {
    /** No stored record matched; a new one was made. */
    CREATED,
    /** A stored record matched and already said the same; nothing was written. */
    MATCHED,
    /** A stored record matched and was changed to what the bundle says. */
    UPDATED
}
