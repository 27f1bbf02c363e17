package io.parley.limits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.parley.sql.Sql;

/**
 * Per-client budgets of cost points per window, kept in PostgreSQL so that every replica
 * charges the same budget: one atomic upsert per request decides, under the client's row lock,
 * whether the operation still fits and charges it only if it does. Windows are fixed and
 * aligned on the database's clock (one clock for every replica), so a budget resets for
 * everyone at the same instant. Off unless {@code parley.rate-limit.enabled}.
 */
@ApplicationScoped
public class RateLimits {

    /** A client's budget after a request was charged, or refused. */
    public record Budget(boolean accepted, long limit, long used, Instant resetAt) {

        public long remaining() {
            return limit - used;
        }
    }

    /**
     * The upsert charging {@code cost} to {@code client}: the new window's budget, or the running
     * one's if it still fits, and whether it was refused.
     */
    private Sql charging(String client, long cost) {
        Sql window = Sql.of("make_interval(secs => ", Sql.value(seconds), ")");
        Sql fits = Sql.of(Sql.value(cost), " <= ", Sql.value(points));
        Sql fitsRunning = Sql.of("b.used + ", Sql.value(cost), " <= ", Sql.value(points));
        return Sql.of("insert into rate_budget as b (client, window_start, used, refused) select ", Sql.value(client),
                ", w.start, case when ", fits, " then ", Sql.value(cost), " else 0 end, not (", fits, ")",
                " from (select date_bin(", window, ", now(), timestamptz '2000-01-01 00:00:00+00') as start) w",
                " on conflict (client) do update set",
                " used = case when b.window_start <> excluded.window_start then excluded.used",
                " when ", fitsRunning, " then b.used + ", Sql.value(cost), " else b.used end,",
                " refused = case when b.window_start <> excluded.window_start then excluded.refused",
                " else not (", fitsRunning, ") end,",
                " window_start = excluded.window_start",
                " returning used, refused, window_start + ", window, " as reset_at");
    }

    private final boolean enabled;
    private final long points;
    private final long seconds;
    private final DataSource database;
    private final AtomicLong lastForgotten = new AtomicLong();

    public RateLimits(@ConfigProperty(name = "parley.rate-limit.enabled") boolean enabled,
            @ConfigProperty(name = "parley.rate-limit.points") long points,
            @ConfigProperty(name = "parley.rate-limit.window") Duration window, DataSource database) {
        if (points < 1 || points > Integer.MAX_VALUE || window.toSeconds() < 1) {
            throw new IllegalArgumentException(
                    "parley.rate-limit.points must be from 1 to 2147483647 (GraphQL's Int), .window at least 1 s");
        }
        this.enabled = enabled;
        this.points = points;
        this.seconds = window.toSeconds();
        this.database = database;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Charges the operation's cost to the client's budget if it fits; blocks on the database. */
    public Budget charge(String client, long cost) throws SQLException {
        try (Connection connection = database.getConnection()) {
            forgetEndedWindows(connection);
            try (PreparedStatement statement = charging(client, cost).prepare(connection);
                    ResultSet charged = statement.executeQuery()) {
                charged.next();
                return new Budget(!charged.getBoolean("refused"), points, charged.getLong("used"),
                        charged.getTimestamp("reset_at").toInstant());
            }
        }
    }

    private void forgetEndedWindows(Connection connection) throws SQLException {
        long now = System.currentTimeMillis();
        long last = lastForgotten.get();
        if (now - last < seconds * 1000 || !lastForgotten.compareAndSet(last, now)) {
            return;
        }
        // Budgets of windows that have ended are dropped at most once a window per replica.
        try (PreparedStatement statement = Sql.of("delete from rate_budget where window_start < now()"
                + " - make_interval(secs => ", Sql.value(seconds), ")").prepare(connection)) {
            statement.executeUpdate();
        }
    }
}
