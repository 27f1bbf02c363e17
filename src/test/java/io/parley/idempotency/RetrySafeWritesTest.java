package io.parley.idempotency;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.parley.TestDatabase;
import io.parley.common.Roles;
import io.parley.graphql.Fixtures;
import io.parley.graphql.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Writes sent with an idempotency key, over HTTP against the real service and PostgreSQL. */
@QuarkusTest
class RetrySafeWritesTest {

    static final String EDITOR = Tokens.withSubject("idem-editor", Roles.EDITOR, Roles.ADMIN);
    static final String CREATE = "mutation($i: PersonInput!) { createPerson(input: $i) { id name version } }";
    private static final String CREATE_BY_ARGUMENT = "mutation($i: PersonInput!, $k: String) {"
            + " createPerson(input: $i, idempotencyKey: $k) { id name } }";

    /** Posts as JSON with a bearer token and, when given, the Idempotency-Key header. */
    static Response send(String token, String key, String accept, String document, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        var request = given().contentType(ContentType.JSON).accept(accept).body(body)
                .header("Authorization", "Bearer " + token);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/graphql");
    }

    static Response create(String key, String name) {
        return send(EDITOR, key, "application/json", CREATE, vars("i", vars("name", name)));
    }

    static int count(String sql, Object... parameters) throws Exception {
        try (Connection connection = TestDatabase.connection(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    static int people(String name) throws Exception {
        return count("select count(*) from person where name = ?", name);
    }

    static int keys(String key) throws Exception {
        return count("select count(*) from idempotency_key where key = ?", key);
    }

    @Test
    void theSameRequestWithTheSameKeyGetsTheFirstAnswerAndWritesOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = Fixtures.unique("Keyed once");
        Response first = create(key, name);
        first.then().statusCode(200);
        assertNull(first.getHeader("Idempotent-Replayed"));
        JsonPath answer = first.jsonPath();
        assertNull(answer.get("errors"), answer::prettify);
        // The payload was read inside the write's transaction, before it committed, and sees the write.
        assertEquals(name, answer.getString("data.createPerson.name"));
        assertNotNull(answer.getString("data.createPerson.id"));

        Response again = create(key, name);
        again.then().statusCode(200);
        assertEquals("true", again.getHeader("Idempotent-Replayed"));
        assertEquals(first.asString(), again.asString(), "the first answer, byte for byte");
        assertEquals(1, people(name));
        assertEquals(1, keys(key));

        // Without a key, the same request is a new write, as before.
        create(null, name).then().statusCode(200);
        assertEquals(2, people(name));
    }

    @Test
    void theArgumentWorksLikeTheHeaderAndMustAgreeWithIt() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = Fixtures.unique("Keyed by argument");
        Map<String, Object> variables = vars("i", vars("name", name), "k", key);
        JsonPath first = send(EDITOR, null, "application/json", CREATE_BY_ARGUMENT, variables).jsonPath();
        assertNull(first.get("errors"), first::prettify);
        Response again = send(EDITOR, null, "application/json", CREATE_BY_ARGUMENT, variables);
        assertEquals("true", again.getHeader("Idempotent-Replayed"));
        assertEquals(first.getString("data.createPerson.id"), again.jsonPath().getString("data.createPerson.id"));
        // Both forms together are one key, when they agree.
        Response both = send(EDITOR, key, "application/json", CREATE_BY_ARGUMENT, variables);
        assertEquals("true", both.getHeader("Idempotent-Replayed"));
        assertEquals(1, people(name));

        JsonPath disagreeing = send(EDITOR, UUID.randomUUID().toString(), "application/json", CREATE_BY_ARGUMENT,
                variables).then().statusCode(400).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", disagreeing.getString("errors[0].extensions.code"));
        assertEquals("idempotencyKey", disagreeing.getString("errors[0].extensions.field"));
        assertEquals(1, people(name));
    }

    @Test
    void aDifferentRequestWithAUsedKeyIsAConflict() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = Fixtures.unique("Keyed first");
        create(key, name).then().statusCode(200);
        String other = Fixtures.unique("Keyed second");
        JsonPath refused = send(EDITOR, key, "application/graphql-response+json", CREATE,
                vars("i", vars("name", other))).then().statusCode(409).extract().jsonPath();
        assertEquals("CONFLICT", refused.getString("errors[0].extensions.code"));
        assertTrue(refused.getString("errors[0].message").contains("different request"), refused::prettify);
        assertEquals(0, people(other));
        // In application/json a refusal is a 200, as the GraphQL over HTTP spec has it.
        assertEquals("CONFLICT", create(key, other).then().statusCode(200).extract().jsonPath()
                .getString("errors[0].extensions.code"));

        // Keys are per caller: another caller's same key is a key of its own.
        String otherEditor = Tokens.withSubject("idem-other-editor", Roles.EDITOR);
        JsonPath theirs = send(otherEditor, key, "application/json", CREATE, vars("i", vars("name", other)))
                .jsonPath();
        assertNull(theirs.get("errors"), theirs::prettify);
        assertEquals(1, people(other));
    }

