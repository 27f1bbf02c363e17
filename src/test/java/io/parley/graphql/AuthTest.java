package io.parley.graphql;

import io.parley.common.Roles;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.postAs;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

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
