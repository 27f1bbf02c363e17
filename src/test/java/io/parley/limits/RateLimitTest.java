package io.parley.limits;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.parley.graphql.Fixtures;
import io.parley.graphql.GraphQLClient;
import io.parley.common.Roles;
import io.parley.graphql.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A per-client budget, charged before anything runs on both paths, refused with 429. */
@QuarkusTest
@TestProfile(RateLimitTest.SixtyPointsAnHour.class)
class RateLimitTest {

    public static class SixtyPointsAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Tests reach the service from the loopback address, the one trusted proxy here.
            return Map.of("parley.rate-limit.enabled", "true", "parley.rate-limit.points", "60",
                    "parley.rate-limit.window", "1h",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,0:0:0:0:0:0:0:1");
        }
    }

    /** people 1 + talks 1 + nodes 100 + title 100 (talks(first: 100) under a single person). */
    private static final String CREATE_COSTING_203 = "mutation($input: PersonInput!) { createPerson(input: $input)"
            + " { id talks(first: 100) { nodes { title } } } }";

    @Test
    void bothPathsChargeTheBudgetAndWhatDoesNotFitIsRefusedBeforeItRuns() {
        String client = someAddress();
        Response compiled = ask(client, null, CostTest.FIVE_POINTS, false, Map.of());
        assertBudget(compiled, 55);
        // The answer holds this client's budget: no shared cache may keep it for another.
        assertEquals("private, no-cache", compiled.header("Cache-Control"));
        assertBudget(ask(client, null, CostTest.FIVE_POINTS, true, Map.of()), 50);

        Response status = ask(client, null, "{ rateLimit { cost limit remaining resetAt } }", false, Map.of());
        assertBudget(status, 45);
        assertEquals(5, status.jsonPath().getInt("data.rateLimit.cost"));
        assertEquals(60, status.jsonPath().getInt("data.rateLimit.limit"));
        assertEquals(45, status.jsonPath().getInt("data.rateLimit.remaining"), "this query already charged");
        assertEquals(status.jsonPath().getString("extensions.rateLimit.resetAt"),
                status.jsonPath().getString("data.rateLimit.resetAt"));

        Response refused = ask(client, null, "{ tracks(first: 100) { nodes { name } } }", false, Map.of());
        assertRefused(refused);
        String name = Fixtures.unique("Refused by the rate limit");
        assertRefused(ask(client, Tokens.withSubject(Fixtures.unique("editor"), Roles.EDITOR), CREATE_COSTING_203,
                false, Map.of("input", Map.of("name", name))));
        assertEquals(0, GraphQLClient.data("query($n: String) { people(filter: {name: $n}) { totalCount } }", "n", name)
                .getInt("people.totalCount"), "the refused mutation never ran");
        assertBudget(ask(client, null, CostTest.FIVE_POINTS, false, Map.of()), 40);
    }

    @Test
    void aTokenIsChargedByItsSubjectWhereverItComesFrom() {
        String token = Tokens.withSubject(Fixtures.unique("reader"), Roles.READER);
        String first = someAddress();
        assertBudget(ask(first, token, CostTest.FIVE_POINTS, false, Map.of()), 55);
        assertBudget(ask(someAddress(), token, CostTest.FIVE_POINTS, true, Map.of()), 50);
        assertBudget(ask(first, null, CostTest.FIVE_POINTS, false, Map.of()), 55);
    }

    @Test
    void aTokenThatDoesNotVerifyIsRefusedEvenForAPublicRead() {
        Response refused = ask(someAddress(), Tokens.expired(), CostTest.FIVE_POINTS, false, Map.of());
        assertEquals(401, refused.statusCode(), refused::asString);
        assertEquals("UNAUTHENTICATED", refused.jsonPath().getString("errors[0].extensions.code"));
    }

    private static void assertBudget(Response answer, int remaining) {
        assertEquals(200, answer.statusCode(), answer::asString);
        assertNull(answer.jsonPath().get("errors"), answer::asString);
        assertEquals(60, answer.jsonPath().getInt("extensions.rateLimit.limit"), answer::asString);
        assertEquals(remaining, answer.jsonPath().getInt("extensions.rateLimit.remaining"), answer::asString);
        Instant reset = Instant.parse(answer.jsonPath().getString("extensions.rateLimit.resetAt"));
        assertTrue(reset.isAfter(Instant.now()) && reset.isBefore(Instant.now().plus(Duration.ofHours(1)).plusSeconds(5)),
                reset::toString);
        assertEquals(0, reset.getEpochSecond() % 3600, "windows are whole hours: " + reset);
        assertEquals(Integer.toString(remaining), answer.header("x-ratelimit-remaining"));
        assertEquals("60", answer.header("x-ratelimit-limit"));
        assertEquals(Long.toString(reset.getEpochSecond()), answer.header("x-ratelimit-reset"));
    }

    private static void assertRefused(Response refused) {
        assertEquals(429, refused.statusCode(), refused::asString);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        long untilReset = Instant.now().until(Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)),
                ChronoUnit.SECONDS);
        assertTrue(retryAfter >= 1 && Math.abs(retryAfter - untilReset) <= 5, retryAfter + " vs " + untilReset);
        assertEquals("LIMIT_EXCEEDED", refused.jsonPath().getString("errors[0].extensions.code"), refused::asString);
        assertTrue(refused.jsonPath().getString("errors[0].message").contains("retry after"), refused::asString);
        assertNull(refused.jsonPath().get("data"));
    }

    /** A client address of its own, so each test starts with a full budget. */
    private static String someAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static Response ask(String address, String token, String query, boolean general,
            Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        if (general) {
            body.put("extensions", Map.of());
        }
        var request = given().contentType(ContentType.JSON).header("X-Forwarded-For", address).body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.when().post("/graphql").then().extract().response();
    }
}
