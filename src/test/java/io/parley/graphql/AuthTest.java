package io.parley.graphql;

import io.parley.common.Roles;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.postAs;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class AuthTest {

    private static final String CREATE = "mutation($input: PersonInput!) { createPerson(input: $input) { id } }";
    private static final String DELETE = "mutation($id: ID!) { deletePerson(id: $id) }";
    private static final String FIND = "query($n: String) { people(filter: {name: $n}) { totalCount } }";

    private static String code(JsonPath response) {
        List<Map<String, Map<String, Object>>> errors = response.getList("errors");
        assertEquals(1, errors.size(), response::prettify);
        return (String) errors.get(0).get("extensions").get("code");
    }

    private static int count(String name) {
        return data(FIND, "n", name).getInt("people.totalCount");
    }

    @Test
    void writesNeedAValidTokenAndNothingChangesWithout() {
        String name = Fixtures.unique("Unauthenticated write");
        Map<String, Object> input = vars("name", name);
        assertEquals("UNAUTHENTICATED", code(postAs(null, CREATE, "input", input)));
        // A token that does not verify is refused by Quarkus before GraphQL runs (quarkus#26410).
        for (String bad : new String[] { "not.a.jwt", Tokens.expired() }) {
            given().contentType(ContentType.JSON).header("Authorization", "Bearer " + bad)
                    .body(Map.of("query", CREATE, "variables", Map.of("input", input)))
                    .when().post("/graphql").then().statusCode(401);
        }
        assertEquals(0, count(name));
    }

    /**
     * A token is verified once and then remembered by its exact text (VerifiedTokens): the same
     * text keeps its roles, and the same signature over claims changed to say admin is a new text,
     * verified in full and refused.
     */
    @Test
    void aRememberedTokenIsTrustedOnlyAsSigned() {
        String editor = Tokens.withRoles(Roles.EDITOR);
        String name = Fixtures.unique("Verified once");
        String id = postAs(editor, CREATE, "input", vars("name", name)).getString("data.createPerson.id");
        assertEquals("FORBIDDEN", code(postAs(editor, DELETE, "id", id)));

        String[] parts = editor.split("\\.");
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                .put("groups", new JsonArray().add(Roles.ADMIN));
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + forged)
                .body(Map.of("query", DELETE, "variables", Map.of("id", id)))
                .when().post("/graphql").then().statusCode(401);
        assertEquals(1, count(name));
        assertEquals(id, postAs(Tokens.withRoles(Roles.ADMIN), DELETE, "id", id).getString("data.deletePerson"));
    }

    @Test
    void rolesDecideWhatATokenMayDo() {
        String name = Fixtures.unique("Role-checked");
        assertEquals("FORBIDDEN", code(postAs(Tokens.withRoles(Roles.READER), CREATE, "input", vars("name", name))));
        assertEquals(0, count(name));

        String id = postAs(Tokens.withRoles(Roles.EDITOR), CREATE, "input", vars("name", name))
                .getString("data.createPerson.id");
        assertEquals(1, count(name));
        assertEquals("FORBIDDEN", code(postAs(Tokens.withRoles(Roles.EDITOR), DELETE, "id", id)));
        assertEquals(1, count(name));
        assertEquals(id, postAs(Tokens.withRoles(Roles.ADMIN), DELETE, "id", id).getString("data.deletePerson"));
        assertEquals(0, count(name));
    }

    @Test
    void readsArePublic() {
        JsonPath read = postAs(null, "{ tracks { totalCount } }");
        assertNull(read.get("errors"), read::prettify);
        assertTrue(read.getInt("data.tracks.totalCount") >= 3, "the demo tracks are readable");
    }
}
