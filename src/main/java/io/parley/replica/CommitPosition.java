package io.parley.replica;

import io.parley.common.ApiException;

/**
 * A position in PostgreSQL's write-ahead log (an LSN such as {@code 0/3000148}): what a write's
 * commit reached on the primary, and how far a replica has replayed. A read that names the
 * position of the caller's last write is served by a replica only once it has replayed that far,
 * so the caller always sees its own write (read-your-writes). Clients treat it as opaque text.
 */
public record CommitPosition(long lsn) implements Comparable<CommitPosition> {

    /** The position PostgreSQL writes as two hexadecimal halves, {@code X/Y}; null for null. */
    public static CommitPosition parse(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        if (slash <= 0 || slash > 8 || text.length() - slash - 1 < 1 || text.length() - slash - 1 > 8) {
            throw new IllegalArgumentException("not a WAL position: " + text);
        }
        long high = Long.parseLong(text.substring(0, slash), 16);
        long low = Long.parseLong(text.substring(slash + 1), 16);
        return new CommitPosition(high << 32 | low);
    }

    /** A position a client sent back (a header or a request extension), refused as BAD_USER_INPUT when it is not one. */
    public static CommitPosition sent(String field, String text) {
        try {
            return parse(text == null ? null : text.strip());
        } catch (IllegalArgumentException notOne) {
            throw ApiException.badInput(field, "must be a commit position as a write returned it"
                    + " (Parley-Commit-Position, extensions.commitPosition), such as 0/3000148");
        }
    }

    public boolean reached(CommitPosition wanted) {
        return wanted == null || Long.compareUnsigned(lsn, wanted.lsn) >= 0;
    }

    /** Bytes of WAL between this position and an earlier one; 0 when the other is not earlier. */
    public long bytesAfter(CommitPosition earlier) {
        return Long.compareUnsigned(lsn, earlier.lsn) > 0 ? lsn - earlier.lsn : 0;
    }

    @Override
    public int compareTo(CommitPosition other) {
        return Long.compareUnsigned(lsn, other.lsn);
    }

    @Override
    public String toString() {
        return Long.toHexString(lsn >>> 32).toUpperCase() + "/" + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase();
    }
}
