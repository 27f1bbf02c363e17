package io.parley.limits;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Every answer tells its cost, on both read paths; without rate limiting there is no budget. */
@QuarkusTest
class CostTest {

    @Inject
    SessionFactory sessionFactory;

    /** tracks 1 + nodes 2 + name 2 (each field counts once per record its lists may hold). */
    static final String FIVE_POINTS = "{ tracks(first: 2) { nodes { name } } }";

    @Test
    void bothReadPathsReportTheNodeCountAsCost() {
        var statistics = sessionFactory.getStatistics();
        statistics.clear();
        Response compiled = ask(FIVE_POINTS, false);
        assertEquals(0, statistics.getPrepareStatementCount(), "the compiled path answered");
        Response general = ask(FIVE_POINTS, true);
        for (Response answer : new Response[] { compiled, general }) {
            assertEquals(5, answer.jsonPath().getInt("extensions.cost"), answer::asString);
            assertNull(answer.jsonPath().get("extensions.rateLimit"), "rate limiting is off");
            assertNull(answer.header("x-ratelimit-remaining"));
        }
        assertEquals(compiled.jsonPath().getMap("data"), general.jsonPath().getMap("data"));
        // people 1 + nodes 20 (the default page) + name 20 + talks 20 + totalCount 20 * 20
        assertEquals(461, ask("{ people { nodes { name talks { totalCount } } } }", true).jsonPath()
                .getInt("extensions.cost"));
    }

    @Test
    void rateLimitTellsTheCostAndNoBudgetWhenOff() {
        Response answer = ask("{ rateLimit { cost limit remaining resetAt } }", false);
        assertEquals(Map.of("cost", 5), withoutNulls(answer.jsonPath().getMap("data.rateLimit")), answer::asString);
        assertEquals(5, answer.jsonPath().getInt("extensions.cost"));
    }

    static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> kept = new LinkedHashMap<>(map);
        kept.values().removeIf(value -> value == null);
        return kept;
    }

    /** Requests that carry {@code extensions} always take the general path. */
    static Response ask(String query, boolean general) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        if (general) {
            body.put("extensions", Map.of());
        }
        return given().contentType(ContentType.JSON).body(body).when().post("/graphql").then().statusCode(200)
                .extract().response();
    }
}
