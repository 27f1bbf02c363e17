package io.parley.envoy;

import static io.parley.graphql.GraphQLClient.badInputField;
import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.parley.graphql.Deletions;
import io.parley.graphql.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class EnvoyApiTest {

    private static final String APPOINT = """
            mutation($input: EnvoyInput!) {
              appointEnvoy(input: $input) {
                id title represents mandate announcedOn announcedOnPrecision startDate endDate active version
                person { id } appointedBy { id } citations { source { id } }
              }
            }""";

    @Test
    void appointsAndEndsAMandate() {
        String envoyPerson = Fixtures.person(Fixtures.unique("Envoy"));
        String president = Fixtures.person(Fixtures.unique("President"));
        String source = Fixtures.source("BBC");
        JsonPath envoy = data(APPOINT, "input", vars("personId", envoyPerson, "title", "Special Envoy for the Arctic",
                "represents", "no", "appointedById", president, "mandate", "Arctic", "announcedOn", "2024-05-20",
                "announcedOnPrecision", "YEAR", "startDate", "2024-06-01",
                "citations", List.of(vars("sourceId", source)))).setRootPath("appointEnvoy");
        assertEquals("NO", envoy.getString("represents"));
        assertEquals("2024-01-01", envoy.getString("announcedOn"));
        assertEquals("YEAR", envoy.getString("announcedOnPrecision"));
        assertTrue(envoy.getBoolean("active"));
        assertEquals(envoyPerson, envoy.getString("person.id"));
        assertEquals(president, envoy.getString("appointedBy.id"));
        assertEquals(source, envoy.getString("citations[0].source.id"));

        String id = envoy.getString("id");
        String end = "mutation($id: ID!, $end: Date!) { endEnvoyMandate(id: $id, endDate: $end) { endDate active version } }";
        assertEquals("endDate", badInputField(end, "id", id, "end", "2024-05-31"));
        JsonPath ended = data(end, "id", id, "end", LocalDate.now().minusDays(1).toString()).setRootPath("endEnvoyMandate");
        assertFalse(ended.getBoolean("active"));
        assertEquals(1, ended.getInt("version"));

        JsonPath appointments = data("query($id: ID!) { person(id: $id) { envoyAppointments { id } } }", "id", envoyPerson);
        assertEquals(List.of(id), appointments.getList("person.envoyAppointments.id"));
        JsonPath inactive = data("query($n: String) { envoys(filter: {name: $n, active: false}) { nodes { id } } }",
                "n", "Envoy");
        assertTrue(inactive.getList("envoys.nodes.id").contains(id));
        JsonPath active = data("query($n: String) { envoys(filter: {name: $n, active: true, represents: \"NO\"}) { nodes { id } } }",
                "n", "Envoy");
        assertFalse(active.getList("envoys.nodes.id").contains(id));
    }

    @Test
    void refusesInvalidAppointments() {
        String person = Fixtures.person(Fixtures.unique("Self"));
        assertEquals("input.appointedById", badInputField(APPOINT, "input", vars("personId", person, "title", "Envoy",
                "represents", "US", "appointedById", person)));
        assertEquals("input.represents", badInputField(APPOINT, "input", vars("personId", person, "title", "Envoy",
                "represents", "USA")));
        assertEquals("input.endDate", badInputField(APPOINT, "input", vars("personId", person, "title", "Envoy",
                "represents", "US", "startDate", "2024-02-02", "endDate", "2024-02-01")));
        assertEquals("input.personId", badInputField(APPOINT, "input", vars("personId",
                Fixtures.source("Not a person"), "title", "Envoy", "represents", "US")));
    }

    @Test
    void adminsDeleteAppointmentsNoTripRefersTo() {
        String person = Fixtures.person(Fixtures.unique("Travelling envoy"));
        String travelled = Fixtures.envoy(person, "NO");
        data("mutation($input: TripInput!) { recordTrip(input: $input) { id } }", "input",
                vars("envoyId", travelled, "destination", vars("name", "Oslo")));
        Deletions.check("deleteEnvoy", Fixtures.envoy(person, "NO"), travelled, "trips");
    }
}
