package io.parley.access;

import org.junit.jupiter.api.condition.EnabledIf;

import io.parley.demo.ExternalPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The identity provider's tokens against the packaged application (JVM jar, or native with
 * -Dnative): discovery and the provider's JWKS fetched by the production build, beside the
 * test key it trusts as production trusts its configured keys.
 */
@QuarkusIntegrationTest
@WithTestResource(ExternalPostgres.class)
@TestProfile(WithKeycloak.class)
@EnabledIf(value = WithKeycloak.CAN_RUN, disabledReason = WithKeycloak.NO_JDK)
class ProviderTokensIT extends ProviderTokensTest {
}
