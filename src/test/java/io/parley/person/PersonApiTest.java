package io.parley.person;

import static io.parley.graphql.GraphQLClient.badInputField;
import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.error;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.parley.graphql.Fixtures;
import io.parley.common.GlobalId;
import io.parley.common.NodeType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PersonApiTest {

    private static final String CREATE = """
            mutation($input: PersonInput!) {
              createPerson(input: $input) {
                id name aliases birthDate countryCode summary wikidataId version updatedAt
                positions { title organization startDate endDate }
                citations { excerpt source { id publisher } }
              }
            }""";
    private static final String UPDATE = """
            mutation($id: ID!, $input: PersonInput!, $v: Int) {
              updatePerson(id: $id, input: $input, expectedVersion: $v) { id name version updatedAt }
            }""";

    @Test
    void createsAPersonWithEveryFieldNormalised() {
        String source = Fixtures.source("Reuters");
        String name = Fixtures.unique("Ada Envoy");
        JsonPath created = data(CREATE, "input", vars("name", "  " + name + "  ",
                "aliases", List.of("A. Envoy", "A. Envoy", " Ada "), "birthDate", "1960-02-29", "countryCode", "gb",
                "summary", "A diplomat.", "wikidataId", "Q42",
                "positions", List.of(vars("title", "Ambassador", "organization", "FCDO", "startDate", "2001-01-01",
                        "endDate", "2004-06-30")),
                "citations", List.of(vars("sourceId", source, "excerpt", "Ada Envoy, the ambassador"))))
                .setRootPath("createPerson");
        assertEquals(name, created.getString("name"));
        assertEquals(List.of("A. Envoy", "Ada"), created.getList("aliases"));
        assertEquals("1960-02-29", created.getString("birthDate"));
        assertEquals("GB", created.getString("countryCode"));
        assertEquals("Q42", created.getString("wikidataId"));
        assertEquals(0, created.getInt("version"));
        assertEquals("Ambassador", created.getString("positions[0].title"));
        assertEquals("2004-06-30", created.getString("positions[0].endDate"));
        assertEquals("Reuters", created.getString("citations[0].source.publisher"));
        assertEquals(source, created.getString("citations[0].source.id"));

        String id = created.getString("id");
        JsonPath read = data("query($id: ID!) { person(id: $id) { name positions { organization } } }", "id", id);
        assertEquals(name, read.getString("person.name"));
        assertEquals("FCDO", read.getString("person.positions[0].organization"));
    }

    @Test
    void updatesBumpVersionAndRefuseStaleVersions() {
        String id = Fixtures.person(Fixtures.unique("Versioned"));
        JsonPath first = data(UPDATE, "id", id, "input", vars("name", "Renamed once"), "v", 0)
                .setRootPath("updatePerson");
        assertEquals(1, first.getInt("version"));
        JsonPath second = data(UPDATE, "id", id, "input", vars("name", "Renamed twice"), "v", null)
                .setRootPath("updatePerson");
        assertEquals(2, second.getInt("version"));
        assertNotEquals(first.getString("updatedAt"), second.getString("updatedAt"));

        error("CONFLICT", UPDATE, "id", id, "input", vars("name", "Stale write"), "v", 1);
        assertEquals("Renamed twice",
                data("query($id: ID!) { person(id: $id) { name } }", "id", id).getString("person.name"));
    }

    @Test
    void updatingAnUnknownPersonIsNotFound() {
        String gone = Fixtures.person(Fixtures.unique("Gone"));
        data("mutation($id: ID!) { deletePerson(id: $id) }", "id", gone);
        error("NOT_FOUND", UPDATE, "id", gone, "input", vars("name", "Ghost"), "v", null);
        error("NOT_FOUND", "mutation($id: ID!) { deletePerson(id: $id) }", "id", gone);
    }

    @Test
    void invalidInputNamesTheField() {
        assertEquals("input.name", badInputField(CREATE, "input", vars("name", "   ")));
        assertEquals("input.name", badInputField(CREATE, "input", vars("name", "x".repeat(201))));
        assertEquals("input.name", badInputField(CREATE, "input", vars("name", "nul\u0000byte")));
        assertEquals("input.countryCode", badInputField(CREATE, "input", vars("name", "Bad Country", "countryCode", "XX")));
        assertEquals("input.wikidataId", badInputField(CREATE, "input", vars("name", "Bad Wikidata", "wikidataId", "42")));
        assertEquals("input.aliases[1]", badInputField(CREATE, "input", vars("name", "Blank Alias",
                "aliases", List.of("ok", " "))));
        assertEquals("input.positions[0].endDate", badInputField(CREATE, "input", vars("name", "Time Traveller",
                "positions", List.of(vars("title", "Clerk", "startDate", "2020-01-02", "endDate", "2020-01-01")))));
        assertEquals("input.citations[0].sourceId", badInputField(CREATE, "input", vars("name", "Uncited",
                "citations", List.of(vars("sourceId", "not-an-id")))));
        String person = Fixtures.person(Fixtures.unique("Not a source"));
        assertEquals("input.citations[0].sourceId", badInputField(CREATE, "input", vars("name", "Miscited",
                "citations", List.of(vars("sourceId", person)))));
    }

    @Test
    void aCitationOfNoSourceIsNamedByItsIndexAndNothingIsStored() {
        String source = Fixtures.source("Reuters");
        String gone = GlobalId.encode(NodeType.SOURCE, 999_999_999L);
        String name = Fixtures.unique("Half cited");
        Map<String, Object> refused = error("BAD_USER_INPUT", CREATE, "input", vars("name", name, "citations",
                List.of(vars("sourceId", source), vars("sourceId", source), vars("sourceId", gone))));
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) refused.get("extensions");
        assertEquals("input.citations[2].sourceId", extensions.get("field"));
        assertTrue(((String) refused.get("message")).contains("no Source has ID " + gone), refused::toString);
        assertEquals(0, data("query($name: String) { people(filter: { name: $name }) { totalCount } }", "name", name)
                .getInt("people.totalCount"));
    }

    @Test
    void deletingAReferencedPersonIsAConflictAndKeepsThePerson() {
        String person = Fixtures.person(Fixtures.unique("Referenced"));
        Fixtures.talk("A talk that needs its participant", "2024-05-05", null, person);
        Map<String, Object> conflict = error("CONFLICT", "mutation($id: ID!) { deletePerson(id: $id) }", "id", person);
        assertTrue(((String) conflict.get("message")).contains("talk participants"), conflict::toString);
        assertEquals(person, data("query($id: ID!) { person(id: $id) { id } }", "id", person).getString("person.id"));

        String free = Fixtures.person(Fixtures.unique("Unreferenced"));
        assertEquals(free, data("mutation($id: ID!) { deletePerson(id: $id) }", "id", free).getString("deletePerson"));
        assertNull(data("query($id: ID!) { person(id: $id) { id } }", "id", free).get("person"));
    }

    @Test
    void filtersByNameOrAliasCaseInsensitivelyAndByCountry() {
        JsonPath byAlias = data("{ people(filter: {name: \"STEVEN charles\"}) { totalCount nodes { name } } }");
        assertEquals(1, byAlias.getInt("people.totalCount"));
        assertEquals("Steve Witkoff", byAlias.getString("people.nodes[0].name"));

        JsonPath russians = data("{ people(filter: {countryCode: \"ru\"}, first: 100) { nodes { countryCode name } } }");
        List<String> countries = russians.getList("people.nodes.countryCode");
        assertTrue(countries.size() >= 3 && countries.stream().allMatch("RU"::equals), countries::toString);
        assertTrue(russians.getList("people.nodes.name").containsAll(List.of("Vladimir Putin", "Dmitry Peskov",
                "Kirill Dmitriev")));

        assertEquals(0, data("{ people(filter: {name: \"%\"}) { totalCount } }").getInt("people.totalCount"),
                "wildcards in a name filter are literal characters");
        assertEquals("filter.countryCode", badInputField("{ people(filter: {countryCode: \"ZZ\"}) { totalCount } }"));
    }
}
