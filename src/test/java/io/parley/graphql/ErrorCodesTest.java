package io.parley.graphql;

import static io.parley.graphql.GraphQLClient.error;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Errors graphql-java and SmallRye raise before any resolver runs still carry a contract code. */
@QuarkusTest
class ErrorCodesTest {

    @Test
    void unknownFieldsWrongTypesAndBadEnumsAreBadUserInput() {
        error("BAD_USER_INPUT", "{ nope }");
        error("BAD_USER_INPUT", "{ talks(first: \"x\") { totalCount } }");
        error("BAD_USER_INPUT", "{ talks(filter: {statuses: [NOPE]}) { totalCount } }");
        error("BAD_USER_INPUT", "mutation { createPerson(input: {}) { id } }");
    }

    @Test
    void syntaxErrorsAndBodiesThatAreNotJsonAreBadUserInput() {
        // A body that is not a GraphQL-over-HTTP request is HTTP 400 (GraphQL over HTTP), still with a code.
        Map<String, Object> syntax = error("BAD_USER_INPUT", "{ talks(first: 1 { totalCount } }");
        assertTrue(((String) syntax.get("message")).contains("does not parse"), syntax::toString);
        for (String body : new String[] { "{\"query\": ", "not json", "[1, 2]", "{\"query\": 42}" }) {
            String code = io.restassured.RestAssured.given().contentType("application/json").body(body)
                    .when().post("/graphql").then().statusCode(400).extract().jsonPath()
                    .getString("errors[0].extensions.code");
            assertEquals("BAD_USER_INPUT", code, body);
        }
    }

    @Test
    void anUnparseableDateIsOneBadUserInputErrorWithoutEchoes() {
        Map<String, Object> failure = error("BAD_USER_INPUT",
                "query($d: Date) { talks(filter: {from: $d}) { totalCount } }", "d", "2025-13-45");
        assertFalse(failure.toString().contains("non null type"), failure::toString);
    }

    @Test
    void resolverErrorsKeepTheirOwnCodeAndNoInternals() {
        Map<String, Object> failure = error("BAD_USER_INPUT",
                "mutation($input: SourceInput!) { addSource(input: $input) { id } }",
                "input", vars("publisher", "x".repeat(500)));
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) failure.get("extensions");
        assertEquals("input.publisher", extensions.get("field"));
        assertFalse(extensions.containsKey("exception"), "no Java class names reach clients");
        assertTrue(((String) failure.get("message")).startsWith("input.publisher:"));
    }
}
