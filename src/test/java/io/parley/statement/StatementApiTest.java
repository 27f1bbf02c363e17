package io.parley.statement;

import static io.parley.graphql.GraphQLClient.badInputField;
import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.error;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.parley.graphql.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class StatementApiTest {

    private static final String RECORD = """
            mutation($input: StatementInput!) {
              recordStatement(input: $input) { id quote verbatim saidOn saidOnPrecision tone version
                speaker { id } talk { id } track { id } citations { excerpt source { publisher } } }
            }""";

    @Test
    void recordsFiltersUpdatesAndDeletesStatements() {
        String speaker = Fixtures.person(Fixtures.unique("Spokesman"));
        String track = Fixtures.track(Fixtures.unique("Statement track"));
        String talk = Fixtures.talk("Statement talk", "2024-11-11", track, speaker);
        String source = Fixtures.source("Interfax");
        JsonPath statement = data(RECORD, "input", vars("speakerId", speaker, "quote", "Progress is slow but real.",
                "verbatim", false, "saidOn", "2024-11-20", "saidOnPrecision", "MONTH", "tone", "SKEPTICAL",
                "talkId", talk, "trackId", track, "citations", List.of(vars("sourceId", source, "excerpt", "slow"))))
                .setRootPath("recordStatement");
        assertEquals("2024-11-01", statement.getString("saidOn"));
        assertEquals(false, statement.getBoolean("verbatim"));
        assertEquals("Interfax", statement.getString("citations[0].source.publisher"));
        String id = statement.getString("id");

        String list = "query($f: StatementFilter) { statements(filter: $f) { totalCount nodes { id } } }";
        assertEquals(List.of(id), data(list, "f", vars("speakerIds", List.of(speaker), "tones", List.of("SKEPTICAL"),
                "trackIds", List.of(track), "talkIds", List.of(talk), "text", "SLOW BUT", "from", "2024-11-01",
                "to", "2024-11-30")).getList("statements.nodes.id"));
        assertEquals(0, data(list, "f", vars("speakerIds", List.of(speaker), "tones", List.of("OPTIMISTIC")))
                .getInt("statements.totalCount"));
        JsonPath byPerson = data("query($id: ID!) { person(id: $id) { statements { nodes { id } } } }", "id", speaker);
        assertEquals(List.of(id), byPerson.getList("person.statements.nodes.id"));
        JsonPath byTalk = data("query($id: ID!) { talk(id: $id) { statements { id } } }", "id", talk);
        assertEquals(List.of(id), byTalk.getList("talk.statements.id"));

        String update = """
                mutation($id: ID!, $input: StatementInput!, $v: Int) {
                  updateStatement(id: $id, input: $input, expectedVersion: $v) { version tone verbatim } }""";
        JsonPath updated = data(update, "id", id, "v", 0, "input", vars("speakerId", speaker, "quote", "Progress.",
                "saidOn", "2024-11-20")).setRootPath("updateStatement");
        assertEquals(1, updated.getInt("version"));
        assertEquals("NEUTRAL", updated.getString("tone"));
        assertTrue(updated.getBoolean("verbatim"));
        error("CONFLICT", update, "id", id, "v", 0, "input", vars("speakerId", speaker, "quote", "Stale.",
                "saidOn", "2024-11-20"));

        assertEquals(id, data("mutation($id: ID!) { deleteStatement(id: $id) }", "id", id).getString("deleteStatement"));
    }

    @Test
    void refusesInvalidStatements() {
        String speaker = Fixtures.person(Fixtures.unique("Quiet"));
        assertEquals("input.quote", badInputField(RECORD, "input", vars("speakerId", speaker, "quote", "  ",
                "saidOn", "2024-01-01")));
        assertEquals("input.speakerId", badInputField(RECORD, "input", vars("speakerId", "garbage", "quote", "Hi",
                "saidOn", "2024-01-01")));
        assertEquals("input.talkId", badInputField(RECORD, "input", vars("speakerId", speaker, "quote", "Hi",
                "saidOn", "2024-01-01", "talkId", speaker)));
    }
}
