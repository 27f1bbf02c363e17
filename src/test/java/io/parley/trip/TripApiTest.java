package io.parley.trip;

import static io.parley.graphql.GraphQLClient.badInputField;
import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.parley.graphql.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class TripApiTest {

    private static final String RECORD = """
            mutation($input: TripInput!) {
              recordTrip(input: $input) { id arrivedOn departedOn purpose summary
                destination { name countryCode } envoy { id } talks { id } citations { excerpt } }
            }""";

    @Test
    void recordsFiltersAndDeletesTrips() {
        String person = Fixtures.person(Fixtures.unique("Traveller"));
        String envoy = Fixtures.envoy(person, "SE");
        String talk = Fixtures.talk("Talk on the trip", "2024-09-02", null, person);
        JsonPath trip = data(RECORD, "input", vars("envoyId", envoy, "destination", vars("name", "Oslo", "countryCode", "NO"),
                "arrivedOn", "2024-09-01", "departedOn", "2024-09-03", "purpose", "Talks", "talkIds", List.of(talk)))
                .setRootPath("recordTrip");
        assertEquals(envoy, trip.getString("envoy.id"));
        assertEquals(List.of(talk), trip.getList("talks.id"));
        String id = trip.getString("id");

        String list = "query($f: TripFilter) { trips(filter: $f, first: 100) { nodes { id } } }";
        assertEquals(List.of(id), data(list, "f", vars("envoyIds", List.of(envoy))).getList("trips.nodes.id"));
        assertEquals(List.of(id), data(list, "f", vars("envoyIds", List.of(envoy), "countryCode", "NO",
                "from", "2024-09-03", "to", "2024-09-03")).getList("trips.nodes.id"));
        assertEquals(List.of(), data(list, "f", vars("envoyIds", List.of(envoy), "from", "2024-09-04"))
                .getList("trips.nodes.id"));
        JsonPath byEnvoy = data("query($id: ID!) { envoy(id: $id) { trips { totalCount } } }", "id", envoy);
        assertEquals(1, byEnvoy.getInt("envoy.trips.totalCount"));

        data("mutation($id: ID!) { deleteTrip(id: $id) }", "id", id);
        assertNull(data("query($id: ID!) { trip(id: $id) { id } }", "id", id).get("trip"));
    }

    @Test
    void refusesInvalidTrips() {
        String envoy = Fixtures.envoy(Fixtures.person(Fixtures.unique("Careless traveller")), "SE");
        assertEquals("input.departedOn", badInputField(RECORD, "input", vars("envoyId", envoy,
                "destination", vars("name", "Oslo"), "arrivedOn", "2024-09-03", "departedOn", "2024-09-01")));
        assertEquals("input.destination.name", badInputField(RECORD, "input", vars("envoyId", envoy,
                "destination", vars("name", " "))));
        String talk = Fixtures.talk("Listed twice", "2024-01-01", null, Fixtures.person(Fixtures.unique("P")));
        assertEquals("input.talkIds[1]", badInputField(RECORD, "input", vars("envoyId", envoy,
                "destination", vars("name", "Oslo"), "talkIds", List.of(talk, talk))));
        assertEquals("input.talkIds[0]", badInputField(RECORD, "input", vars("envoyId", envoy,
                "destination", vars("name", "Oslo"), "talkIds", List.of(envoy))));
    }
}
