package io.parley.graphql;

import io.parley.common.GlobalId;

import io.parley.common.NodeType;

import static io.parley.Management.management;
import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.post;
import static io.parley.graphql.GraphQLClient.vars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Throws what a hostile or broken client would at the running service. Every request gets a
 * clear answer (an error with a code, an empty result, or an HTTP 4xx), never a 5xx; the
 * service stays healthy; and no data changes.
 */
@QuarkusTest
class HostileInputTest {

    private static final String COUNTS = """
            { people { totalCount } envoys { totalCount } tracks { totalCount } talks { totalCount }
              trips { totalCount } outcomes { totalCount } statements { totalCount } sources { totalCount } }""";
    private static final List<String> NASTY = List.of("'; drop table talk; --", "\" or 1=1 --", "%", "_", "\\",
            "& | ! ( ) : * < > <-> ''", "\"unbalanced", "-", "or", "😀 \u202e", "a".repeat(150), "\u0001\u0002");

    private Map<String, Object> before;

    @BeforeEach
    void countEverything() {
        before = data(COUNTS).getMap("$");
    }

    @AfterEach
    void nothingChangedAndTheServiceIsHealthy() {
        assertEquals(before, data(COUNTS).getMap("$"), "no data changed");
        management().when().get("/q/health").then().statusCode(200);
    }

    private static void noServerError(byte[] body, String contentType) {
        given().contentType(contentType).body(body).when().post("/graphql").then().statusCode(lessThan(500));
    }

    @Test
    void malformedBodiesAndWrongContentTypes() {
        noServerError("{\"query\": ".getBytes(StandardCharsets.UTF_8), "application/json");
        noServerError("not json at all".getBytes(StandardCharsets.UTF_8), "application/json");
        noServerError("{\"query\": 42}".getBytes(StandardCharsets.UTF_8), "application/json");
        noServerError("{\"query\": \"{ tracks { totalCount } }\", \"variables\": \"nope\"}"
                .getBytes(StandardCharsets.UTF_8), "application/json");
        noServerError("<query/>".getBytes(StandardCharsets.UTF_8), "application/xml");
        noServerError("{ tracks { totalCount } }".getBytes(StandardCharsets.UTF_8), "text/plain");
        noServerError(new byte[] { '{', '"', 'q', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}' },
                "application/json");
        given().contentType("application/json").body(Map.of("query", "{ tracks { totalCount } }",
                "x", "y".repeat(1_000_000))).when().post("/graphql").then().statusCode(413);
    }

    @Test
    void metacharactersInEveryTextArgumentAreJustText() {
        for (String text : NASTY) {
            JsonPath response = post("""
                    query($t: String!, $o: String) {
                      search(query: $t) { score }
                      talks(filter: {text: $o}) { totalCount }
                      statements(filter: {text: $o}) { totalCount }
                      people(filter: {name: $o}) { totalCount }
                      envoys(filter: {name: $o}) { totalCount }
                    }""", "t", text, "o", text);
            List<Map<String, Map<String, Object>>> errors = response.getList("errors");
            if (errors != null) {
                errors.forEach(error -> assertEquals("BAD_USER_INPUT", error.get("extensions").get("code"),
                        response::prettify));
            } else {
                assertNotNull(response.get("data.talks.totalCount"), response::prettify);
            }
        }
    }

    @Test
    void nulBytesAndHugeStringsAreRefused() {
        String create = "mutation($input: PersonInput!) { createPerson(input: $input) { id } }";
        for (Map<String, Object> input : List.of(vars("name", "nul\u0000name"), vars("name", "x".repeat(100_000)),
                vars("name", "ok", "summary", "s".repeat(20_000)), vars("name", "ok", "aliases", List.of("\u0000")))) {
            assertEquals("BAD_USER_INPUT", code(post(create, "input", input)));
        }
        assertEquals("BAD_USER_INPUT", code(post("query($q: String!) { search(query: $q) { score } }", "q", "a\u0000b")));
    }

    @Test
    void cyclicFragmentsAndUnknownIdsOfEveryType() {
        assertEquals("BAD_USER_INPUT", code(post("""
                query { tracks { nodes { ...A } } }
                fragment A on Track { talks { nodes { track { ...B } } } }
                fragment B on Track { ...A }""")));
        for (NodeType type : NodeType.values()) {
            String unknown = GlobalId.encode(type, 987_654_321L);
            JsonPath node = data("query($id: ID!) { node(id: $id) { id } }", "id", unknown);
            assertTrue(node.get("node") == null, type::toString);
        }
        for (String mutation : List.of("deletePerson", "deleteTalk", "deleteTrip", "deleteOutcome", "deleteStatement")) {
            String type = mutation.substring("delete".length()).toUpperCase();
            String unknown = GlobalId.encode(NodeType.valueOf(type), 987_654_321L);
            assertEquals("NOT_FOUND", code(post("mutation($id: ID!) { " + mutation + "(id: $id) }", "id", unknown)));
            assertEquals("BAD_USER_INPUT", code(post("mutation($id: ID!) { " + mutation + "(id: $id) }", "id", "../../etc")));
        }
    }

    @Test
    void negativeAndHugePageSizes() {
        assertEquals("BAD_USER_INPUT", code(post("{ talks(first: -5) { totalCount } }")));
        assertEquals("LIMIT_EXCEEDED", code(post("{ talks(first: 1000000) { totalCount } }")));
        assertEquals("LIMIT_EXCEEDED", code(post("{ talks(first: 99999999999) { totalCount } }")));
        assertEquals("BAD_USER_INPUT", code(post("{ talks(first: 1.5) { totalCount } }")));
        assertEquals("BAD_USER_INPUT", code(post("query($f: Int) { timeline(first: $f) { date } }", "f", -1)));
    }

    private static String code(JsonPath response) {
        List<Map<String, Map<String, Object>>> errors = response.getList("errors");
        assertNotNull(errors, response::prettify);
        assertFalse(errors.isEmpty());
        String code = (String) errors.get(0).get("extensions").get("code");
        assertTrue(errors.stream().allMatch(e -> code.equals(e.get("extensions").get("code"))), response::prettify);
        return code;
    }
}
