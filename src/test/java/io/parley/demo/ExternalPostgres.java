package io.parley.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.parley.Management;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for the packaged application, which (like production) has no embedded
 * database and is handed a JDBC URL and credentials instead.
 */
public class ExternalPostgres implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "parley.demo-data", "true",
                // Launched like production, but on the test ports, the management one included.
                "quarkus.management.port", String.valueOf(Management.port()));
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
