package io.parley.graphql;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.parley.read.Reads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Every read costs a number of SQL statements fixed by its shape, never by its page sizes: one
 * for a whole query operation, and, when SmallRye executes it (requests with extensions take
 * that path), one per Query field. Counted by the reads' own statement counter.
 */
@QuarkusTest
class StatementCountTest {

    private static final String DEEP_TALKS = """
            query($track: ID!, $first: Int) {
              talks(filter: {trackIds: [$track]}, first: $first) {
                nodes {
                  title
                  participants { role person { name envoyAppointments { title } } asEnvoy { title } }
                  outcomes { title beneficiaries { name } creditedTo { name } }
                  citations { excerpt source { publisher } }
                }
              }
            }""";
    private static final String DEEP_OUTCOMES = """
            query($track: ID!, $first: Int) {
              outcomes(filter: {trackIds: [$track]}, first: $first) {
                nodes { title beneficiaries { name envoyAppointments { title } } talks { title track { name } }
                        citations { source { publisher } } }
              }
            }""";

    private static final String PAGES = """
            query($track: ID!, $first: Int, $person: ID!) {
              track(id: $track) { talks(first: $first) { totalCount nodes { title outcomes { kind figures { value } } } } }
              person(id: $person) { talks(first: $first) { nodes { participants { role person { name } } } }
                                    statements(first: $first) { totalCount } }
              timeline(personId: $person, first: $first) { date item { __typename ... on Talk { title } } }
              search(query: "Counted", first: $first) { score result { __typename ... on Person { name } } }
              node(id: $track) { id ... on Track { talks(first: $first) { nodes { title } } } }
              talks(filter: {trackIds: [$track]}, first: $first) { nodes { title } }
            }""";

    private static final String NESTED_CONNECTIONS = """
            query($track: ID!, $first: Int) {
              tracks(first: 100) { nodes { talks(first: 2) { totalCount nodes { title } } outcomes { totalCount } } }
              talks(filter: {trackIds: [$track]}, first: $first) {
                nodes { participants { person { talks(first: 3) { totalCount pageInfo { hasNextPage } nodes { title } }
                                                statements { totalCount } counterparts { meetingsHeld }
                                                envoyAppointments { talks { totalCount } trips { totalCount } } } } }
              }
            }""";

    @Inject
    Reads reads;

    private String track;
    private String person;

    @BeforeEach
    void aTrackWithSeveralRichTalks() {
        track = Fixtures.track(Fixtures.unique("Counted track"));
        String source = Fixtures.source("Counted wire");
        for (int i = 0; i < 4; i++) {
            String host = Fixtures.person(Fixtures.unique("Counted host"));
            person = host;
            String guest = Fixtures.person(Fixtures.unique("Counted guest"));
            String envoy = Fixtures.envoy(guest, "CH");
            String talk = data("mutation($input: TalkInput!) { recordTalk(input: $input) { id } }", "input",
                    vars("title", "Counted talk " + i, "date", "2024-08-0" + (i + 1), "trackId", track,
                            "participants", List.of(vars("personId", host, "role", "HOST"),
                                    vars("personId", guest, "role", "VISITOR", "envoyId", envoy)),
                            "citations", List.of(vars("sourceId", source, "excerpt", "talk " + i))))
                    .getString("recordTalk.id");
            data("mutation($input: OutcomeInput!) { recordOutcome(input: $input) { id } }", "input",
                    vars("kind", "AGREEMENT", "title", "Counted outcome " + i, "trackId", track,
                            "talkIds", List.of(talk), "beneficiaryIds", List.of(host), "creditedToIds", List.of(guest),
                            "citations", List.of(vars("sourceId", source))));
        }
    }

    /** Statements SmallRye's execution of the query ran, and checks the whole operation ran one. */
    private long statementsFor(String query, String list, int first) {
        long before = reads.statementsRun();
        assertEquals(Math.min(first, 4), ask(query, first, false).getList("data." + list + ".nodes").size());
        assertEquals(1, reads.statementsRun() - before, "one statement for the whole operation");
        before = reads.statementsRun();
        assertEquals(Math.min(first, 4), ask(query, first, true).getList("data." + list + ".nodes").size());
        return reads.statementsRun() - before;
    }

    @Test
    void deepTalkQueriesDoNotGrowWithThePageSize() {
        assertConstantInPageSize(DEEP_TALKS, "talks", 1);
    }

    @Test
    void nestedConnectionsAreOneStatementToo() {
        assertConstantInPageSize(NESTED_CONNECTIONS, "talks", 2);
    }

    @Test
    void deepOutcomeQueriesDoNotGrowWithThePageSize() {
        assertConstantInPageSize(DEEP_OUTCOMES, "outcomes", 1);
    }

    @Test
    void pagesSearchTimelineAndNodesAreOneStatementPerQueryField() {
        assertConstantInPageSize(PAGES, "talks", 6);
    }

    @Test
    void totalCountCountsTheWholeListWhateverThePage() {
        String withCount = "query($track: ID!, $first: Int) { talks(filter: {trackIds: [$track]}, first: $first) "
                + "{ totalCount pageInfo { hasNextPage } nodes { title } } }";
        assertEquals(4, data(withCount, "track", track, "first", 1).getInt("talks.totalCount"));
        assertTrue(data(withCount, "track", track, "first", 1).getBoolean("talks.pageInfo.hasNextPage"));
    }

    private JsonPath ask(String query, int first, boolean smallRye) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("query", query,
                "variables", vars("track", track, "first", first, "person", person)));
        if (smallRye) {
            body.put("extensions", Map.of());
        }
        JsonPath answer = given().contentType(ContentType.JSON).body(body).when().post("/graphql")
                .then().statusCode(200).extract().jsonPath();
        assertNull(answer.get("errors"), answer::prettify);
        return answer;
    }

    private void assertConstantInPageSize(String query, String list, long queryFields) {
        assertEquals(queryFields, statementsFor(query, list, 1), "statements at first: 1");
        assertEquals(queryFields, statementsFor(query, list, 100), "statements at first: 100");
    }
}
