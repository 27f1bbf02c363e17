package io.parley.talk;

public enum TalkFormat {
    IN_PERSON,
    PHONE,
    VIDEO,
    SHUTTLE
}