    @Test
    void aRefusedOrRolledBackWriteLeavesTheKeyUnused() throws Exception {
        String key = UUID.randomUUID().toString();
        // Refused before it ran: the document does not validate.
        JsonPath invalid = send(EDITOR, key, "application/json",
                "mutation($i: PersonInput!) { createPerson(input: $i) { noSuchField } }",
                vars("i", vars("name", "x"))).jsonPath();
        assertEquals("BAD_USER_INPUT", invalid.getString("errors[0].extensions.code"));
        assertEquals(0, keys(key));

        // A write that fails inside the database and rolls back: deleting a person a talk refers to.
        String person = Fixtures.person(Fixtures.unique("Referenced"));
        String talk = Fixtures.talk(Fixtures.unique("Referring talk"), "2025-02-01",
                Fixtures.track(Fixtures.unique("Idem track")), person);
        String delete = "mutation($id: ID!) { deletePerson(id: $id) }";
        JsonPath blocked = send(EDITOR, key, "application/json", delete, vars("id", person)).jsonPath();
        assertEquals("CONFLICT", blocked.getString("errors[0].extensions.code"), blocked::prettify);
        assertEquals(0, keys(key), "a write that rolled back keeps no key");
        assertEquals(1, count("select count(*) from person where id = ?",
                io.parley.common.GlobalId.decode(person, "id").key()));

        // Once the reference is gone, the same request with the same key runs (it was not burned).
        data("mutation($id: ID!) { deleteTalk(id: $id) }", "id", talk);
        Response deleted = send(EDITOR, key, "application/json", delete, vars("id", person));
        assertNull(deleted.jsonPath().get("errors"), deleted::asString);
        assertNull(deleted.getHeader("Idempotent-Replayed"));
        assertEquals(person, deleted.jsonPath().getString("data.deletePerson"));
        assertEquals(1, keys(key));
        // And now it is the answer kept: sent again, the delete is not refused as NOT_FOUND.
        Response replayed = send(EDITOR, key, "application/json", delete, vars("id", person));
        assertEquals("true", replayed.getHeader("Idempotent-Replayed"));
        assertEquals(deleted.asString(), replayed.asString());
    }

