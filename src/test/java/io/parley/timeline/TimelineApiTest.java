package io.parley.timeline;

import static io.parley.graphql.GraphQLClient.badInputField;
import static io.parley.graphql.GraphQLClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class TimelineApiTest {

    private static final String TIMELINE = """
            query($person: ID, $track: ID, $from: Date, $to: Date, $first: Int) {
              timeline(personId: $person, trackId: $track, from: $from, to: $to, first: $first) {
                date datePrecision
                item { __typename ... on Talk { title } ... on Trip { purpose } ... on Outcome { title }
                       ... on Statement { quote } }
              }
            }""";

    private static String id(String query, String path) {
        return data(query).getString(path);
    }

    @Test
    void aPersonsTimelineRunsInDateOrder() {
        String putin = id("{ people(filter: {name: \"Vladimir Putin\"}) { nodes { id } } }", "people.nodes[0].id");
        List<Map<String, Object>> entries = data(TIMELINE, "person", putin, "first", 100).getList("timeline");
        List<String> dates = entries.stream().map(e -> (String) e.get("date")).toList();
        assertEquals(dates.stream().sorted().toList(), dates);
        assertTrue(entries.stream().anyMatch(e -> e.toString().contains("Putin-Witkoff talks in Moscow")));
        assertTrue(entries.stream().anyMatch(e -> e.toString().contains("Putin's message to Trump")),
                "outcomes of talks the person took part in belong on their timeline");
    }

    @Test
    void fromAndToKeepWhatIsKnownToFallInTheRange() {
        String track = id("{ tracks(first: 100) { nodes { id name } } }", "tracks.nodes.find { it.name == 'Russia-Ukraine peace talks' }.id");
        JsonPath march = data(TIMELINE, "track", track, "from", "2025-03-01", "to", "2025-03-31", "first", 100);
        List<String> precisions = march.getList("timeline.datePrecision");
        assertTrue(precisions.stream().noneMatch("YEAR"::equals), precisions::toString);
        assertTrue(march.getList("timeline.date").contains("2025-03-13"));
        assertTrue(precisions.contains("MONTH"), "statements known only to March 2025 are in March");
        List<String> all = data(TIMELINE, "track", track, "first", 100).getList("timeline.datePrecision");
        assertTrue(all.contains("YEAR"));
        assertEquals(2, data(TIMELINE, "track", track, "first", 2).getList("timeline").size());
        assertEquals("to", badInputField(TIMELINE, "from", "2025-03-02", "to", "2025-03-01"));
        assertEquals("personId", badInputField(TIMELINE, "person", track));
    }
}
