package io.parley.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL that Parley reaches only through a {@link FaultProxy}, and that a test can
 * stop and start again on the same data directory and port, as a restarted database pod is. The
 * test's own connections go straight to the server, so they see what was really committed.
 */
public class FaultyPostgres implements QuarkusTestResourceLifecycleManager {

    private static volatile FaultyPostgres current;

    private Path dataDirectory;
    private int port;
    private EmbeddedPostgres server;
    private FaultProxy proxy;

    public static FaultyPostgres current() {
        if (current == null) {
            throw new IllegalStateException("FaultyPostgres is not started; the test needs its profile");
        }
        return current;
    }

    @Override
    public Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("parley-faults-pg");
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startServer();
        proxy = new FaultProxy(port);
        current = this;
        return Map.of(
                "quarkus.datasource.jdbc.url", proxy.jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "parley.demo-data", "false");
    }

    public FaultProxy proxy() {
        return proxy;
    }

    /** Stops the server ("fast": sessions are ended, as on a pod's SIGTERM), keeping its data. */
    public synchronized void stopServer() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = null;
    }

    /** Starts the server again on the same data and port; returns once it accepts connections. */
    public synchronized void startServer() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection of the test's own, straight to the server (not through the proxy). */
    public Connection directConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
    }

    @Override
    public void stop() {
        current = null;
        proxy.close();
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
