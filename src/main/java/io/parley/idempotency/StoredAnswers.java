package io.parley.idempotency;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import io.parley.sql.Sql;

/**
 * The idempotency_key table (V12): each statement runs on the connection of the keyed write's own
 * transaction, so what it reads and writes commits or rolls back with the write.
 */
final class StoredAnswers {

    /**
     * The first of the two 32-bit halves of the advisory locks taken on keys (the second is a hash
     * of the caller and key). Two-key advisory locks never collide with the one-key locks other
     * parts of Parley take (persisted documents); 0x1DE7 ("idem") tells them apart in pg_locks.
     */
    private static final int LOCK_SPACE = 0x1DE7;

    /** What the table holds for a key: the request's fingerprint and its answer. */
    record Stored(byte[] fingerprint, Answer answer) {
        boolean answers(IdempotencyKey key) {
            return MessageDigest.isEqual(fingerprint, key.fingerprint());
        }
    }

    private StoredAnswers() {
    }

    /**
     * Takes the key's lock for the rest of the transaction, without waiting: false when another
     * request with the same key holds it (it is still running, on this replica or another). The
     * lock is released when the transaction ends, together with the commit that makes the answer
     * visible, so whoever takes it next finds the answer if there is one. Two different keys may
     * share a hash (one in four billion): the second then waits as if in progress, which is safe.
     */
    static boolean lock(Connection connection, IdempotencyKey key) throws SQLException {
        try (PreparedStatement lock = Sql.of("select pg_try_advisory_xact_lock(", Sql.value(LOCK_SPACE),
                ", hashtext(", Sql.value(key.subject()), " || chr(10) || ", Sql.value(key.key()), "))")
                .prepare(connection); ResultSet taken = lock.executeQuery()) {
            taken.next();
            return taken.getBoolean(1);
        }
    }

    /** The stored answer for the caller's key, or null. */
    static Stored find(Connection connection, IdempotencyKey key) throws SQLException {
        try (PreparedStatement select = Sql.of("select fingerprint, response, has_data, has_errors"
                + " from idempotency_key where subject = ", Sql.value(key.subject()), " and key = ",
                Sql.value(key.key())).prepare(connection); ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            return new Stored(row.getBytes(1), new Answer(row.getString(2), row.getBoolean(3), row.getBoolean(4)));
        }
    }

    /**
     * Whether the transaction has written anything: PostgreSQL assigns a transaction ID at the
     * first write and not before, so this tells a request that wrote from one refused before it
     * did (a failed check, a missing role), which must not use up its key.
     */
    static boolean wrote(Connection connection) throws SQLException {
        try (PreparedStatement select = Sql.of("select pg_current_xact_id_if_assigned() is not null")
                .prepare(connection); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getBoolean(1);
        }
    }

    static void keep(Connection connection, IdempotencyKey key, Answer answer) throws SQLException {
        try (PreparedStatement insert = Sql.of("insert into idempotency_key"
                + " (subject, key, fingerprint, response, has_data, has_errors) values (", Sql.value(key.subject()),
                ", ", Sql.value(key.key()), ", ", Sql.value(key.fingerprint()), ", ", Sql.value(answer.body()), ", ",
                Sql.value(answer.hasData()), ", ", Sql.value(answer.hasErrors()), ")").prepare(connection)) {
            insert.executeUpdate();
        }
    }

    /** Deletes keys older than {@code retention}; returns how many. */
    static int purge(Connection connection, Duration retention) throws SQLException {
        try (PreparedStatement delete = Sql.of("delete from idempotency_key where created_at < now() - make_interval(secs => ",
                Sql.value((double) retention.toSeconds()), ")").prepare(connection)) {
            return delete.executeUpdate();
        }
    }
}
