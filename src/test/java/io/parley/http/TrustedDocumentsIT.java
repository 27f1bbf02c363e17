package io.parley.http;

import io.parley.demo.ExternalPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** Trusted documents (a manifest file, admin registrations) under their own configuration, against the packaged application (JVM jar, or native with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(ExternalPostgres.class)
@TestProfile(TrustedDocumentsTest.TrustedOnly.class)
class TrustedDocumentsIT extends TrustedDocumentsTest {
}
