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

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * On the general, field-by-field path a deep query costs a number of SQL statements that depends
 * on its shape, never on its page size. (Reads the compiled path answers cost one statement by
 * construction; requests with extensions take the general path, which is what is counted here.)
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
    SessionFactory sessionFactory;

    private String track;

    @BeforeEach
    void aTrackWithSeveralRichTalks() {
        track = Fixtures.track(Fixtures.unique("Counted track"));
        String source = Fixtures.source("Counted wire");
        for (int i = 0; i < 4; i++) {
            String host = Fixtures.person(Fixtures.unique("Counted host"));
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

    private long statementsFor(String query, String list, int first) {
        var statistics = sessionFactory.getStatistics();
        statistics.clear();
        assertEquals(Math.min(first, 4), general(query, first).getList("data." + list + ".nodes").size());
        return statistics.getPrepareStatementCount();
    }

    @Test
    void deepTalkQueriesDoNotGrowWithThePageSize() {
        assertConstantInPageSize(DEEP_TALKS, "talks", 14);
    }

    @Test
    void nestedConnectionsAreBatchedToo() {
        assertConstantInPageSize(NESTED_CONNECTIONS, "talks", 30);
    }

    @Test
    void deepOutcomeQueriesDoNotGrowWithThePageSize() {
        assertConstantInPageSize(DEEP_OUTCOMES, "outcomes", 12);
    }

    @Test
    void totalCountIsCountedOnlyWhenAskedFor() {
        String withCount = "query($track: ID!, $first: Int) { talks(filter: {trackIds: [$track]}, first: $first) "
                + "{ totalCount nodes { title } } }";
        String withoutCount = withCount.replace("totalCount ", "");
        assertEquals(statementsFor(withCount, "talks", 4) - 1, statementsFor(withoutCount, "talks", 4));
        assertEquals(4, data(withCount, "track", track, "first", 1).getInt("talks.totalCount"));
    }

    private JsonPath general(String query, int first) {
        Map<String, Object> body = Map.of("query", query, "variables", vars("track", track, "first", first),
                "extensions", Map.of());
        JsonPath answer = given().contentType(ContentType.JSON).body(body).when().post("/graphql")
                .then().statusCode(200).extract().jsonPath();
        assertNull(answer.get("errors"), answer::prettify);
        return answer;
    }

    private void assertConstantInPageSize(String query, String list, long bound) {
        long one = statementsFor(query, list, 1);
        long hundred = statementsFor(query, list, 100);
        assertEquals(one, hundred, "statements at first: 1 and first: 100");
        assertTrue(hundred <= bound, "a small, fixed number of statements, not " + hundred);
    }
}
