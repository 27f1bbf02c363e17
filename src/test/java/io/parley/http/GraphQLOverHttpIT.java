package io.parley.http;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import io.parley.demo.ExternalPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * GraphQL over HTTP (GET reads with their Cache-Control and ETag, 304 revalidation, status codes
 * by media type) against the packaged application (JVM jar, or native with -Dnative).
 */
@QuarkusIntegrationTest
@WithTestResource(ExternalPostgres.class)
class GraphQLOverHttpIT extends GraphQLOverHttpTest {

    @Override
    @Test
    @Disabled("counts Hibernate's statements in the application's own process; GraphQLOverHttpTest checks it")
    void compiledReadsAnswerGets() {
    }
}
