package io.parley.person;

import io.parley.demo.ExternalPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Merging people, against the packaged application (JVM jar, or native with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(ExternalPostgres.class)
class MergePeopleApiIT extends MergePeopleApiTest {
}
