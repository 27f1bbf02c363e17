package io.parley.idempotency;

import io.parley.demo.ExternalPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Keyed writes against the packaged application (JVM jar, or native with -Dnative): the keyed
 * transaction's hops between threads, and the interceptor, as built for production.
 */
@QuarkusIntegrationTest
@WithTestResource(ExternalPostgres.class)
class RetrySafeWritesIT extends RetrySafeWritesTest {
}
