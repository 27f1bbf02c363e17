package io.parley.outcome;

public enum OutcomeStatus {
    PROPOSED,
    AGREED,
    IMPLEMENTED,
    COLLAPSED
}
