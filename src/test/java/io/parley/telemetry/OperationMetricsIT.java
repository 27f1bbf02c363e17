package io.parley.telemetry;

import io.parley.demo.ExternalPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** Per-operation metrics of the packaged application (JVM jar, or native with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(ExternalPostgres.class)
@TestProfile(OperationMetricsTest.FewNames.class)
class OperationMetricsIT extends OperationMetricsTest {
}