    @Test
    void eightConcurrentCopiesWriteExactlyOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = Fixtures.unique("Raced");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        CountDownLatch ready = new CountDownLatch(8);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(clients.submit(() -> {
                ready.countDown();
                ready.await();
                return create(key, name);
            }));
        }
        List<String> ids = new ArrayList<>();
        int inProgress = 0;
        for (Future<Response> answer : answers) {
            JsonPath body = answer.get(60, TimeUnit.SECONDS).jsonPath();
            if (body.get("errors") == null) {
                ids.add(body.getString("data.createPerson.id"));
            } else {
                assertEquals("CONFLICT", body.getString("errors[0].extensions.code"), body::prettify);
                assertTrue(body.getString("errors[0].message").contains("still running"), body::prettify);
                inProgress++;
            }
        }
        clients.shutdown();
        assertEquals(1, people(name), "exactly one write");
        assertFalse(ids.isEmpty());
        assertEquals(1, ids.stream().distinct().count(), "every answer is the one write's: " + ids);
        assertEquals(8, ids.size() + inProgress);
        // Afterwards, the key answers every copy with the one write.
        assertEquals(ids.get(0), create(key, name).jsonPath().getString("data.createPerson.id"));
        assertEquals(1, people(name));
    }

    @Test
    void aKeyedRequestRunsOneMutationField() throws Exception {
        String name = Fixtures.unique("Two fields");
        JsonPath refused = send(EDITOR, UUID.randomUUID().toString(), "application/json",
                "mutation($i: PersonInput!) { a: createPerson(input: $i) { id } b: createPerson(input: $i) { id } }",
                vars("i", vars("name", name))).then().statusCode(400).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", refused.getString("errors[0].extensions.code"));
        assertEquals(0, people(name));
        JsonPath tooLong = create("k".repeat(256), name).then().statusCode(400).extract().jsonPath();
        assertEquals("Idempotency-Key", tooLong.getString("errors[0].extensions.field"));
        assertEquals(0, people(name));
    }

    @Test
    void theSchemaDescribesTheArgumentOnEveryMutation() {
        JsonPath schema = data("{ __type(name: \"Mutation\") { fields { name args { name description type { name } } } } }");
        List<Map<String, Object>> fields = schema.getList("__type.fields");
        assertTrue(fields.size() >= 20);
        for (Map<String, Object> field : fields) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> arguments = (List<Map<String, Object>>) field.get("args");
            Map<String, Object> key = arguments.stream().filter(a -> "idempotencyKey".equals(a.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(field.get("name") + " has no idempotencyKey"));
            assertTrue(String.valueOf(key.get("description")).contains("safe to retry"), key::toString);
        }
    }

    @Test
    void anImportWithAKeyImportsOnceAndReturnsItsFirstReport() throws Exception {
        String key = UUID.randomUUID().toString();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String bundle = """
                {"people": [{"ref": "a", "name": "Imported %1$s"}],
                 "tracks": [{"ref": "t", "name": "Imported track %1$s"}]}
                """.formatted(tag);
        Response first = importing(key, bundle);
        first.then().statusCode(200);
        assertEquals(2, first.jsonPath().getInt("created"));
        // Unkeyed, a second import would match (created 0); keyed, it is the first report again.
        Response again = importing(key, bundle);
        again.then().statusCode(200);
        assertEquals(first.asString(), again.asString());
        assertEquals(1, people("Imported " + tag));
        assertEquals(1, keys(key));
        JsonPath other = importing(key, bundle.replace("Imported track", "Other track")).then().statusCode(409)
                .extract().jsonPath();
        assertEquals("CONFLICT", other.getString("errors[0].extensions.code"));
    }

    @Test
    void theImportMutationWithAKeyImportsOnceAndADryRunKeepsNoKey() throws Exception {
        String key = UUID.randomUUID().toString();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String bundle = "{\"people\": [{\"ref\": \"a\", \"name\": \"Mutated %s\"}]}".formatted(tag);
        String mutation = "mutation($b: String!, $dry: Boolean) { importBundle(bundle: $b, dryRun: $dry) { created matched } }";
        // A dry run writes nothing and rolls back: its key stays unused.
        JsonPath dry = send(EDITOR, key, "application/json", mutation, vars("b", bundle, "dry", true)).jsonPath();
        assertEquals(1, dry.getInt("data.importBundle.created"), dry::prettify);
        assertEquals(0, keys(key));
        assertEquals(0, people("Mutated " + tag));

        Map<String, Object> real = vars("b", bundle, "dry", false);
        JsonPath first = send(EDITOR, key, "application/json", mutation, real).jsonPath();
        assertEquals(1, first.getInt("data.importBundle.created"), first::prettify);
        Response again = send(EDITOR, key, "application/json", mutation, real);
        assertEquals("true", again.getHeader("Idempotent-Replayed"));
        assertEquals(1, again.jsonPath().getInt("data.importBundle.created"), "the first answer, not a match");
        assertEquals(1, people("Mutated " + tag));
    }

    private static Response importing(String key, String bundle) {
        return given().contentType(ContentType.JSON).body(bundle).header("Authorization", "Bearer " + EDITOR)
                .header("Idempotency-Key", key).when().post("/import");
    }
}
