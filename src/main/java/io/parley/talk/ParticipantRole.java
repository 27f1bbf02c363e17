package io.parley.talk;

public enum ParticipantRole {
    HOST,
    VISITOR,
    MEDIATOR,
    PARTICIPANT
}
