package io.parley.access;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application as an organisation runs it with its identity provider: the test Keycloak
 * ({@link Keycloak}) as issuer, the web app's client, Keycloak's realm roles as the roles claim,
 * and an audience every token must carry. The dev/test key's tokens verify as before, alongside.
 * Test classes with this profile share one application start, and one Keycloak.
 * Use with {@code @EnabledIf(value = WithKeycloak.CAN_RUN, disabledReason = WithKeycloak.NO_JDK)}.
 */
public class WithKeycloak implements QuarkusTestProfile {

    public static final String CAN_RUN = "io.parley.access.WithKeycloak#canRun";
    public static final String NO_JDK = "Keycloak needs a JDK 21 or newer and none was found"
            + " (set PARLEY_KEYCLOAK_JAVA_HOME): the sign-in tests against it are skipped";
    public static final String ROLES_CLAIM = "realm_access/roles";

    public static boolean canRun() {
        return Keycloak.javaHome().isPresent();
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Provider.class));
    }

    public static class Provider implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
            Keycloak keycloak = Keycloak.start("http://localhost:" + port);
            return Map.of("parley.oidc.issuer", keycloak.issuer(), "parley.oidc.client-id", Keycloak.WEB_CLIENT,
                    "parley.oidc.roles-claim", ROLES_CLAIM, "parley.oidc.audience", Keycloak.AUDIENCE,
                    "parley.oidc.name", "Keycloak");
        }

        @Override
        public void stop() {
            // The profile's classes run together (Quarkus orders test classes by profile), so
            // Keycloak is not needed after them: free the machine for the rest of the run.
            Keycloak.stopRunning();
        }
    }
}
