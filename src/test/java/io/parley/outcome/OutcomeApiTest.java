package io.parley.outcome;

import static io.parley.graphql.GraphQLClient.badInputField;
import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.parley.TestDatabase;
import io.parley.common.GlobalId;
import io.parley.common.NodeType;
import io.parley.graphql.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class OutcomeApiTest {

    private static final String RECORD = """
            mutation($input: OutcomeInput!) {
              recordOutcome(input: $input) { id kind status title date datePrecision track { id } talks { id }
                figures { label value approximate } beneficiaries { id } creditedTo { id } citations { excerpt } }
            }""";

    @Test
    void recordsAnOutcomeWithItsNumbersAndPeople() {
        String track = Fixtures.track(Fixtures.unique("Outcome track"));
        String mediator = Fixtures.person(Fixtures.unique("Mediator"));
        String freed = Fixtures.person(Fixtures.unique("Freed"));
        String talk = Fixtures.talk("Deal talks", "2024-10-10", track, mediator);
        JsonPath outcome = data(RECORD, "input", vars("kind", "PRISONER_RELEASE", "status", "IMPLEMENTED",
                "title", "Prisoners freed", "date", "2024-10-15", "datePrecision", "WEEK", "trackId", track,
                "talkIds", List.of(talk), "beneficiaryIds", List.of(freed), "creditedToIds", List.of(mediator),
                "figures", List.of(vars("label", "prisoners freed", "value", 120, "approximate", true),
                        vars("label", "days of talks", "value", 3)))).setRootPath("recordOutcome");
        assertEquals("2024-10-15", outcome.getString("date"));
        assertEquals(List.of(Map.of("label", "prisoners freed", "value", 120, "approximate", true),
                Map.of("label", "days of talks", "value", 3, "approximate", false)), outcome.getList("figures"));
        assertEquals(List.of(freed), outcome.getList("beneficiaries.id"));
        assertEquals(List.of(mediator), outcome.getList("creditedTo.id"));
        assertEquals(List.of(talk), outcome.getList("talks.id"));
        String id = outcome.getString("id");

        JsonPath byTalk = data("query($id: ID!) { talk(id: $id) { outcomes { id } } }", "id", talk);
        assertEquals(List.of(id), byTalk.getList("talk.outcomes.id"));
        JsonPath byTrack = data("query($id: ID!) { track(id: $id) { outcomes { totalCount nodes { id } } } }", "id", track);
        assertEquals(List.of(id), byTrack.getList("track.outcomes.nodes.id"));
        String list = "query($f: OutcomeFilter) { outcomes(filter: $f) { nodes { id } } }";
        assertEquals(List.of(id), data(list, "f", vars("trackIds", List.of(track), "kinds", List.of("PRISONER_RELEASE"),
                "statuses", List.of("IMPLEMENTED"), "from", "2024-10-15", "to", "2024-10-21")).getList("outcomes.nodes.id"));
        assertEquals(List.of(), data(list, "f", vars("trackIds", List.of(track), "to", "2024-10-20"))
                .getList("outcomes.nodes.id"), "a week starting Oct 15 is not known to end by Oct 20");

        data("mutation($id: ID!) { deleteOutcome(id: $id) }", "id", id);
        assertNull(data("query($id: ID!) { outcome(id: $id) { id } }", "id", id).get("outcome"));
    }

    /**
     * An outcome's input replaces the whole outcome, so a title edit repeats its talks, people and
     * figures: their rows stay as they were (same xmin: no transaction rewrote them), and only a
     * list that changed is rewritten.
     */
    @Test
    void anEditLeavesTheListsItRepeatsAlone() throws SQLException {
        String mediator = Fixtures.person(Fixtures.unique("Kept mediator"));
        String freed = Fixtures.person(Fixtures.unique("Kept freed"));
        String talk = Fixtures.talk("Kept deal talks", "2024-10-10", null, mediator);
        List<Map<String, Object>> figures = List.of(vars("label", "prisoners freed", "value", 12));
        Map<String, Object> input = vars("kind", "PRISONER_RELEASE", "title", "Kept release", "talkIds", List.of(talk),
                "beneficiaryIds", List.of(freed), "creditedToIds", List.of(mediator), "figures", figures);
        String id = data(RECORD, "input", input).getString("recordOutcome.id");
        long key = GlobalId.keyOf(id, NodeType.OUTCOME, "id");
        List<String> lists = List.of("outcome_talk", "outcome_beneficiary", "outcome_credit", "outcome_figure");
        Map<String, List<String>> before = new LinkedHashMap<>();
        for (String table : lists) {
            before.put(table, TestDatabase.rowVersions(table, "outcome_id", key));
            assertEquals(1, before.get(table).size(), table);
        }
        String update = "mutation($id: ID!, $input: OutcomeInput!) { updateOutcome(id: $id, input: $input) { title figures { value } } }";

        input.put("title", "Kept release, retitled");
        assertEquals("Kept release, retitled", data(update, "id", id, "input", input).getString("updateOutcome.title"));
        for (String table : lists) {
            assertEquals(before.get(table), TestDatabase.rowVersions(table, "outcome_id", key), table);
        }

        input.put("figures", List.of(vars("label", "prisoners freed", "value", 13)));
        assertEquals(List.of(13), data(update, "id", id, "input", input).getList("updateOutcome.figures.value"));
        assertNotEquals(before.get("outcome_figure"), TestDatabase.rowVersions("outcome_figure", "outcome_id", key));
        for (String table : lists.subList(0, 3)) {
            assertEquals(before.get(table), TestDatabase.rowVersions(table, "outcome_id", key), table);
        }
    }

    @Test
    void refusesInvalidOutcomes() {
        assertEquals("input.figures[0].value", badInputField(RECORD, "input", vars("kind", "OTHER", "title", "Negative",
                "figures", List.of(vars("label", "count", "value", -1)))));
        assertEquals("input.beneficiaryIds[0]", badInputField(RECORD, "input", vars("kind", "OTHER", "title", "Ghost",
                "beneficiaryIds", List.of(Fixtures.track(Fixtures.unique("Not a person"))))));
        JsonPath undated = data(RECORD, "input", vars("kind", "COMMITMENT", "title", "Undated promise"))
                .setRootPath("recordOutcome");
        assertNull(undated.get("date"));
        assertNull(undated.get("datePrecision"));
        assertEquals("AGREED", undated.getString("status"));
    }
}
