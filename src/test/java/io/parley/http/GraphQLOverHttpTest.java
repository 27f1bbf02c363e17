package io.parley.http;

import static io.parley.graphql.GraphQLClient.data;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import io.parley.graphql.Fixtures;
import io.parley.common.Roles;
import io.parley.graphql.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * GraphQL over HTTP as the spec and HTTP caches expect it: reads over GET with the parameters in
 * the URL, ETags and 304s, cache headers by caller, mutations never run over GET, and the media
 * type and status code the Accept header asks for.
 */
@QuarkusTest
class GraphQLOverHttpTest {

    private static final String JSON = "application/json";
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String READ = "{ tracks(first: 5) { totalCount nodes { name } } }";

    private static RequestSpecification accepting(String type) {
        return given().accept(type);
    }

    @Test
    void aGetReadCarriesCacheHeadersAndRevalidatesTo304() {
        Response first = accepting(JSON).queryParam("query", READ).when().get("/graphql");
        first.then().statusCode(200).contentType(startsWith(JSON))
                .header("Cache-Control", "public, max-age=60")
                .header("Vary", containsString("Accept")).header("Vary", containsString("Authorization"))
                .body("errors", nullValue());
        assertEquals(data(READ).getMap("$"), first.jsonPath().getMap("data"), "GET answers as POST does");
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "a strong ETag: " + etag);

        accepting(JSON).queryParam("query", READ).header("If-None-Match", etag).when().get("/graphql")
                .then().statusCode(304).header("ETag", etag).body(emptyString());
        accepting(JSON).queryParam("query", READ).header("If-None-Match", "\"something-else\"").when().get("/graphql")
                .then().statusCode(200).header("ETag", etag);
        String other = accepting(GRAPHQL_RESPONSE).queryParam("query", READ).when().get("/graphql")
                .then().statusCode(200).contentType(startsWith(GRAPHQL_RESPONSE)).extract().header("ETag");
        assertNotEquals(etag, other, "each representation has its own ETag");
    }

    @Test
    void authenticatedReadsArePrivateAndErrorsAreNotStored() {
        accepting(JSON).header("Authorization", "Bearer " + Tokens.withRoles(Roles.READER)).queryParam("query", READ)
                .when().get("/graphql").then().statusCode(200).header("Cache-Control", "private, no-cache");
        accepting(JSON).queryParam("query", "{ talks(first: 1000) { totalCount } }").when().get("/graphql")
                .then().statusCode(200).header("Cache-Control", "no-store").header("ETag", nullValue())
                .body("errors[0].extensions.code", equalTo("LIMIT_EXCEEDED"));
    }

    @Test
    void getTakesVariablesOperationNameAndExtensionsFromTheUrl() {
        Response answer = accepting(JSON)
                .queryParam("query", "query Tracks($n: Int) { tracks(first: $n) { nodes { name } } } "
                        + "query Count { talks { totalCount } }")
                .queryParam("operationName", "Count")
                .queryParam("variables", "{\"n\": 1}")
                .queryParam("extensions", "{\"tracing\": false}")
                .when().get("/graphql");
        answer.then().statusCode(200).body("errors", nullValue());
        assertEquals(Map.of("talks", data("{ talks { totalCount } }").getMap("talks")), answer.jsonPath().getMap("data"),
                "the operation named, not the first");
        accepting(JSON).queryParam("query", "query($n: Int) { tracks(first: $n) { nodes { name } } }")
                .queryParam("variables", "{\"n\": 1}").when().get("/graphql")
                .then().statusCode(200).body("data.tracks.nodes.size()", equalTo(1));
        accepting(JSON).queryParam("query", READ).queryParam("variables", "not json").when().get("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("variables"));
    }

    @Test
    void compiledReadsAnswerGets() {
        // Looked up, not injected: the *IT subclass runs outside the application's process.
        var statistics = Arc.container().instance(SessionFactory.class).get().getStatistics();
        statistics.clear();
        accepting(JSON).queryParam("query", READ).when().get("/graphql").then().statusCode(200).body("errors", nullValue());
        assertEquals(0, statistics.getPrepareStatementCount(), "one SQL statement, outside Hibernate");
    }

    @Test
    void aMutationOverGetIsRefusedAndNeverRuns() {
        String name = Fixtures.unique("Never created over GET");
        String mutation = "mutation { createPerson(input: {name: \"" + name + "\"}) { id } }";
        String token = Tokens.withRoles(Roles.EDITOR, Roles.ADMIN);
        for (String type : new String[] { JSON, GRAPHQL_RESPONSE }) {
            accepting(type).header("Authorization", "Bearer " + token).queryParam("query", mutation)
                    .when().get("/graphql").then().statusCode(405).header("Allow", "POST")
                    .body("data", nullValue()).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        }
        assertEquals(0, data("query($n: String) { people(filter: {name: $n}) { totalCount } }", "n", name)
                .getInt("people.totalCount"), "nothing was written");
    }

    @Test
    void statusCodesFollowTheAcceptedMediaType() {
        for (String query : new String[] { "{ tracks { totalCount }", "{ noSuchField }",
                "query($id: ID!) { node(id: $id) { id } }" }) {
            given().accept(GRAPHQL_RESPONSE).contentType(JSON).body(Map.of("query", query)).when().post("/graphql")
                    .then().statusCode(400).contentType(startsWith(GRAPHQL_RESPONSE)).body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
            given().accept(JSON).contentType(JSON).body(Map.of("query", query)).when().post("/graphql")
                    .then().statusCode(200).contentType(startsWith(JSON))
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        }
        given().accept("*/*").contentType(JSON).body(Map.of("query", READ)).when().post("/graphql")
                .then().statusCode(200).contentType(startsWith(JSON));
        given().accept("text/html").contentType(JSON).body(Map.of("query", READ)).when().post("/graphql")
                .then().statusCode(406);
        given().accept(JSON).contentType(JSON).body("{ \"not a JSON").when().post("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        given().accept(JSON).body("{\"query\": \"{ __typename }\"}").when().post("/graphql")
                .then().statusCode(415).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        given().accept(JSON).contentType("application/graphql").body(READ.getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post("/graphql")
                .then().statusCode(200).body("data.tracks.totalCount", notNullInt());
    }

    @Test
    void batchesAreRefusedClearly() {
        given().accept(JSON).contentType(JSON).body("[{\"query\": \"{ __typename }\"}, {\"query\": \"{ __typename }\"}]")
                .when().post("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("batched"));
    }

    @Test
    void mutationsAreNeverCached() {
        given().accept(JSON).contentType(JSON).header("Authorization", "Bearer " + Tokens.withRoles(Roles.EDITOR))
                .body(Map.of("query", "mutation { addSource(input: {publisher: \"Cache test\"}) { id } }"))
                .when().post("/graphql").then().statusCode(200).header("Cache-Control", "no-store")
                .header("ETag", nullValue()).body("errors", nullValue());
    }

    private static org.hamcrest.Matcher<Object> notNullInt() {
        return org.hamcrest.Matchers.instanceOf(Integer.class);
    }
}
