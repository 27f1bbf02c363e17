package io.parley.outcome;

public enum OutcomeKind {
    MESSAGE_CONVEYED,
    CEASEFIRE,
    HOSTAGE_RELEASE,
    PRISONER_RELEASE,
    PRISONER_EXCHANGE,
    AGREEMENT,
    COMMITMENT,
    OTHER
}
