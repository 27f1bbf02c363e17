package io.parley.history;

public enum RevisionAction {
    CREATED,
    UPDATED,
    DELETED
}
