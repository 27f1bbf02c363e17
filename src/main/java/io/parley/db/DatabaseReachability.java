package io.parley.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.parley.sql.Sql;

/**
 * Whether this process can reach its database, so that requests fail fast while it cannot and
 * flow again the moment it can (issue 24).
 *
 * <p>Without it every request during an outage waits out the pool's acquisition timeout (3 s) or
 * a stalled socket (8 s) on a worker thread, and those waits pile up. The first request that loses
 * its connection reports it here ({@link #suspect()}, from ErrorMapping, the one place a lost
 * database is recognised); from then on requests are refused at once with UNAVAILABLE, while one
 * probe thread opens a fresh connection of its own (not the pool's, which may be held by stuck
 * requests) every 100 ms with a 2 s budget. The first probe that runs {@code select 1} ends the
 * outage. A suspicion that turns out false (one connection killed, the database fine) costs one
 * probe, a few milliseconds. Measured in DatabaseFaultsTest: docs/reliability.md.
 *
 * <p>Process-wide on purpose: ErrorMapping's translation is static and runs wherever a failure is
 * met. The probe reads the datasource's URL and credentials from the running application's config
 * each time, so a test JVM that restarts the application against another database probes that one
 * (and an outage left over from the previous one ends at its first probe).
 */
public final class DatabaseReachability {

    private static final Logger LOG = Logger.getLogger(DatabaseReachability.class);
    private static final long PROBE_INTERVAL_MS = 100;
    private static final String PROBE_TIMEOUT_S = "2";

    private static final AtomicBoolean LOST = new AtomicBoolean();
    private static final AtomicBoolean PROBING = new AtomicBoolean();
    private static volatile long lostSince;

    private DatabaseReachability() {
    }

    /** True while the database is known to be out of reach: refuse instead of waiting for it. */
    public static boolean unreachable() {
        return LOST.get();
    }

    /** A connection was lost or could not be made: refuse new work until a probe gets through. */
    public static void suspect() {
        if (LOST.compareAndSet(false, true)) {
            lostSince = System.nanoTime();
            LOG.warn("The database is out of reach; refusing requests until it answers again");
        }
        if (PROBING.compareAndSet(false, true)) {
            Thread probe = new Thread(DatabaseReachability::probeUntilReached, "parley-database-probe");
            probe.setDaemon(true);
            probe.start();
        }
    }

    private static void probeUntilReached() {
        try {
            while (LOST.get()) {
                if (reached()) {
                    LOST.set(false);
                    LOG.infof("The database answers again after %d ms", (System.nanoTime() - lostSince) / 1_000_000);
                    return;
                }
                try {
                    Thread.sleep(PROBE_INTERVAL_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    LOST.set(false);
                    return;
                }
            }
        } finally {
            PROBING.set(false);
            // A suspicion raised while this probe was finishing starts the next one.
            if (LOST.get() && PROBING.compareAndSet(false, true)) {
                Thread probe = new Thread(DatabaseReachability::probeUntilReached, "parley-database-probe");
                probe.setDaemon(true);
                probe.start();
            }
        }
    }

    /** One fresh connection and {@code select 1}, each step bounded, nothing borrowed from the pool. */
    private static boolean reached() {
        Config config = ConfigProvider.getConfig();
        Optional<String> url = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class);
        if (url.isEmpty()) {
            return true; // nothing to probe: let requests find out for themselves
        }
        Properties properties = new Properties();
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(u -> properties.put("user", u));
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(p -> properties.put("password", p));
        properties.put("connectTimeout", PROBE_TIMEOUT_S);
        properties.put("loginTimeout", PROBE_TIMEOUT_S);
        properties.put("socketTimeout", PROBE_TIMEOUT_S);
        properties.put("ApplicationName", "parley-probe");
        try (Connection connection = new org.postgresql.Driver().connect(url.get(), properties);
                PreparedStatement select = Sql.of("select 1").prepare(connection)) {
            select.execute();
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
