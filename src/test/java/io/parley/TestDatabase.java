package io.parley;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.parley.demo.ExternalPostgres;
import io.quarkus.arc.Arc;

/**
 * A connection of the test's own to the application's database, for what a test checks or sets up
 * beside the API. A @QuarkusTest shares the application's process and takes it from the
 * application's pool; an @QuarkusIntegrationTest (the *IT subclasses, against the packaged jar or
 * the native executable) cannot inject anything and connects to the PostgreSQL it started.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Connection connection() throws SQLException {
        if (ExternalPostgres.started()) {
            return ExternalPostgres.connection();
        }
        return Arc.container().instance(DataSource.class).get().getConnection();
    }
}
