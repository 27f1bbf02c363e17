package io.parley.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Loads the facts of the two seed reports at start-up when {@code parley.demo-data} is on
 * (dev mode and tests; any database with {@code PARLEY_DEMO_DATA=true}). The script takes an
 * advisory lock and skips itself when the data is already there, so replicas starting at once
 * and restarts load it exactly once.
 */
@ApplicationScoped
public class DemoData {

    static final String SCRIPT = "demo/seed-reports.sql";
    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private final DataSource dataSource;
    private final boolean enabled;

    public DemoData(DataSource dataSource, @ConfigProperty(name = "parley.demo-data") boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        if (enabled) {
            load();
        }
    }

    void load() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                statement.execute(script());
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        LOG.info("Demo dataset (the two seed reports) is loaded");
    }

    private static String script() {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
