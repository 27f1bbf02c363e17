package io.parley.source;

import io.parley.demo.ExternalPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** What each source is cited for, against the packaged application (JVM jar, or native with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(ExternalPostgres.class)
class CitedByApiIT extends CitedByApiTest {
}
