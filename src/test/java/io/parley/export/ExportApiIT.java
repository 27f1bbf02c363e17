package io.parley.export;

import io.parley.demo.ExternalPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** CSV, JSON Lines and bundle exports read back with real parsers, against the packaged application (JVM jar, or native with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(ExternalPostgres.class)
class ExportApiIT extends ExportApiTest {
}
