package io.parley.graphql;

import io.parley.demo.ExternalPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Error messages and codes clients can read, over HTTP and WebSocket, against the packaged application (JVM jar, or native with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(ExternalPostgres.class)
class ReadableErrorsIT extends ReadableErrorsTest {
}
