package io.parley.graphql;

import io.parley.common.GlobalId;

import io.parley.common.NodeType;

import static io.parley.graphql.GraphQLClient.badInputField;
import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class NodeApiTest {

    @Test
    void everyIdResolvesThroughNodeAndNodes() {
        JsonPath ids = data("""
                { people(first: 1) { nodes { id } } envoys(first: 1) { nodes { id } } tracks(first: 1) { nodes { id } }
                  talks(first: 1) { nodes { id } } trips(first: 1) { nodes { id } } outcomes(first: 1) { nodes { id } }
                  statements(first: 1) { nodes { id } } sources(first: 1) { nodes { id } } }""");
        Map<String, String> byType = Map.of("Person", "people", "Envoy", "envoys", "Track", "tracks", "Talk", "talks",
                "Trip", "trips", "Outcome", "outcomes", "Statement", "statements", "Source", "sources");
        List<String> all = new ArrayList<>();
        byType.forEach((type, list) -> {
            String id = ids.getString(list + ".nodes[0].id");
            all.add(id);
            JsonPath node = data("query($id: ID!) { node(id: $id) { __typename id } }", "id", id);
            assertEquals(type, node.getString("node.__typename"));
            assertEquals(id, node.getString("node.id"));
        });
        assertEquals(all.size(), all.stream().distinct().count(), "IDs are unique across types");

        List<String> asked = new ArrayList<>(all);
        Collections.reverse(asked);
        asked.add(1, GlobalId.encode(NodeType.TALK, Long.MAX_VALUE / 2));
        List<Map<String, String>> nodes = data("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", "ids", asked)
                .getList("nodes");
        List<String> answered = nodes.stream().map(node -> node == null ? null : node.get("id")).toList();
        List<String> expected = new ArrayList<>(asked);
        expected.set(1, null);
        assertEquals(expected, answered, "in the order asked, null where nothing exists");
    }

    @Test
    void malformedIdsAreBadInputAndOtherTypesAreNotFound() {
        assertEquals("id", badInputField("{ node(id: \"%%%\") { id } }"));
        assertEquals("ids[1]", badInputField("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", "ids",
                List.of(GlobalId.encode(NodeType.PERSON, 1), "bogus")));
        String personId = data("{ people(first: 1) { nodes { id } } }").getString("people.nodes[0].id");
        assertNull(data("query($id: ID!) { talk(id: $id) { id } }", "id", personId).get("talk"),
                "a person's ID names no talk");
        error("LIMIT_EXCEEDED", "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", "ids",
                Collections.nCopies(101, personId));
    }
}
