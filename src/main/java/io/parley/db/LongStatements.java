package io.parley.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.parley.sql.Sql;

/**
 * Lets one transaction's statements run longer than the pool's 5 s statement_timeout (exports,
 * which read everything), and raises the connection's socket timeout with it: the pool's 8 s
 * socket timeout, which is what notices a stalled network, would otherwise cut such a statement
 * while PostgreSQL is still working on it.
 */
public final class LongStatements {

    /** What the server needs to deliver its own cancellation once a raised timeout expires. */
    private static final int MARGIN_MS = 3_000;

    private LongStatements() {
    }

    /**
     * Sets the transaction's statement_timeout to {@code timeout} (PostgreSQL's notation: "10min")
     * and the connection's socket timeout to match; returns the socket timeout to give back with
     * {@link #restore}. The statement timeout ends with the transaction.
     */
    public static int allow(Connection connection, String timeout) throws SQLException {
        int previous = connection.getNetworkTimeout();
        // pg_settings gives the timeout in milliseconds whichever way it was written.
        try (PreparedStatement settings = Sql.of("select set_config('statement_timeout', ", Sql.value(timeout),
                ", true), (select setting::bigint from pg_settings where name = 'statement_timeout')")
                .prepare(connection);
                ResultSet set = settings.executeQuery()) {
            set.next();
            long raised = set.getLong(2);
            // 0 means no limit at all: then no socket timeout either.
            connection.setNetworkTimeout(Runnable::run, raised == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, raised + MARGIN_MS));
        }
        return previous;
    }

    /** Gives the connection its pool's socket timeout back before it returns to the pool. */
    public static void restore(Connection connection, int networkTimeout) throws SQLException {
        connection.setNetworkTimeout(Runnable::run, networkTimeout);
    }
}
