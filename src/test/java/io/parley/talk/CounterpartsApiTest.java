package io.parley.talk;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.parley.graphql.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CounterpartsApiTest {

    private static final String COUNTERPARTS = """
            query($id: ID!) { counterparts(personId: $id) {
              person { name } meetingsHeld meetingsExpected firstMet lastMet talks { title status } } }""";

    @Test
    void putinAndWitkoffHaveMetTwiceAndExpectAThirdMeeting() {
        String witkoff = data("{ people(filter: {name: \"Steve Witkoff\"}) { nodes { id } } }").getString("people.nodes[0].id");
        List<Map<String, Object>> counterparts = data(COUNTERPARTS, "id", witkoff).getList("counterparts");
        Map<String, Object> putin = counterparts.stream()
                .filter(c -> "Vladimir Putin".equals(((Map<?, ?>) c.get("person")).get("name"))).findFirst().orElseThrow();
        assertEquals(2, putin.get("meetingsHeld"));
        assertEquals(1, putin.get("meetingsExpected"), "the expected meeting would be the third");
        assertEquals("2025-03-13", putin.get("lastMet"));
        assertEquals(3, ((List<?>) putin.get("talks")).size());
        List<Integer> held = counterparts.stream().map(c -> (Integer) c.get("meetingsHeld")).toList();
        assertEquals(held.stream().sorted((a, b) -> b - a).toList(), held, "most meetings first");
    }

    @Test
    void countsHeldAndExpectedTalksButNotCancelledOnes() {
        String a = Fixtures.person(Fixtures.unique("Counter A"));
        String b = Fixtures.person(Fixtures.unique("Counter B"));
        String c = Fixtures.person(Fixtures.unique("Counter C"));
        record(a, b, "2024-01-10", "HELD");
        record(a, b, "2024-03-05", "HELD");
        record(a, b, "2024-05-01", "CANCELLED");
        record(a, b, "2999-01-01", "PLANNED");
        record(a, c, "2024-02-02", "HELD");
        JsonPath result = data(COUNTERPARTS, "id", a);
        assertEquals(2, result.getList("counterparts").size());
        assertEquals(2, result.getInt("counterparts[0].meetingsHeld"));
        assertEquals(1, result.getInt("counterparts[0].meetingsExpected"));
        assertEquals("2024-01-10", result.getString("counterparts[0].firstMet"));
        assertEquals("2024-03-05", result.getString("counterparts[0].lastMet"));
        assertEquals(3, result.getList("counterparts[0].talks").size());
        assertEquals(1, result.getInt("counterparts[1].meetingsHeld"));

        JsonPath viaPerson = data("query($id: ID!) { person(id: $id) { counterparts { person { id } } } }", "id", c);
        assertEquals(List.of(a), viaPerson.getList("person.counterparts.person.id"));
        String loner = Fixtures.person(Fixtures.unique("Loner"));
        assertEquals(List.of(), data(COUNTERPARTS, "id", loner).getList("counterparts"));
    }

    @Test
    void activityCountsTalksPerMonthInSql() {
        String track = Fixtures.track(Fixtures.unique("Activity track"));
        String p = Fixtures.person(Fixtures.unique("Busy"));
        Fixtures.talk("Jan 1", "2023-01-05", track, p);
        Fixtures.talk("Jan 2", "2023-01-28", track, p);
        Fixtures.talk("Mar", "2023-03-03", track, p);
        data("mutation($input: TalkInput!) { recordTalk(input: $input) { id } }", "input", vars("title", "Sometime",
                "date", "2023-06-01", "datePrecision", "YEAR", "trackId", track,
                "participants", List.of(vars("personId", p, "role", "HOST"))));
        List<Map<String, Object>> months = data("query($t: [ID!]) { talkActivity(filter: {trackIds: $t}) { month count } }",
                "t", List.of(track)).getList("talkActivity");
        assertEquals(List.of(Map.of("month", "2023-01", "count", 2), Map.of("month", "2023-03", "count", 1)), months);
        assertEquals(List.of(), data("query($t: [ID!]) { talkActivity(filter: {trackIds: $t, from: \"2024-01-01\"}) { month } }",
                "t", List.of(track)).getList("talkActivity"));
    }

    private static void record(String a, String b, String date, String status) {
        data("mutation($input: TalkInput!) { recordTalk(input: $input) { id } }", "input", vars("title", "Meeting " + date,
                "date", date, "status", status, "participants", List.of(vars("personId", a, "role", "HOST"),
                        vars("personId", b, "role", "VISITOR"))));
    }
}
