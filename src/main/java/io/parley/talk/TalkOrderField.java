package io.parley.talk;

public enum TalkOrderField {
    DATE,
    TITLE,
    UPDATED_AT
}
