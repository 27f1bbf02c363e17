package io.parley.history;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.postAs;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.parley.TestDatabase;
import io.parley.graphql.Fixtures;
import io.parley.common.Roles;
import io.parley.graphql.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class HistoryApiTest {

    private static final String HISTORY = """
            query($id: ID!) { history(id: $id) { number at actor action changes { field from to } } }""";

    @Test
    void keepsWhoChangedWhatAlsoAfterDeletion() {
        String name = Fixtures.unique("Audited");
        String editor = Tokens.withRoles(Roles.EDITOR, Roles.ADMIN);
        String id = postAs(editor, "mutation($input: PersonInput!) { createPerson(input: $input) { id } }",
                "input", vars("name", name, "countryCode", "FR")).getString("data.createPerson.id");
        postAs(editor, "mutation($id: ID!, $input: PersonInput!) { updatePerson(id: $id, input: $input) { id } }",
                "id", id, "input", vars("name", name + " Jr", "countryCode", "FR", "birthDate", "1990-01-01"));
        postAs(editor, "mutation($id: ID!) { deletePerson(id: $id) }", "id", id);

        JsonPath history = postAs(editor, HISTORY, "id", id).setRootPath("data.history");
        assertEquals(List.of(1, 2, 3), history.getList("number"));
        assertEquals(List.of("CREATED", "UPDATED", "DELETED"), history.getList("action"));
        assertEquals(List.of("test-editor-admin", "test-editor-admin", "test-editor-admin"), history.getList("actor"));
        List<Map<String, String>> created = history.getList("changes[0]");
        // alias_languages (V10) is kept beside aliases: a language given or changed is a change too.
        assertEquals(List.of(Map.of("field", "aliasLanguages", "to", "[]"), Map.of("field", "aliases", "to", "[]"),
                Map.of("field", "countryCode", "to", "FR"),
                Map.of("field", "name", "to", name)), created.stream().map(HistoryApiTest::withoutNulls).toList(),
                "a creation lists the fields it set");
        List<Map<String, String>> update = history.getList("changes[1]");
        assertEquals(Map.of("field", "birthDate", "to", "1990-01-01"), withoutNulls(update.get(0)));
        assertEquals(Map.of("field", "name", "from", name, "to", name + " Jr"), withoutNulls(update.get(1)));
        assertEquals(2, update.size(), "unchanged fields are not listed");
        assertTrue(history.getList("changes[2].field").contains("countryCode"));

        assertNull(data(HISTORY, "id", id).getList("history.actor").stream().filter(a -> a != null).findAny()
                .orElse(null), "anonymous readers see what changed, not who changed it");
    }

    @Test
    void demoFactsShowTheirOrigin() {
        String witkoff = data("{ people(filter: {name: \"Steve Witkoff\"}) { nodes { id } } }").getString("people.nodes[0].id");
        JsonPath history = postAs(Tokens.withRoles(Roles.ADMIN), HISTORY, "id", witkoff).setRootPath("data.history");
        assertEquals("CREATED", history.getString("action[0]"));
        assertEquals("demo-dataset", history.getString("actor[0]"));
    }

    @Test
    void revisionsAreAppendOnly() throws Exception {
        try (var connection = TestDatabase.connection(); var sql = connection.createStatement()) {
            boolean refused = false;
            try {
                sql.execute("delete from revision");
            } catch (java.sql.SQLException e) {
                refused = e.getMessage().contains("append-only");
            }
            assertTrue(refused, "deleting revisions must fail");
        }
    }

    private static Map<String, String> withoutNulls(Map<String, String> change) {
        Map<String, String> result = new java.util.LinkedHashMap<>(change);
        result.values().removeIf(value -> value == null);
        return result;
    }
}
