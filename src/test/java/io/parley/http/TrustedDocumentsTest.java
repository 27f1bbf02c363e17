package io.parley.http;

import static io.parley.http.PersistedQueriesTest.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.parley.TestDatabase;
import io.parley.common.Roles;
import io.parley.graphql.Tokens;
import io.parley.http.persisted.PersistedDocuments;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;

/**
 * With trusted documents on, anonymous and reader callers run only the manifest's documents
 * and those an admin registered; editors and admins run anything. The cap on automatic
 * registrations is set low here to see it hold.
 */
@QuarkusTest
@TestProfile(TrustedDocumentsTest.TrustedOnly.class)
class TrustedDocumentsTest {

    static final String MANIFEST_QUERY = "query ManifestTracks { tracks(first: 3) { totalCount } }";
    /** Relay's compiler names documents by MD5 (32 hex digits) and clients send that id. */
    static final String RELAY_ID = "0123456789abcdef0123456789abcdef";
    static final String RELAY_QUERY = "query RelayTracks { tracks(first: 1) { nodes { name } } }";
    private static final int CAP = 5;

    public static class TrustedOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path manifest = Files.createTempFile("trusted-documents", ".json");
                // As GraphQL Codegen's client preset writes persisted-documents.json: hash -> document.
                Files.writeString(manifest, new JsonObject().put(PersistedDocuments.sha256(MANIFEST_QUERY), MANIFEST_QUERY)
                        .put(RELAY_ID, RELAY_QUERY).encodePrettily());
                manifest.toFile().deleteOnExit();
                return Map.of("parley.trusted-documents.enabled", "true",
                        "parley.trusted-documents.manifest", manifest.toString(),
                        "parley.persisted.max-documents", String.valueOf(CAP));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static ValidatableResponse ask(String token, String accept, String query) {
        var request = given().accept(accept).contentType("application/json").body(Map.of("query", query));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.when().post("/graphql").then();
    }

    @Test
    void theManifestsDocumentsRunForAnyoneByHashOrInFull() {
        String hash = PersistedDocuments.sha256(MANIFEST_QUERY);
        post("application/json", null, hash).statusCode(200).body("errors", nullValue())
                .body("data.tracks.totalCount", notNullValue());
        given().accept("application/json")
                .queryParam("extensions", new JsonObject().put("persistedQuery",
                        new JsonObject().put("version", 1).put("sha256Hash", hash)).encode())
                .when().get("/graphql").then().statusCode(200).body("errors", nullValue());
        ask(null, "application/json", MANIFEST_QUERY).statusCode(200).body("errors", nullValue());
    }

    @Test
    void manifestIdsWorkAsDocumentIds() {
        given().accept("application/json").contentType("application/json").body(Map.of("documentId", RELAY_ID))
                .when().post("/graphql").then().statusCode(200).body("errors", nullValue())
                .body("data.tracks.nodes.size()", equalTo(1));
        ask(null, "application/json", RELAY_QUERY).statusCode(200).body("errors", nullValue());
        given().accept("application/json").queryParam("documentId", "sha256:" + PersistedDocuments.sha256(MANIFEST_QUERY))
                .when().get("/graphql").then().statusCode(200).body("errors", nullValue());
        given().accept("application/json").queryParam("documentId", "sha256:" + PersistedDocuments.sha256("{ x }"))
                .when().get("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
    }

    @Test
    void anUnknownOperationIsRefusedToAnonymousAndReadersWhileEditorsAndAdminsRunIt() {
        String unknown = "{ people(first: 1) { totalCount } }";
        ask(null, "application/json", unknown).statusCode(200).body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        ask(null, "application/graphql-response+json", unknown).statusCode(403)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        ask(Tokens.withRoles(Roles.READER), "application/json", unknown)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        given().accept("application/json").queryParam("query", unknown).when().get("/graphql").then()
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        for (String role : new String[] { Roles.EDITOR, Roles.ADMIN }) {
            ask(Tokens.withRoles(role), "application/json", unknown).statusCode(200).body("errors", nullValue())
                    .body("data.people.totalCount", notNullValue());
        }
        // A token that does not verify cannot vouch for anything: Quarkus refuses it with 401.
        ask(Tokens.expired(), "application/json", unknown).statusCode(401);
        // Sending hash and query registers an automatic document, which does not make it trusted.
        post("application/json", unknown, PersistedDocuments.sha256(unknown))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void adminsRegisterTrustedDocumentsThroughTheApi() {
        String document = "query Registered" + UUID.randomUUID().toString().replace("-", "") + " { sources { totalCount } }";
        String registration = "mutation($d: String!) { registerTrustedDocument(document: $d) { sha256Hash document } }";
        ask(null, "application/json", document).body("errors[0].extensions.code", equalTo("FORBIDDEN"));

        given().accept("application/json").contentType("application/json")
                .header("Authorization", "Bearer " + Tokens.withRoles(Roles.EDITOR))
                .body(Map.of("query", registration, "variables", Map.of("d", document)))
                .when().post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        given().accept("application/json").contentType("application/json")
                .header("Authorization", "Bearer " + Tokens.withRoles(Roles.ADMIN))
                .body(Map.of("query", registration, "variables", Map.of("d", "{ noSuchField }")))
                .when().post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        given().accept("application/json").contentType("application/json")
                .header("Authorization", "Bearer " + Tokens.withRoles(Roles.ADMIN))
                .body(Map.of("query", registration, "variables", Map.of("d", document)))
                .when().post("/graphql").then().statusCode(200).body("errors", nullValue())
                .body("data.registerTrustedDocument.sha256Hash", equalTo(PersistedDocuments.sha256(document)));

        ask(null, "application/json", document).statusCode(200).body("errors", nullValue());
        post("application/json", null, PersistedDocuments.sha256(document)).statusCode(200).body("errors", nullValue());
    }

    @Test
    void automaticRegistrationsStopAtTheCap() throws SQLException {
        String editor = Tokens.withRoles(Roles.EDITOR);
        for (int i = 0; i < CAP + 2; i++) {
            String query = "query Cap" + UUID.randomUUID().toString().replace("-", "") + " { tracks { totalCount } }";
            given().accept("application/json").contentType("application/json").header("Authorization", "Bearer " + editor)
                    .body(Map.of("query", query, "extensions", PersistedQueriesTest.extensions(PersistedDocuments.sha256(query))))
                    .when().post("/graphql").then().statusCode(200).body("errors", nullValue());
        }
        try (Connection connection = TestDatabase.connection();
                ResultSet count = connection.createStatement()
                        .executeQuery("select count(*) from persisted_document where origin = 'automatic'")) {
            count.next();
            assertEquals(CAP, count.getInt(1), "past the cap, documents are answered but not stored");
        }
        assertTrue(CAP > 1);
    }
}
