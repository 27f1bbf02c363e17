package io.parley.graphql;

import io.parley.common.Roles;

import static io.parley.graphql.GraphQLClient.postAs;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** With one setting, reading needs the reader role (editors and admins read too). */
@QuarkusTest
@TestProfile(ReadsRequireReaderTest.ReadersOnly.class)
class ReadsRequireReaderTest {

    public static class ReadersOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.auth.reads-require-reader", "true");
        }
    }

    private static final String READ = "{ people(first: 1) { totalCount nodes { name talks { totalCount } } } }";

    @Test
    void readsNeedAReaderEditorOrAdminToken() {
        assertEquals("UNAUTHENTICATED", code(postAs(null, READ)));
        assertEquals("FORBIDDEN", code(postAs(Tokens.withRoles("guest"), READ)));
        for (String role : new String[] { Roles.READER, Roles.EDITOR, Roles.ADMIN }) {
            JsonPath read = postAs(Tokens.withRoles(role), READ);
            assertNull(read.get("errors"), read::prettify);
        }
    }

    @Test
    void exportsFollowTheSameRule() {
        for (String path : new String[] { "/export/talks.csv", "/export/events.jsonl" }) {
            given().when().get(path).then().statusCode(401).body("errors[0].extensions.code",
                    org.hamcrest.Matchers.equalTo("UNAUTHENTICATED"));
            given().auth().oauth2(Tokens.withRoles("guest")).when().get(path).then().statusCode(403)
                    .body("errors[0].extensions.code", org.hamcrest.Matchers.equalTo("FORBIDDEN"));
            given().auth().oauth2(Tokens.withRoles(Roles.READER)).when().get(path).then().statusCode(200);
        }
    }

    @Test
    void subscriptionsFollowTheSameRuleWithTheTokenInConnectionInit() {
        String subscription = "subscription { statementRecorded { quote } }";
        String speaker = Fixtures.person(Fixtures.unique("Heard by readers"));
        try (GraphQLSocket anonymous = GraphQLSocket.connect("graphql-transport-ws");
                GraphQLSocket reader = GraphQLSocket.connectWithToken("graphql-transport-ws",
                        Tokens.withRoles(Roles.READER))) {
            anonymous.send(Map.of("id", "1", "type", "subscribe", "payload", Map.of("query", subscription)));
            reader.send(Map.of("id", "1", "type", "subscribe", "payload", Map.of("query", subscription)));
            GraphQLClient.data("mutation($input: StatementInput!) { recordStatement(input: $input) { id } }", "input",
                    GraphQLClient.vars("speakerId", speaker, "quote", "For readers only.", "saidOn", "2024-06-06"));
            Map<String, Object> next = reader.next(Duration.ofSeconds(10));
            assertEquals("next", next.get("type"), String.valueOf(next));
            assertTrue(next.toString().contains("For readers only."), next::toString);
            Map<String, Object> leaked = anonymous.next(Duration.ofSeconds(3));
            assertTrue(leaked == null || !leaked.toString().contains("For readers only."),
                    "an anonymous subscriber must not receive data: " + leaked);
        }
    }

    private static String code(JsonPath response) {
        List<Map<String, Map<String, Object>>> errors = response.getList("errors");
        assertEquals(1, errors.size(), response::prettify);
        return (String) errors.get(0).get("extensions").get("code");
    }
}
