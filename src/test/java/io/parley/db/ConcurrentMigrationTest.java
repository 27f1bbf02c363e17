package io.parley.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Many replicas starting at once against an empty database, as after a fresh deployment with
 * several pods: each runs Parley's migrations the way migrate-at-start does, and the
 * database ends up migrated exactly once.
 */
class ConcurrentMigrationTest {

    private static final int REPLICAS = 6;

    @Test
    void replicasStartingTogetherMigrateOnce() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MigrateResult>> results = new ArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                results.add(replicas.submit(() -> {
                    start.await();
                    return Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
                }));
            }
            start.countDown();
            int applied = 0;
            for (Future<MigrateResult> result : results) {
                MigrateResult migration = result.get();
                assertTrue(migration.success);
                applied += migration.migrationsExecuted;
            }
            replicas.shutdown();

            int versions = Flyway.configure().dataSource(database).locations("classpath:db/migration").load()
                    .info().applied().length;
            assertTrue(versions >= 3, "Parley has migrations");
            assertEquals(versions, applied, "each migration ran on one replica only");
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                    ResultSet history = statement.executeQuery(
                            "select count(*), count(distinct version), bool_and(success) from flyway_schema_history")) {
                history.next();
                assertEquals(versions, history.getInt(1));
                assertEquals(versions, history.getInt(2));
                assertTrue(history.getBoolean(3));
            }
        }
    }
}
