package io.parley.http;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import io.parley.demo.ExternalPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Automatic persisted queries against the packaged application (JVM jar, or native with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(ExternalPostgres.class)
class PersistedQueriesIT extends PersistedQueriesTest {

    @Override
    @Test
    @Disabled("counts Hibernate's statements in the application's own process; PersistedQueriesTest checks it")
    void compiledReadsAnswerPersistedQueries() {
    }
}
