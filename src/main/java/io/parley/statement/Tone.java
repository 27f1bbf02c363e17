package io.parley.statement;

public enum Tone {
    OPTIMISTIC,
    CAUTIOUSLY_OPTIMISTIC,
    NEUTRAL,
    SKEPTICAL,
    PESSIMISTIC
}
