package io.parley.telemetry;

import static io.parley.Management.management;
import static io.parley.graphql.GraphQLClient.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Per-operation metrics as Prometheus scrapes them from the management interface: requests by
 * operation name and kind (with histogram buckets for latency), errors by code, and a bounded
 * number of operation names however many a client makes up. Metrics do not need tracing, which is
 * off here as by default (no OTLP endpoint): errors quote no trace ID then.
 */
@QuarkusTest
@TestProfile(OperationMetricsTest.FewNames.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationMetricsTest {

    private static final int CAP = 40;

    /** A low cap, in an application of its own so that no other test's names count towards it. */
    public static class FewNames implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.metrics.max-operation-names", String.valueOf(CAP));
        }
    }

    /** A count, and after it the exemplar (the trace of one such request) when the scrape is OpenMetrics. */
    private static final Pattern REQUESTS = Pattern.compile(
            "^parley_graphql_requests_seconds_count\\{([^}]*)} ([0-9.Ee+]+)(?: #.*)?$", Pattern.MULTILINE);

    @Test
    @Order(1)
    void requestsAreCountedAndTimedPerOperation() {
        String name = "MeteredTracks" + unique();
        for (int i = 0; i < 3; i++) {
            assertNull(post("query " + name + " { tracks(first: 1) { totalCount } }").get("errors"));
        }
        String metrics = scrape();
        assertEquals(3.0, requests(metrics, name, "query"), () -> lines(metrics, name));
        // Latency histogram buckets (Prometheus' histogram_quantile needs them), up to +Inf.
        assertTrue(metrics.contains("parley_graphql_requests_seconds_bucket{kind=\"query\",operation=\"" + name
                + "\",le=\"+Inf\"} 3.0"), () -> lines(metrics, name));
        assertTrue(Pattern.compile("parley_graphql_requests_seconds_bucket\\{kind=\"query\",operation=\"" + name
                + "\",le=\"0\\.0[0-9]+\"}").matcher(metrics).find(), () -> lines(metrics, name));
    }

    @Test
    @Order(2)
    void errorsAreCountedByCode() {
        String name = "BrokenTracks" + unique();
        Map<String, Object> error = io.parley.graphql.GraphQLClient.error("BAD_USER_INPUT",
                "query " + name + " { tracks(first: 1) { noSuchField } }");
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
        // No OTLP endpoint here, so tracing is off (telemetry.TracingSwitch): no trace to quote.
        // TracingTest has the trace ID with an endpoint.
        assertEquals("BAD_USER_INPUT", extensions.get("code"), error::toString);
        assertFalse(extensions.containsKey("traceId"), error::toString);

        String mutation = "UnauthorisedDelete" + unique();
        io.parley.graphql.GraphQLClient.postAs(null,
                "mutation " + mutation + " { deleteTrack(id: \"VHJhY2s6MQ==\", expectedVersion: 0) }");

        String metrics = scrape();
        assertTrue(metrics.contains("parley_graphql_errors_total{code=\"BAD_USER_INPUT\",kind=\"query\",operation=\""
                + name + "\"} 1.0"), () -> lines(metrics, name));
        assertTrue(metrics.contains("parley_graphql_errors_total{code=\"UNAUTHENTICATED\",kind=\"mutation\",operation=\""
                + mutation + "\"} 1.0"), () -> lines(metrics, mutation));
        assertEquals(1.0, requests(metrics, mutation, "mutation"), () -> lines(metrics, mutation));
    }

    /** Last: once the cap is reached, new names are no longer kept. */
    @Test
    @Order(3)
    void operationNamesAreBounded() {
        String prefix = "Invented" + unique();
        for (int i = 0; i < CAP + 10; i++) {
            post("query " + prefix + "_" + i + " { tracks(first: 1) { totalCount } }");
        }
        // Never counted under the name a client sends that is not its operation's.
        post("query Real { tracks(first: 1) { totalCount } }");
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("query", "query Real { tracks(first: 1) { totalCount } }",
                        "operationName", "Not a name\" } injected 1"))
                .post("/graphql").then().statusCode(200);

        String metrics = scrape();
        Set<String> operations = new TreeSet<>();
        Matcher matcher = REQUESTS.matcher(metrics);
        while (matcher.find()) {
            operations.add(tag(matcher.group(1), "operation"));
        }
        long named = operations.stream().filter(operation -> !operation.startsWith("(")).count();
        assertEquals(CAP, named, () -> named + " operation names: " + operations);
        assertTrue(operations.contains(OperationNames.OTHER), operations::toString);
        assertTrue(operations.contains(OperationNames.UNKNOWN), operations::toString);
        assertTrue(operations.stream().allMatch(operation -> operation.matches("[_A-Za-z][_0-9A-Za-z]{0,63}|\\([a-z]+\\)")),
                operations::toString);
    }

    private static double requests(String metrics, String name, String kind) {
        Matcher matcher = REQUESTS.matcher(metrics);
        while (matcher.find()) {
            if (name.equals(tag(matcher.group(1), "operation")) && kind.equals(tag(matcher.group(1), "kind"))) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }

    private static String tag(String tags, String key) {
        Matcher matcher = Pattern.compile("(?:^|,)" + key + "=\"([^\"]*)\"").matcher(tags);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String scrape() {
        return management().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static String lines(String metrics, String name) {
        return metrics.lines().filter(line -> line.contains(name)).reduce("", (a, b) -> a + b + "\n");
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
