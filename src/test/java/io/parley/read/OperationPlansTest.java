package io.parley.read;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.postAs;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.parley.common.Roles;
import io.parley.graphql.Fixtures;
import io.parley.graphql.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Operations asked again reuse their plan ({@link OperationPlans}): what is reused must be the
 * statement, never an answer, and never a statement made for other variables or another caller.
 */
@QuarkusTest
class OperationPlansTest {

    private static final String PERSON = "query($id: ID!) { person(id: $id) { name summary } }";

    @Test
    void aDocumentAskedAgainAnswersWithItsOwnVariables() {
        String first = Fixtures.person(Fixtures.unique("Planned"));
        String second = Fixtures.person(Fixtures.unique("Planned"));
        String firstName = data(PERSON, "id", first).getString("person.name");
        String secondName = data(PERSON, "id", second).getString("person.name");
        assertFalse(firstName.equals(secondName), "each id answers its own person");
        assertEquals(firstName, data(PERSON, "id", first).getString("person.name"), "asked again, the same person");
    }

    @Test
    void aDocumentAskedAgainReadsTheDataAsItIsNow() {
        String name = Fixtures.unique("Replanned");
        String id = Fixtures.person(name);
        assertNull(data(PERSON, "id", id).getString("person.summary"));
        data("mutation($id: ID!, $input: PersonInput!) { updatePerson(id: $id, input: $input) { id } }",
                "id", id, "input", vars("name", name, "summary", "Now with a summary."));
        assertEquals("Now with a summary.", data(PERSON, "id", id).getString("person.summary"),
                "the plan holds the statement, not the answer");
    }

    @Test
    void variablesThatShapeTheSelectionAreHeldApart() {
        String id = Fixtures.person(Fixtures.unique("Shaped"));
        String document = "query($id: ID!, $full: Boolean!) { person(id: $id) { name summary @include(if: $full) } }";
        Map<String, Object> full = data(document, "id", id, "full", true).getMap("person");
        Map<String, Object> short_ = data(document, "id", id, "full", false).getMap("person");
        assertTrue(full.containsKey("summary"));
        assertFalse(short_.containsKey("summary"), "the same document with other variables selects less");
    }

    @Test
    void whatACallerMaySeeIsPlannedPerCaller() {
        String editor = Tokens.withRoles(Roles.EDITOR, Roles.ADMIN);
        String id = Fixtures.person(Fixtures.unique("Seen"));
        String history = "query($id: ID!) { history(id: $id) { actor } }";
        // Anonymous first, then an editor, then anonymous again: each keeps its own view.
        assertNull(data(history, "id", id).getString("history[0].actor"));
        JsonPath asEditor = postAs(editor, history, "id", id);
        assertEquals("test-editor-admin", asEditor.getString("data.history[0].actor"));
        assertNull(data(history, "id", id).getString("history[0].actor"));
    }
}
