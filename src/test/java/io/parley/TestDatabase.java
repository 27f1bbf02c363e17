package io.parley;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Each of a record's rows in a collection {@code table} (its key in {@code ownerColumn}), in
     * order: the row's ordinal and the transaction that last wrote it (xmin), which stays the same
     * for a row no write touched.
     */
    public static List<String> rowVersions(String table, String ownerColumn, long owner) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(
                "select ordinal || ':' || xmin from " + table + " where " + ownerColumn + " = ? order by ordinal")) {
            statement.setLong(1, owner);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
        }
        return rows;
    }
}
