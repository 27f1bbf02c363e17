package io.parley.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import io.parley.Management;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for the packaged application (JVM jar, or the native executable with
 * -Dnative), which like production has no embedded database and is handed a JDBC URL and
 * credentials instead. It also trusts the test key pair, as production trusts its identity
 * provider's keys, so the integration tests can sign their own tokens (/dev/token does not exist
 * in the production build).
 */
public class ExternalPostgres implements QuarkusTestResourceLifecycleManager {

    private static volatile String jdbcUrl;

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
        // The public key is left out of the packaged application; the test classpath (classes or
        // the Maven jar) still has it, and the application is pointed at a copy of it.
        Path publicKey;
        try (InputStream pem = ExternalPostgres.class.getClassLoader().getResourceAsStream("dev-keys/public.pem")) {
            if (pem == null) {
                throw new IllegalStateException("dev-keys/public.pem is not on the test classpath");
            }
            publicKey = Files.createTempFile("parley-test-jwt", ".pem");
            publicKey.toFile().deleteOnExit();
            Files.copy(pem, publicKey, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "parley.demo-data", "true",
                "mp.jwt.verify.issuer", "https://parley.dev/dev",
                "mp.jwt.verify.publickey.location", "file:" + publicKey.toAbsolutePath(),
                // Launched like production, but on the test ports, the management one included.
                "quarkus.management.port", String.valueOf(Management.port()));
    }

    /** Whether this test JVM started the database (it runs the *IT classes). */
    public static boolean started() {
        return jdbcUrl != null;
    }

    /**
     * A connection of the test's own to the application's database, for what a test checks
     * beside the API (stored rows, notifications from another connection).
     */
    public static Connection connection() throws SQLException {
        if (jdbcUrl == null) {
            throw new IllegalStateException("the database is not started");
        }
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }

    @Override
    public void stop() {
        jdbcUrl = null;
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
