package io.parley.events;

import io.parley.common.NodeType;

/**
 * A committed write, as carried in a PostgreSQL notification: what kind of record, its key, and
 * its track (null when it has none). The text form is {@code TALK:42:7} or {@code TALK:42:}.
 */
public record Change(NodeType type, long key, Long trackKey) {

    String encode() {
        return type.name() + ":" + key + ":" + (trackKey == null ? "" : trackKey);
    }

    /** The change a payload describes, or null for a payload this version does not understand. */
    static Change decode(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(":", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            return new Change(NodeType.valueOf(parts[0]), Long.parseLong(parts[1]),
                    parts[2].isEmpty() ? null : Long.valueOf(parts[2]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
