package io.parley.telemetry;

import io.parley.demo.ExternalPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** Spans sent by the packaged application (JVM jar, or native with -Dnative) to the test's OTLP receiver. */
@QuarkusIntegrationTest
@WithTestResource(ExternalPostgres.class)
@TestProfile(TracingTest.Exported.class)
class TracingIT extends TracingTest {
}
