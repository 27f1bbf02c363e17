package io.parley.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import io.parley.TestDatabase;
import io.parley.http.persisted.PersistedDocuments;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Automatic persisted queries exactly as Apollo Client's PersistedQueryLink and urql's
 * persistedExchange send them: the hash alone first, then hash and query, then the hash alone
 * again, over POST or GET.
 */
@QuarkusTest
class PersistedQueriesTest {

    /** A document no other test sends, so its hash starts unknown. */
    private static String freshQuery() {
        return "query Fresh" + UUID.randomUUID().toString().replace("-", "") + " { tracks(first: 2) { totalCount } }";
    }

    static Map<String, Object> extensions(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    static ValidatableResponse post(String accept, String query, String hash) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (query != null) {
            body.put("query", query);
        }
        body.put("extensions", extensions(hash));
        return given().accept(accept).contentType("application/json").body(body).when().post("/graphql").then();
    }

    @Test
    void aHashMissThenRegistrationThenHitsOverPostAndGet() throws SQLException {
        String query = freshQuery();
        String hash = PersistedDocuments.sha256(query);

        post("application/json", null, hash).statusCode(200).body("data", nullValue())
                .body("errors[0].message", equalTo("PersistedQueryNotFound"))
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        post("application/graphql-response+json, application/json;q=0.9", null, hash).statusCode(404)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));

        post("application/json", query, hash).statusCode(200).body("errors", nullValue())
                .body("data.tracks.totalCount", notNullValue());
        assertEquals(query, stored(hash), "kept in PostgreSQL, for every replica");

        post("application/json", null, hash).statusCode(200).body("errors", nullValue())
                .body("data.tracks.totalCount", notNullValue());
        // useGETForHashedQueries / preferGetForPersistedQueries: the hash in the URL, no query.
        given().accept("application/json")
                .queryParam("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}")
                .queryParam("variables", "{}")
                .when().get("/graphql").then().statusCode(200).body("errors", nullValue())
                .body("data.tracks.totalCount", notNullValue()).header("ETag", notNullValue());
    }

    @Test
    void compiledReadsAnswerPersistedQueries() {
        String query = freshQuery();
        String hash = PersistedDocuments.sha256(query);
        post("application/json", query, hash).statusCode(200).body("errors", nullValue());
        // Looked up, not injected: the *IT subclass runs outside the application's process.
        var statistics = Arc.container().instance(SessionFactory.class).get().getStatistics();
        statistics.clear();
        post("application/json", null, hash).statusCode(200).body("errors", nullValue());
        given().accept("application/json")
                .queryParam("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}")
                .when().get("/graphql").then().statusCode(200).body("errors", nullValue());
        assertEquals(0, statistics.getPrepareStatementCount(), "one SQL statement each, outside Hibernate");
    }

    @Test
    void aHashThatDoesNotMatchItsQueryIsRefused() throws SQLException {
        String query = freshQuery();
        String wrong = PersistedDocuments.sha256(query + " ");
        post("application/json", query, wrong).statusCode(400).body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("extensions.persistedQuery.sha256Hash"));
        assertEquals(null, stored(wrong));
        post("application/json", query, "not-a-hash").statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void onlyDocumentsThatParseAndValidateAreRegistered() throws SQLException {
        for (String invalid : new String[] { "{ noSuchField" + UUID.randomUUID().toString().replace("-", "") + " }",
                "{ tracks { " + UUID.randomUUID() }) {
            String hash = PersistedDocuments.sha256(invalid);
            post("application/json", invalid, hash).statusCode(200)
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
            assertEquals(null, stored(hash), invalid);
            post("application/json", null, hash).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        }
    }

    private String stored(String hash) throws SQLException {
        try (Connection connection = TestDatabase.connection();
                PreparedStatement select = connection.prepareStatement(
                        "select document from persisted_document where id = ? and origin = 'automatic'")) {
            select.setString(1, hash);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
