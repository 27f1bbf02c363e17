package io.parley.changes;

import static io.parley.graphql.GraphQLClient.badInputField;
import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.parley.TestDatabase;
import io.parley.graphql.Fixtures;
import io.parley.common.GlobalId;
import io.parley.common.NodeType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ChangesApiTest {

    private static final String CHANGES = """
            query($after: String, $first: Int) { changes(after: $after, first: $first) {
              edges { cursor node { id type operation version changedAt changes { field from to }
                                    record { id ... on Person { name version } } } }
              pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""";

    @Test
    void reportsCreationUpdateAndDeletionInOrderAndPagesWithTheCursor() {
        String start = endOfFeed();
        String name = Fixtures.unique("Fed");
        String id = Fixtures.person(name);
        data("mutation($id: ID!, $input: PersonInput!) { updatePerson(id: $id, input: $input) { id } }",
                "id", id, "input", vars("name", name + " renamed"));
        String kept = Fixtures.person(Fixtures.unique("Kept"));
        data("mutation($id: ID!) { deletePerson(id: $id) }", "id", id);

        List<Map<String, Object>> seen = new ArrayList<>();
        String cursor = start;
        JsonPath page;
        do {
            page = data(CHANGES, "after", cursor, "first", 1).setRootPath("changes");
            assertTrue(page.getList("edges").size() <= 1);
            assertTrue(page.getBoolean("pageInfo.hasPreviousPage"));
            seen.addAll(page.getList("edges.node"));
            cursor = page.getString("pageInfo.endCursor");
        } while (page.getBoolean("pageInfo.hasNextPage"));

        List<Map<String, Object>> mine = seen.stream().filter(c -> id.equals(c.get("id"))).toList();
        assertEquals(List.of("CREATED", "UPDATED", "DELETED"), mine.stream().map(c -> c.get("operation")).toList());
        assertEquals(List.of(0, 1, 1), mine.stream().map(c -> c.get("version")).toList());
        assertTrue(mine.stream().allMatch(c -> "Person".equals(c.get("type")) && c.get("record") == null),
                "a deleted record is gone from every change: " + mine);
        assertTrue(String.valueOf(mine.get(1).get("changes")).contains("renamed"), mine::toString);
        assertTrue(String.valueOf(mine.get(2).get("changes")).contains("{field=name, from=" + name + " renamed, to=null}"),
                mine::toString);
        Map<String, Object> keptChange = seen.stream().filter(c -> kept.equals(c.get("id"))).findFirst().orElseThrow();
        assertEquals(kept, ((Map<?, ?>) keptChange.get("record")).get("id"));
        assertEquals(List.of(id, id, kept, id), seen.stream().map(c -> (String) c.get("id"))
                .filter(c -> c.equals(id) || c.equals(kept)).toList(), "changes come in commit order");

        JsonPath empty = data(CHANGES, "after", cursor, "first", 5).setRootPath("changes");
        assertEquals(List.of(), empty.getList("edges"));
        assertEquals(cursor, empty.getString("pageInfo.endCursor"), "an empty page hands back its cursor");
        String later = Fixtures.source(Fixtures.unique("Later"));
        JsonPath next = data(CHANGES, "after", cursor, "first", 5).setRootPath("changes");
        assertEquals(List.of(later), next.getList("edges.node.id"), "a change after the last cursor comes next");
        assertEquals("CREATED", next.getString("edges[0].node.operation"));
    }

    /**
     * A transaction that wrote first but commits last must still reach a reader that already
     * holds a cursor past the changes committed meanwhile: the feed is in commit order, not in
     * the order rows were written.
     */
    @Test
    void aWriterThatCommitsLateIsNotSkipped() throws Exception {
        String start = endOfFeed();
        try (Connection slow = TestDatabase.connection()) {
            slow.setAutoCommit(false);
            long slowKey;
            try (PreparedStatement insert = slow.prepareStatement(
                    "insert into person (name) values (?) returning id")) {
                // The two names share no word: a writer adding a word new to the search vocabulary
                // (V10) waits for another uncommitted writer that added the same word.
                insert.setString(1, Fixtures.unique("Slow"));
                ResultSet row = insert.executeQuery();
                row.next();
                slowKey = row.getLong(1);
            }
            String fast = Fixtures.person(Fixtures.unique("Fast"));
            JsonPath before = data(CHANGES, "after", start, "first", 100).setRootPath("changes");
            assertEquals(List.of(fast), before.getList("edges.node.id"));
            String cursor = before.getString("pageInfo.endCursor");

            slow.commit();
            JsonPath after = data(CHANGES, "after", cursor, "first", 100).setRootPath("changes");
            assertEquals(List.of(GlobalId.encode(NodeType.PERSON, slowKey)), after.getList("edges.node.id"));
        }
    }

    @Test
    void refusesCursorsItDidNotIssue() {
        assertEquals("after", badInputField(CHANGES, "after", "bm90IGEgY3Vyc29y", "first", 1));
        String talksCursor = data("{ talks(first: 1) { pageInfo { endCursor } } }").getString("talks.pageInfo.endCursor");
        assertNotNull(talksCursor);
        assertEquals("after", badInputField(CHANGES, "after", talksCursor, "first", 1));
        assertEquals("first", badInputField(CHANGES, "after", null, "first", -1));
    }

    /** The cursor after every change committed so far. */
    private static String endOfFeed() {
        String cursor = null;
        JsonPath page;
        do {
            page = data(CHANGES, "after", cursor, "first", 100).setRootPath("changes");
            cursor = page.getString("pageInfo.endCursor");
        } while (page.getBoolean("pageInfo.hasNextPage"));
        return cursor;
    }
}
