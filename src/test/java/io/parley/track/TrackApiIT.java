package io.parley.track;

import io.parley.demo.ExternalPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Tracks, against the packaged application (JVM jar, or native with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(ExternalPostgres.class)
class TrackApiIT extends TrackApiTest {
}
