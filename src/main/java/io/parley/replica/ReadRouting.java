package io.parley.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.common.Failures;
import io.parley.sql.Sql;

/**
 * Where a read goes: to the read replica (the {@value #REPLICA} datasource, CloudNativePG's
 * {@code -ro} service) when one is configured and {@link ReplicaMonitor} finds it streaming within
 * the lag bounds, else to the primary. Without a replica every read takes the primary's pool
 * directly, as before: nothing is probed, counted or waited for.
 * <p>
 * A read that names a commit position ({@link ReadAfter}: the caller's own last write) is served
 * by the replica only once the replica's connection has replayed that far, checked on that very
 * connection (the {@code -ro} service spreads connections over several replicas), waiting at most
 * {@code parley.replica.read-after-wait}; otherwise the primary answers it. A replica that fails
 * (no connection, a dropped one, a query cancelled by a conflict with recovery) never fails the
 * read: the primary answers it, and a failure of the replica itself has it avoided a while.
 * Writes, the payload a mutation returns, subscriptions, rate limits and persisted documents do
 * not come here: they use the primary's pool (and Hibernate) as always.
 */
@ApplicationScoped
public class ReadRouting {

    /** The name of the replica's datasource ({@code quarkus.datasource.replica.*}). */
    public static final String REPLICA = "replica";

    /** A read's work on whichever connection answers it. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource primary;
    private final ReplicaMonitor monitor;
    private final MeterRegistry metrics;
    private final long readAfterWaitNanos;
    private volatile Counters counters;

    /** Reads counted by where they went and why. */
    private record Counters(Counter replica, Counter unusable, Counter behindReadAfter, Counter failedOver) {
    }

    public ReadRouting(DataSource primary, ReplicaMonitor monitor, MeterRegistry metrics,
            @ConfigProperty(name = "parley.replica.read-after-wait") Duration readAfterWait) {
        this.primary = primary;
        this.monitor = monitor;
        this.metrics = metrics;
        this.readAfterWaitNanos = readAfterWait.toNanos();
    }

    /** Whether a replica is configured: only then do writes report their commit position. */
    public boolean replicated() {
        return monitor.replica() != null;
    }

    /** Runs a read on the replica or the primary, as described above. */
    public <T> T read(CommitPosition after, Work<T> work) throws SQLException {
        Connection replica = replicaConnection(after);
        if (replica != null) {
            try (replica) {
                T result = work.run(replica);
                counters().replica().increment();
                return result;
            } catch (SQLException failed) {
                if (!replicaFault(failed)) {
                    throw failed;
                }
                failedOver(failed);
            }
        }
        try (Connection connection = primary.getConnection()) {
            return work.run(connection);
        }
    }

    /**
     * A connection for a read that streams its answer (exports), chosen the same way; the caller
     * closes it. Once an export has begun writing, a failure of its connection ends it, whichever
     * database it was.
     */
    public Connection connection(CommitPosition after) throws SQLException {
        Connection replica = replicaConnection(after);
        if (replica != null) {
            counters().replica().increment();
            return replica;
        }
        return primary.getConnection();
    }

    /**
     * The primary's WAL position now, called once a write has committed: a position at or past
     * that commit, which a read may send back to see it. Null without a replica (nothing to wait for).
     */
    public CommitPosition commitPosition() throws SQLException {
        if (!replicated()) {
            return null;
        }
        try (Connection connection = primary.getConnection();
                PreparedStatement statement = Sql.sql("select pg_current_wal_lsn()::text").prepare(connection);
                ResultSet row = statement.executeQuery()) {
            return row.next() ? CommitPosition.parse(row.getString(1)) : null;
        }
    }

    /** A replica connection that may answer a read needing {@code after}, or null when the primary must. */
    private Connection replicaConnection(CommitPosition after) {
        DataSource replica = monitor.replica();
        if (replica == null) {
            return null;
        }
        if (!monitor.usable()) {
            counters().unusable().increment();
            return null;
        }
        Connection connection = null;
        try {
            connection = replica.getConnection();
            if (after == null || caughtUp(connection, after)) {
                return connection;
            }
            counters().behindReadAfter().increment();
        } catch (SQLException failed) {
            if (replicaFault(failed)) {
                monitor.lost(failed);
            }
            counters().failedOver().increment();
        }
        close(connection);
        return null;
    }

    /** Whether the replica behind this connection has replayed {@code after}, waiting for it a little. */
    private boolean caughtUp(Connection connection, CommitPosition after) throws SQLException {
        long deadline = System.nanoTime() + readAfterWaitNanos;
        try (PreparedStatement replayed = Sql.sql("select pg_last_wal_replay_lsn()::text").prepare(connection)) {
            while (true) {
                try (ResultSet row = replayed.executeQuery()) {
                    CommitPosition position = row.next() ? CommitPosition.parse(row.getString(1)) : null;
                    if (position == null) {
                        return false;
                    }
                    if (position.reached(after)) {
                        return true;
                    }
                }
                if (System.nanoTime() - deadline >= 0) {
                    return false;
                }
                try {
                    // Replay of a just-committed write usually takes well under a millisecond on a
                    // synchronous standby; 5 ms steps keep the wait's cost to a few statements.
                    TimeUnit.MILLISECONDS.sleep(5);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    private void failedOver(SQLException failed) {
        counters().failedOver().increment();
        if (!conflictWithRecovery(failed)) {
            monitor.lost(failed);
        }
    }

    /**
     * Whether the replica (not the read) failed, so the primary should answer: the connection
     * failed or was refused (SQLSTATE class 08, 57P01-57P03, 53300, or no state at all, as the
     * pool's own acquisition timeout has), or the standby cancelled the query because replay
     * needed what it read (a conflict with recovery, 40001 on a standby). A statement timeout,
     * bad input or a bug fails the same way on the primary and is not retried there.
     */
    static boolean replicaFault(SQLException failed) {
        return failed.getSQLState() == null || Failures.connectionLost(failed) || conflictWithRecovery(failed);
    }

    private static boolean conflictWithRecovery(SQLException failed) {
        return "40001".equals(failed.getSQLState()) && failed.getMessage() != null
                && failed.getMessage().contains("conflict with recovery");
    }

    private Counters counters() {
        Counters made = counters;
        if (made == null) {
            made = new Counters(count("replica", "streaming"), count("primary", "replica-unusable"),
                    count("primary", "replica-behind-read-after"), count("primary", "replica-failed"));
            counters = made;
        }
        return made;
    }

    private Counter count(String database, String reason) {
        return Counter.builder("parley.reads.routed").description("Reads a replica could have answered, by where they went and why")
                .tag("database", database).tag("reason", reason).register(metrics);
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // returned to the pool broken; the pool's validation replaces it
            }
        }
    }
}
