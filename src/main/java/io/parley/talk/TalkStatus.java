package io.parley.talk;

public enum TalkStatus {
    PLANNED,
    EXPECTED,
    HELD,
    CANCELLED
}
