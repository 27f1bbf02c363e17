package io.parley.graphql;

import io.parley.common.Roles;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import groovy.json.JsonOutput;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Posts real GraphQL documents to /graphql, as any client would. */
public final class GraphQLClient {

    private GraphQLClient() {
    }

    /** Mutations go as an editor and admin, as a newsroom's tools would; reads go anonymous. */
    public static JsonPath post(String document, Object... variables) {
        String token = document.stripLeading().startsWith("mutation") ? EditorAdmin.TOKEN : null;
        return postAs(token, document, variables);
    }

    /** Posts with the given bearer token, or none when it is null. */
    public static JsonPath postAs(String token, String document, Object... variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", vars(variables));
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.when().post("/graphql")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    /** Signed on first use: packaged-app tests, which only read, never need the signing key. */
    private static final class EditorAdmin {
        static final String TOKEN = Tokens.withRoles(Roles.EDITOR, Roles.ADMIN);
    }

    /** The response's {@code data} as a document of its own, failing the test if any error came back. */
    public static JsonPath data(String document, Object... variables) {
        JsonPath response = post(document, variables);
        assertNull(response.get("errors"), () -> "unexpected errors: " + response.prettify());
        return JsonPath.from(JsonOutput.toJson(response.getMap("data")));
    }

    /** The single error the document must produce, checked for its code; returns the error object. */
    public static Map<String, Object> error(String code, String document, Object... variables) {
        JsonPath response = post(document, variables);
        List<Map<String, Object>> errors = response.getList("errors");
        assertNotNull(errors, () -> "expected a " + code + " error, got " + response.prettify());
        assertEquals(1, errors.size(), response::prettify);
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) errors.get(0).get("extensions");
        assertEquals(code, extensions.get("code"), response::prettify);
        return errors.get(0);
    }

    /** The {@code field} extension of the single error the document must produce. */
    public static String badInputField(String document, Object... variables) {
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) error("BAD_USER_INPUT", document, variables)
                .get("extensions");
        return (String) extensions.get("field");
    }

    /** Variables as alternating names and values. */
    public static Map<String, Object> vars(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
