package io.parley.graphql;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Reads compiled into one SQL statement answer exactly as the general, field-by-field path
 * does: every compiled field of every type, over the demo data, with aliases, fragments,
 * variables, directives, cursors and filters. A request with {@code extensions} always takes
 * the general path, which makes it the reference here.
 */
@QuarkusTest
class CompiledReadsTest {

    private static final String CITATION = "citations { __typename excerpt source { id publisher title url publishedOn language version updatedAt } }";
    private static final String PERSON = "id name aliases birthDate countryCode summary wikidataId version updatedAt"
            + " positions { title organization startDate endDate } " + CITATION;
    private static final String ENVOY = "id title represents mandate announcedOn announcedOnPrecision startDate endDate"
            + " active version updatedAt person { name } appointedBy { name } " + CITATION;
    private static final String TRACK = "id name summary parties status version updatedAt " + CITATION;
    private static final String STATEMENT = "id quote verbatim saidOn saidOnPrecision tone version updatedAt"
            + " speaker { name } talk { title } track { name } " + CITATION;
    private static final String OUTCOME = "id kind status title description date datePrecision version updatedAt"
            + " track { name } talks { title date } figures { label value approximate } beneficiaries { name }"
            + " creditedTo { name } " + CITATION;
    private static final String TALK = "id title date datePrecision startsAt endsAt format closedDoor status summary"
            + " version updatedAt track { " + TRACK + " } location { name city countryCode latitude longitude }"
            + " participants { role person { " + PERSON + " envoyAppointments { " + ENVOY + " } } asEnvoy { " + ENVOY
            + " } } outcomes { " + OUTCOME + " } statements { " + STATEMENT + " } " + CITATION;
    private static final String PAGE = "totalCount pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }";

    @Test
    void everyListAnswersAsTheGeneralPathDoes() {
        same("{ talks(first: 100) { " + PAGE + " edges { __typename cursor node { __typename " + TALK + " } } } }");
        same("{ people(first: 100) { " + PAGE + " nodes { " + PERSON + " envoyAppointments { id } } } }");
        same("{ envoys(first: 100) { " + PAGE + " nodes { " + ENVOY + " } } }");
        same("{ tracks(first: 100) { " + PAGE + " nodes { " + TRACK + " } } }");
        same("{ outcomes(first: 100) { " + PAGE + " nodes { " + OUTCOME + " } } }");
        same("{ statements(first: 100) { " + PAGE + " nodes { " + STATEMENT + " } } }");
        same("{ sources(first: 100) { " + PAGE + " edges { cursor node { id publisher } } } }");
        same("{ trips(first: 100) { " + PAGE + " nodes { id arrivedOn departedOn purpose summary version updatedAt"
                + " envoy { title } destination { name city countryCode latitude longitude } talks { title } "
                + CITATION + " } } }");
    }

    @Test
    void filtersOrderingsAndCursorsAnswerAsTheGeneralPathDoes() {
        String query = """
                query($after: String, $from: Date, $statuses: [TalkStatus!], $field: TalkOrderField!) {
                  talks(first: 2, after: $after, orderBy: {field: $field, direction: ASC},
                        filter: {from: $from, statuses: $statuses}) {
                    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                    edges { cursor node { title date updatedAt } }
                  }
                }""";
        for (String field : List.of("DATE", "TITLE", "UPDATED_AT")) {
            Map<String, Object> variables = vars("from", "2020-01-01", "statuses", List.of("HELD", "EXPECTED"),
                    "field", field);
            String after = same(query, variables).getString("talks.pageInfo.endCursor");
            assertNotNull(after, "the demo data has more than two such talks");
            variables.put("after", after);
            JsonPath second = same(query, variables);
            assertTrue(second.getBoolean("talks.pageInfo.hasPreviousPage"));
        }
        same("""
                { statements(first: 5, filter: {tones: [OPTIMISTIC, NEUTRAL, SKEPTICAL], from: "2000-01-01",
                    to: "2030-12-31"}) { totalCount nodes { quote saidOn tone speaker { name } } } }""", Map.of());
        same("{ people(filter: {name: \"a\"}, first: 3) { totalCount nodes { name } pageInfo { endCursor } } }",
                Map.of());
    }

    @Test
    void lookupsAliasesFragmentsAndDirectivesAnswerAsTheGeneralPathDoes() {
        JsonPath ids = data("{ talks(first: 2) { nodes { id participants { person { id } } } } }");
        String talk = ids.getString("talks.nodes[0].id");
        String person = ids.getString("talks.nodes[0].participants[0].person.id");
        String query = """
                query($talk: ID!, $person: ID!, $withPeople: Boolean!) {
                  __typename
                  first: talk(id: $talk) { ...Talk }
                  again: talk(id: $talk) { title alsoTitle: title participants @include(if: $withPeople) { role } }
                  wrongType: talk(id: $person) { title }
                  person(id: $person) { __typename name ... on Person { countryCode } }
                  nobody: person(id: "UGVyc29uOjk5OTk5OTk5") { name }
                }
                fragment Talk on Talk { __typename id title location { name } participants { person { name } } }""";
        JsonPath answer = same(query, vars("talk", talk, "person", person, "withPeople", true));
        assertNull(answer.get("wrongType"));
        assertNull(answer.get("nobody"));
        assertFalse(same(query, vars("talk", talk, "person", person, "withPeople", false))
                .getMap("again").containsKey("participants"));
    }

    /**
     * Asks both paths (the whole operation as one statement, and SmallRye's execution, which
     * reads each Query field with its own statement and walks the JSON field by field); the
     * answers must be equal and without errors.
     */
    private JsonPath same(String query) {
        return same(query, Map.of());
    }

    private JsonPath same(String query, Map<String, Object> variables) {
        JsonPath compiled = ask(query, variables, false);
        JsonPath general = ask(query, variables, true);
        assertEquals(general.getMap("data"), compiled.getMap("data"), query);
        return new JsonPath(compiled.prettify()).setRootPath("data");
    }

    private static JsonPath ask(String query, Map<String, Object> variables, boolean general) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        if (general) {
            body.put("extensions", Map.of());
        }
        JsonPath answer = given().contentType(ContentType.JSON).body(body).when().post("/graphql")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertNull(answer.get("errors"), () -> answer.prettify());
        return answer;
    }
}
