package io.parley.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.sql.Sql;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Watches the read replica from a background thread: every {@code parley.replica.probe-interval}
 * it asks the primary how far its WAL has been written and the replica how far it has replayed,
 * and keeps the answer as a {@link Snapshot}, which {@link ReadRouting} routes each read by.
 * <p>
 * Lag is measured two ways, and reads go to the primary when either is over its bound: in bytes
 * of WAL the replica has not replayed, and in seconds, as the age of the oldest primary position
 * (sampled at each probe) the replica has not yet replayed. The second is what a reader feels
 * ("this answer may be up to N seconds old"); PostgreSQL's own {@code pg_last_xact_replay_timestamp()}
 * cannot say it, because on an idle primary it ages although nothing is missing.
 * <p>
 * A replica that does not answer (or answers slower than the probe interval allows) is not used
 * until a probe succeeds again; a connection failure a read meets ({@link #lost}) has it avoided
 * for {@code parley.replica.avoid-for} at least. None of this ever makes Parley unready: the
 * primary answers what the replica cannot ({@link ReplicaHealth} only describes it).
 */
@ApplicationScoped
public class ReplicaMonitor {

    private static final Logger LOG = Logger.getLogger(ReplicaMonitor.class);

    /** What the replica is, as last seen. */
    public enum State {
        /** No replica is configured: every read goes to the primary. */
        NOT_CONFIGURED,
        /** Configured, not probed yet. */
        UNKNOWN,
        /** Replaying within the lag bounds: reads go to it. */
        STREAMING,
        /** Replaying, but further behind than a bound allows: reads go to the primary. */
        LAGGING,
        /** Not reachable (or a read just failed on it): reads go to the primary. */
        UNREACHABLE,
        /** Reachable but not in recovery (promoted, or not a standby at all): reads go to the primary. */
        NOT_A_STANDBY
    }

    /** One probe's findings. Positions are null where unknown. */
    public record Snapshot(State state, CommitPosition primary, CommitPosition replayed, long lagBytes,
            double lagSeconds, long probedAtNanos, String detail) {
    }

    private record Sample(long nanos, CommitPosition position) {
    }

    private final DataSource primary;
    private final InjectableInstance<DataSource> replicaPool;
    private final MeterRegistry metrics;
    private final Duration probeInterval;
    private final Duration maxLag;
    private final long maxLagBytes;
    private final Duration avoidFor;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private volatile DataSource replica;
    private volatile Snapshot snapshot = new Snapshot(State.NOT_CONFIGURED, null, null, 0, 0, 0, null);
    private volatile long avoidUntilNanos;
    private volatile long lostAtNanos;
    private ScheduledExecutorService prober;

    public ReplicaMonitor(DataSource primary,
            @io.quarkus.agroal.DataSource(ReadRouting.REPLICA) InjectableInstance<DataSource> replicaPool,
            MeterRegistry metrics,
            @ConfigProperty(name = "parley.replica.probe-interval") Duration probeInterval,
            @ConfigProperty(name = "parley.replica.max-lag") Duration maxLag,
            @ConfigProperty(name = "parley.replica.max-lag-bytes") MemorySize maxLagBytes,
            @ConfigProperty(name = "parley.replica.avoid-for") Duration avoidFor) {
        this.primary = primary;
        this.replicaPool = replicaPool;
        this.metrics = metrics;
        this.probeInterval = probeInterval;
        this.maxLag = maxLag;
        this.maxLagBytes = maxLagBytes.asLongValue();
        this.avoidFor = avoidFor;
        // Long before start-up: nothing has failed yet (nanoTime may be negative, so not 0).
        this.lostAtNanos = System.nanoTime() - TimeUnit.HOURS.toNanos(1);
        this.avoidUntilNanos = lostAtNanos;
    }

    void start(@Observes StartupEvent started) {
        DataSource configured = configuredReplica();
        if (configured == null) {
            return;
        }
        replica = configured;
        snapshot = new Snapshot(State.UNKNOWN, null, null, 0, 0, System.nanoTime(), "not probed yet");
        Gauge.builder("parley.replica.lag.seconds", this, monitor -> monitor.snapshot.lagSeconds())
                .description("How old the oldest change the read replica has not replayed is").register(metrics);
        Gauge.builder("parley.replica.lag.bytes", this, monitor -> monitor.snapshot.lagBytes())
                .description("Bytes of WAL the read replica has not replayed").register(metrics);
        Gauge.builder("parley.replica.usable", this, monitor -> monitor.usable() ? 1 : 0)
                .description("1 while reads may go to the read replica, 0 while the primary answers them").register(metrics);
        prober = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "parley-replica-probe");
            thread.setDaemon(true);
            return thread;
        });
        prober.scheduleWithFixedDelay(this::probe, 0, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("reads may go to the read replica (lag bounds %s and %d bytes)", maxLag, maxLagBytes);
    }

    @PreDestroy
    void stop() {
        if (prober != null) {
            prober.shutdownNow();
        }
    }

    /** The replica's pool when one is configured (its URL set), else null. */
    private DataSource configuredReplica() {
        try {
            return replicaPool.getHandle().getBean().isActive() ? replicaPool.get() : null;
        } catch (RuntimeException inactive) {
            return null;
        }
    }

    /** The replica's pool, or null when reads all go to the primary. */
    DataSource replica() {
        return replica;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /**
     * Whether reads may go to the replica now: streaming within the bounds, seen so by a probe
     * recent enough (three intervals and a second) and begun after the last failure a read met.
     */
    public boolean usable() {
        Snapshot seen = snapshot;
        long now = System.nanoTime();
        return seen.state() == State.STREAMING
                && now - seen.probedAtNanos() <= probeInterval.toNanos() * 3 + TimeUnit.SECONDS.toNanos(1)
                && seen.probedAtNanos() - lostAtNanos > 0 && now - avoidUntilNanos >= 0;
    }

    /** A read met a failure of the replica itself: avoid it, and let the probe find it well again. */
    void lost(Throwable failure) {
        long now = System.nanoTime();
        lostAtNanos = now;
        avoidUntilNanos = now + avoidFor.toNanos();
        Snapshot seen = snapshot;
        if (seen.state() != State.UNREACHABLE) {
            LOG.warnf("read replica failed a read (%s); the primary answers reads for at least %s", failure.getMessage(), avoidFor);
            snapshot = new Snapshot(State.UNREACHABLE, seen.primary(), seen.replayed(), seen.lagBytes(), seen.lagSeconds(),
                    seen.probedAtNanos(), failure.getMessage());
        }
    }

    /** One probe: the primary's position, then the replica's. Runs on the probe thread only. */
    void probe() {
        long started = System.nanoTime();
        try {
            CommitPosition written = primaryPosition();
            if (written != null) {
                samples.addLast(new Sample(started, written));
            }
            long keep = maxLag.toNanos() + TimeUnit.SECONDS.toNanos(10);
            while (samples.size() > 1 && (started - samples.peekFirst().nanos() > keep || samples.size() > 10_000)) {
                samples.removeFirst();
            }
            publish(replicaState(started), started);
        } catch (RuntimeException unexpected) {
            LOG.debugf(unexpected, "replica probe failed");
        }
    }

    private CommitPosition primaryPosition() {
        try (Connection connection = primary.getConnection();
                PreparedStatement statement = Sql.sql("select pg_current_wal_lsn()::text").prepare(connection);
                ResultSet row = statement.executeQuery()) {
            return row.next() ? CommitPosition.parse(row.getString(1)) : null;
        } catch (SQLException unreachable) {
            // The primary's own trouble shows in readiness; the lag keeps being measured against
            // the positions sampled before.
            return null;
        }
    }

    private Snapshot replicaState(long started) {
        Sample latest = samples.peekLast();
        CommitPosition written = latest == null ? null : latest.position();
        try (Connection connection = replica.getConnection();
                PreparedStatement statement = Sql.sql("select pg_is_in_recovery(), pg_last_wal_replay_lsn()::text")
                        .prepare(connection)) {
            statement.setQueryTimeout((int) Math.max(1, probeInterval.toSeconds() * 3));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                boolean recovering = row.getBoolean(1);
                CommitPosition replayed = CommitPosition.parse(row.getString(2));
                if (!recovering || replayed == null) {
                    return new Snapshot(State.NOT_A_STANDBY, written, replayed, 0, 0, started,
                            "the replica is not in recovery: it was promoted, or is not a standby");
                }
                long bytes = written == null ? 0 : written.bytesAfter(replayed);
                double seconds = 0;
                for (Sample sample : samples) {
                    if (!replayed.reached(sample.position())) {
                        seconds = (System.nanoTime() - sample.nanos()) / 1e9;
                        break;
                    }
                }
                boolean behind = seconds > maxLag.toNanos() / 1e9 || bytes > maxLagBytes;
                return new Snapshot(behind ? State.LAGGING : State.STREAMING, written, replayed, bytes, seconds, started,
                        behind ? "further behind than parley.replica.max-lag or max-lag-bytes allows" : null);
            }
        } catch (SQLException | RuntimeException unreachable) {
            Snapshot seen = snapshot;
            return new Snapshot(State.UNREACHABLE, written, seen.replayed(), seen.lagBytes(), seen.lagSeconds(), started,
                    unreachable.getMessage());
        }
    }

    private void publish(Snapshot next, long started) {
        Snapshot previous = snapshot;
        if (started - lostAtNanos < 0) {
            // A read failed on the replica while this probe ran: that failure is the newer news.
            return;
        }
        snapshot = next;
        if (previous.state() != next.state()) {
            if (next.state() == State.STREAMING) {
                LOG.infof("read replica is %s (was %s): reads go to it again", next.state(), previous.state());
            } else {
                LOG.warnf("read replica is %s (was %s): the primary answers reads%s", next.state(), previous.state(),
                        next.detail() == null ? "" : " (" + next.detail() + ")");
            }
        }
    }
}
