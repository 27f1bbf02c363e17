package io.parley.graphql;

import static io.parley.graphql.GraphQLClient.badInputField;
import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Connection paging over a track of its own, so other tests' records cannot shift it. */
@QuarkusTest
class PaginationTest {

    private static final String PAGE = """
            query($track: ID!, $first: Int, $after: String) {
              talks(filter: {trackIds: [$track]}, orderBy: {field: DATE, direction: ASC}, first: $first, after: $after) {
                totalCount
                edges { cursor node { title } }
                nodes { title }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }""";

    private String track;
    private String person;

    @BeforeEach
    void fiveTalksOnAFreshTrack() {
        track = Fixtures.track(Fixtures.unique("Paging track"));
        person = Fixtures.person(Fixtures.unique("Paging person"));
        for (int day = 1; day <= 5; day++) {
            Fixtures.talk("Round " + day, "2024-06-0" + day, track, person);
        }
    }

    private JsonPath page(Integer first, String after) {
        return data(PAGE, "track", track, "first", first, "after", after).setRootPath("talks");
    }

    @Test
    void walksFirstMiddleAndLastPages() {
        JsonPath first = page(2, null);
        assertEquals(5, first.getInt("totalCount"));
        assertEquals(List.of("Round 1", "Round 2"), first.getList("nodes.title"));
        assertEquals(first.getList("nodes.title"), first.getList("edges.node.title"));
        assertTrue(first.getBoolean("pageInfo.hasNextPage"));
        assertFalse(first.getBoolean("pageInfo.hasPreviousPage"));
        assertEquals(first.getString("edges[0].cursor"), first.getString("pageInfo.startCursor"));
        assertEquals(first.getString("edges[1].cursor"), first.getString("pageInfo.endCursor"));

        JsonPath middle = page(2, first.getString("pageInfo.endCursor"));
        assertEquals(List.of("Round 3", "Round 4"), middle.getList("nodes.title"));
        assertTrue(middle.getBoolean("pageInfo.hasNextPage"));
        assertTrue(middle.getBoolean("pageInfo.hasPreviousPage"));
        assertEquals(5, middle.getInt("totalCount"), "totalCount counts the whole filtered set");

        JsonPath last = page(2, middle.getString("pageInfo.endCursor"));
        assertEquals(List.of("Round 5"), last.getList("nodes.title"));
        assertFalse(last.getBoolean("pageInfo.hasNextPage"));

        JsonPath beyond = page(2, last.getString("pageInfo.endCursor"));
        assertEquals(List.of(), beyond.getList("nodes"));
        assertNull(beyond.getString("pageInfo.endCursor"));
        assertFalse(beyond.getBoolean("pageInfo.hasNextPage"));
    }

    @Test
    void defaultsToTwentyAndAllowsAnEmptyPage() {
        assertEquals(5, page(null, null).getList("nodes").size());
        JsonPath empty = page(0, null);
        assertEquals(List.of(), empty.getList("nodes"));
        assertTrue(empty.getBoolean("pageInfo.hasNextPage"));
        assertEquals(5, empty.getInt("totalCount"));
    }

    @Test
    void staysCorrectWhenRowsAreInsertedBetweenPages() {
        JsonPath first = page(2, null);
        Fixtures.talk("Round 0", "2024-05-31", track, person);
        Fixtures.talk("Round 2b", "2024-06-02", track, person);
        List<String> rest = new ArrayList<>();
        String after = first.getString("pageInfo.endCursor");
        JsonPath next;
        do {
            next = page(2, after);
            rest.addAll(next.getList("nodes.title"));
            after = next.getString("pageInfo.endCursor");
        } while (next.getBoolean("pageInfo.hasNextPage"));
        assertEquals(List.of("Round 2b", "Round 3", "Round 4", "Round 5"), rest,
                "nothing skipped or repeated: rows before the cursor stay behind it");
    }

    @Test
    void nestedConnectionsPageByTheirOwnCursors() {
        String nested = """
                query($id: ID!, $after: String) { person(id: $id) { talks(first: 2, after: $after) {
                  totalCount nodes { title } pageInfo { hasNextPage hasPreviousPage endCursor } } } }""";
        JsonPath first = data(nested, "id", person, "after", null).setRootPath("person.talks");
        assertEquals(List.of("Round 5", "Round 4"), first.getList("nodes.title"), "most recent first");
        assertEquals(5, first.getInt("totalCount"));
        JsonPath second = data(nested, "id", person, "after", first.getString("pageInfo.endCursor"))
                .setRootPath("person.talks");
        assertEquals(List.of("Round 3", "Round 2"), second.getList("nodes.title"));
        assertTrue(second.getBoolean("pageInfo.hasPreviousPage"));
        assertTrue(second.getBoolean("pageInfo.hasNextPage"));
    }

    @Test
    void refusesBadPageArguments() {
        assertEquals("after", badInputField(PAGE, "track", track, "first", 2, "after", "not-a-cursor"));
        assertEquals("after", badInputField(PAGE, "track", track, "first", 2, "after", "bm9wZQ"));
        String titleCursor = data("""
                query($track: ID!) { talks(filter: {trackIds: [$track]}, orderBy: {field: TITLE, direction: ASC},
                  first: 1) { pageInfo { endCursor } } }""", "track", track).getString("talks.pageInfo.endCursor");
        assertEquals("after", badInputField(PAGE, "track", track, "first", 2, "after", titleCursor),
                "a cursor only continues the ordering it came from");
        assertEquals("first", badInputField(PAGE, "track", track, "first", -1, "after", null));
        error("LIMIT_EXCEEDED", PAGE, "track", track, "first", 101, "after", null);
        assertEquals(5, data(PAGE, "track", track, "first", 100, "after", null).getList("talks.nodes").size(),
                "100 is the largest page and is allowed");
    }
}
