package io.parley.graphql;

import io.parley.TestDatabase;
import io.parley.common.Roles;

import static io.parley.graphql.GraphQLClient.postAs;
import static io.parley.graphql.GraphQLClient.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Every error a client can meet is worded for it: a code it can act on, no Java internals. */
@QuarkusTest
class ReadableErrorsTest {

    private static final String CREATE = "mutation($input: PersonInput!) { createPerson(input: $input) { id } }";
    /** A fully qualified Java name, an exception's simple name, or graphql-java's error classification. */
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b(?:java|javax|jakarta|io|org|com|graphql|sun)\\.[a-zA-Z_]+|[A-Za-z]*(?:Exception|Error)\\b(?<!\\berror)"
                    + "|[A-Z][A-Za-z]*Value\\{|Unknown Scalar Type|classification");

    @Test
    void aTokenThatDoesNotVerifyGetsA401TheClientCanRead() {
        String name = Fixtures.unique("Written with a bad token");
        for (String bad : new String[] { "not.a.jwt", Tokens.expired(), Tokens.wronglySigned() }) {
            Response refused = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + bad)
                    .body(Map.of("query", CREATE, "variables", Map.of("input", Map.of("name", name))))
                    .when().post("/graphql");
            assertEquals(401, refused.statusCode(), refused::asString);
            assertEquals("Bearer error=\"invalid_token\"", refused.header("WWW-Authenticate"));
            assertTrue(refused.contentType().startsWith("application/json"), refused.contentType());
            JsonPath body = refused.jsonPath();
            assertEquals("UNAUTHENTICATED", body.getString("errors[0].extensions.code"), refused::asString);
            assertTrue(body.getString("errors[0].message").contains("token"), refused::asString);
        }
        assertEquals(0, GraphQLClient.data("query($n: String) { people(filter: {name: $n}) { totalCount } }", "n", name)
                .getInt("people.totalCount"));
    }

    @Test
    void aBadTokenInConnectionInitIsRefusedAsUnauthenticated() {
        for (String protocol : new String[] { "graphql-transport-ws", "graphql-ws" }) {
            GraphQLSocket.Refusal refusal = GraphQLSocket.refusedInit(protocol, Tokens.expired());
            assertEquals(4403, refusal.code(), protocol + ": " + refusal);
            assertTrue(refusal.reason().startsWith("UNAUTHENTICATED"), protocol + ": " + refusal);
        }
    }

    @Test
    void introspectionRefusedAsNotInGoodFaithIsALimit() {
        Map<String, Object> refused = GraphQLClient.error("LIMIT_EXCEEDED",
                "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }");
        assertTrue(((String) refused.get("message")).contains("introspection"), refused::toString);
        // An ordinary introspection query is still answered.
        assertNotNull(GraphQLClient.data("{ __schema { queryType { name } types { name fields { name } } } }")
                .get("__schema.queryType.name"));
    }

    @Test
    void noErrorNamesAJavaClass() {
        List<String> seen = new ArrayList<>();
        String reader = Tokens.withRoles(Roles.READER);
        String person = Fixtures.person(Fixtures.unique("Error sweep"));
        Map<String, Object[]> documents = new LinkedHashMap<>();
        documents.put("{ nope }", new Object[0]);
        documents.put("{ talks(first: \"x\") { totalCount } }", new Object[0]);
        documents.put("{ talks(first: 99999999999) { totalCount } }", new Object[0]);
        documents.put("{ talks(first: 500) { totalCount } }", new Object[0]);
        documents.put("{ talks(filter: {statuses: [NOPE]}) { totalCount } }", new Object[0]);
        documents.put("{ talks(after: \"not-a-cursor\") { totalCount } }", new Object[0]);
        documents.put("{ talks(first: 1 { totalCount } }", new Object[0]);
        documents.put("{ node(id: \"garbage\") { id } }", new Object[0]);
        documents.put("{ nodes(ids: [\"a\", \"b\"]) { id } }", new Object[0]);
        documents.put("query($d: Date) { talks(filter: {from: $d}) { totalCount } }", new Object[] { "d", "2025-13-45" });
        documents.put("query($d: Date!) { talks(filter: {from: $d}) { totalCount } }", new Object[0]);
        documents.put("query($n: Int) { people(filter: {name: $n}) { totalCount } }", new Object[] { "n", 3 });
        documents.put("query($f: Int) { people(first: $f) { totalCount } }", new Object[] { "f", "many" });
        documents.put("query($s: [TalkStatus!]) { talks(filter: {statuses: $s}) { totalCount } }",
                new Object[] { "s", List.of("NOPE") });
        documents.put("{ a: tracks { totalCount } a: people { totalCount } }", new Object[0]);
        documents.put("{ " + "people { nodes { talks { nodes { participants { person { ".repeat(3) + "name"
                + " } } } } } }".repeat(3) + " }", new Object[0]);
        documents.put("{ __schema { types { fields { type { fields { name } } } } } }", new Object[0]);
        documents.put("{ search(query: \"\") { score } }", new Object[0]);
        documents.put("{ timeline(personId: \"garbage\") { date } }", new Object[0]);
        documents.put("{ history(id: \"garbage\") { version } }", new Object[0]);
        documents.put("mutation { createPerson(input: {}) { id } }", new Object[0]);
        documents.put("mutation($input: SourceInput!) { addSource(input: $input) { id } }",
                new Object[] { "input", vars("publisher", "x".repeat(500)) });
        documents.put("mutation($id: ID!) { updatePerson(id: $id, input: {name: \"x\"}, expectedVersion: 99) { id } }",
                new Object[] { "id", person });
        documents.put("mutation($id: ID!) { deletePerson(id: $id) }", new Object[] { "id", "UGVyc29uOjA=" });
        documents.put("mutation($input: PersonInput!) { createPerson(input: $input) { id } }",
                new Object[] { "input", vars("name", "x", "birthDate", "yesterday") });
        for (Map.Entry<String, Object[]> document : documents.entrySet()) {
            seen.add(sweep(postAs(null, document.getKey(), document.getValue()), document.getKey()));
            seen.add(sweep(postAs(reader, document.getKey(), document.getValue()), document.getKey()));
            seen.add(sweep(GraphQLClient.post(document.getKey(), document.getValue()), document.getKey()));
        }
        for (String body : new String[] { "{\"query\": ", "not json", "[1, 2]", "{\"query\": 42}",
                "{\"query\": \"{ tracks { totalCount } }\", \"variables\": \"x\"}",
                "{\"query\": \"{ tracks { totalCount } }\", \"operationName\": \"Missing\"}" }) {
            seen.add(sweep(given().contentType(ContentType.JSON).body(body).when().post("/graphql").then()
                    .extract().jsonPath(), body));
        }
        seen.add(sweep(given().contentType(ContentType.JSON).header("Authorization", "Bearer x.y.z")
                .body(Map.of("query", CREATE, "variables", Map.of("input", Map.of("name", "x"))))
                .when().post("/graphql").then().statusCode(401).extract().jsonPath(), "bad token"));
        assertEquals(List.of(), leaks, "errors naming Java");
        assertTrue(seen.stream().filter(code -> code != null).distinct().count() >= 5,
                "the sweep covers many kinds of error: " + seen);
    }

    private final List<String> leaks = new ArrayList<>();

    /** Notes any Java name in the response's errors; returns the first error's code. */
    private String sweep(JsonPath response, String what) {
        List<Map<String, Object>> errors = response.getList("errors");
        assertNotNull(errors, () -> what + " should fail: " + response.prettify());
        for (Map<String, Object> error : errors) {
            Matcher name = JAVA_NAMES.matcher(error.toString());
            if (name.find()) {
                leaks.add(what + " names " + name.group() + ": " + error);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
            assertNotNull(extensions, () -> what + ": " + error);
            assertNotNull(extensions.get("code"), () -> what + ": " + error);
        }
        return response.getString("errors[0].extensions.code");
    }

    /**
     * PostgreSQL restarted under write load: the connection dies while the transaction commits.
     * A deferred trigger holds this one write's COMMIT open long enough to terminate its backend
     * with pg_terminate_backend, exactly what an administrator's restart does.
     */
    @Test
    void aWriteWhoseCommitLosesTheDatabaseIsUnavailable() throws Exception {
        String publisher = Fixtures.unique("Commit cut");
        try (Connection admin = TestDatabase.connection(); Statement sql = admin.createStatement()) {
            sql.execute("create function readable_errors_commit_stall() returns trigger language plpgsql as $$"
                    + " begin perform pg_sleep(3); return null; end $$");
            sql.execute("create constraint trigger readable_errors_commit_stall after insert on source"
                    + " deferrable initially deferred for each row when (new.publisher like 'Commit cut%')"
                    + " execute function readable_errors_commit_stall()");
        }
        try {
            CompletableFuture<JsonPath> write = CompletableFuture.supplyAsync(() -> GraphQLClient.post(
                    "mutation($input: SourceInput!) { addSource(input: $input) { id } }",
                    "input", vars("publisher", publisher, "language", "en")));
            terminateTheStalledCommit();
            JsonPath answer = write.get();
            List<Map<String, Object>> errors = answer.getList("errors");
            assertNotNull(errors, answer::prettify);
            assertEquals("UNAVAILABLE", answer.getString("errors[0].extensions.code"), answer::prettify);
        } finally {
            try (Connection admin = TestDatabase.connection(); Statement sql = admin.createStatement()) {
                sql.execute("drop trigger readable_errors_commit_stall on source");
                sql.execute("drop function readable_errors_commit_stall()");
            }
        }
        try (Connection check = TestDatabase.connection();
                var kept = check.prepareStatement("select count(*) from source where publisher = ?")) {
            kept.setString(1, publisher);
            try (ResultSet count = kept.executeQuery()) {
                count.next();
                assertEquals(0, count.getInt(1), "nothing of the cut write was kept");
            }
        }
    }

    private void terminateTheStalledCommit() throws Exception {
        long deadline = System.nanoTime() + 2_500_000_000L;
        try (Connection admin = TestDatabase.connection(); Statement sql = admin.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet terminated = sql.executeQuery("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where wait_event = 'PgSleep' and pid <> pg_backend_pid()")) {
                    if (terminated.next() && terminated.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the write never reached its commit");
    }
}
