package io.parley.track;

public enum TrackStatus {
    ACTIVE,
    PAUSED,
    CONCLUDED
}
