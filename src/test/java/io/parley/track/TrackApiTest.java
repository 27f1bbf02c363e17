package io.parley.track;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.error;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.parley.graphql.Deletions;
import io.parley.graphql.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class TrackApiTest {

    @Test
    void createsUpdatesAndListsTracks() {
        String name = Fixtures.unique("Arctic fisheries");
        JsonPath created = data("""
                mutation($input: TrackInput!) { createTrack(input: $input) { id name status parties summary version } }""",
                "input", vars("name", name, "parties", List.of("Norway", "Russia", "Norway"))).setRootPath("createTrack");
        assertEquals("ACTIVE", created.getString("status"));
        assertEquals(List.of("Norway", "Russia"), created.getList("parties"));
        String id = created.getString("id");

        JsonPath updated = data("""
                mutation($id: ID!, $input: TrackInput!) { updateTrack(id: $id, input: $input, expectedVersion: 0) {
                  status summary version outcomes { totalCount } talks { totalCount } } }""",
                "id", id, "input", vars("name", name, "status", "PAUSED", "summary", "On hold.")).setRootPath("updateTrack");
        assertEquals("PAUSED", updated.getString("status"));
        assertEquals(1, updated.getInt("version"));
        assertEquals(0, updated.getInt("outcomes.totalCount"));

        error("CONFLICT", "mutation($input: TrackInput!) { createTrack(input: $input) { id } }",
                "input", vars("name", name));
        List<String> names = data("{ tracks(first: 100) { nodes { name } } }").getList("tracks.nodes.name");
        assertEquals(names.stream().sorted().toList(), names, "tracks are listed by name");
    }

    @Test
    void adminsDeleteTracksNothingBelongsTo() {
        String used = Fixtures.track(Fixtures.unique("Used track"));
        Fixtures.talk("A talk on the track", "2024-05-05", used, Fixtures.person(Fixtures.unique("Negotiator")));
        Deletions.check("deleteTrack", Fixtures.track(Fixtures.unique("Unused track")), used, "talks");
    }
}
