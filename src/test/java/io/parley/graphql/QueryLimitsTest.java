package io.parley.graphql;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.error;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Each abuse limit refuses with a clear LIMIT_EXCEEDED error, and ordinary queries pass. */
@QuarkusTest
class QueryLimitsTest {

    @Test
    void tooDeepIsRefused() {
        String level = "talks(first: 1) { nodes { track { ";
        String deep = "{ " + level.repeat(6) + "name" + " } } }".repeat(6) + " }";
        Map<String, Object> refused = error("LIMIT_EXCEEDED", deep);
        assertTrue(((String) refused.get("message")).contains("deeper"), refused::toString);
    }

    @Test
    void nestedPagesThatMultiplyPastTheNodeLimitAreRefused() {
        error("LIMIT_EXCEEDED", """
                { talks(first: 100) { nodes { participants { person {
                    talks(first: 100) { nodes { participants { person { statements(first: 100) { nodes { quote } } } } } }
                } } } } }""");
        data("{ talks(first: 100) { nodes { participants { person { talks(first: 5) { nodes { title } } } } } } }");
    }

    @Test
    void aliasBombsAreRefused() {
        StringBuilder bomb = new StringBuilder("{");
        for (int i = 0; i < 200; i++) {
            bomb.append(" a").append(i).append(": tracks { totalCount }");
        }
        error("LIMIT_EXCEEDED", bomb.append(" }").toString());
    }

    @Test
    void oversizedBodiesAreRefusedBeforeParsing() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ tracks { totalCount } }", "pad", "x".repeat(400_000)))
                .when().post("/graphql").then().statusCode(413);
    }
}
