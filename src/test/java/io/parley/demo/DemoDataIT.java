package io.parley.demo;

import static io.parley.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The reader's questions again, against the packaged application (JVM jar, or native with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(ExternalPostgres.class)
class DemoDataIT extends DemoDataTest {

    @Test
    void theDevTokenEndpointIsNotInTheProductionBuild() {
        given().when().get("/dev/token?roles=admin").then().statusCode(404);
    }

    @Test
    void operatorsGetHealthAndMetricsOnTheManagementPortOnly() {
        for (String probe : new String[] {"/q/health/started", "/q/health/ready", "/q/health/live"}) {
            management().when().get(probe).then().statusCode(200).body(containsString("\"UP\""));
        }
        management().when().get("/q/health/ready").then().body(containsString("Database connections health check"));
        management().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health").then().statusCode(404);
    }

    @Test
    void frontendsGetTheSchemaAndGraphiQL() {
        given().when().get("/graphql/schema.graphql").then().statusCode(200).body(containsString("type Query"));
        given().when().get("/q/graphql-ui/").then().statusCode(200).body(containsString("graphiql"));
    }
}
