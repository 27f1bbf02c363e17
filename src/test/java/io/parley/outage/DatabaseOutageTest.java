package io.parley.outage;

import static io.parley.Management.management;
import static io.parley.graphql.GraphQLClient.post;
import static io.parley.graphql.GraphQLClient.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.parley.graphql.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The database goes away and comes back: availability suffers, data does not. */
@QuarkusTest
@TestProfile(DatabaseOutageTest.BehindAProxy.class)
class DatabaseOutageTest {

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SeveredPostgres.class));
        }
    }

    private static final String FIND = "query($n: String) { people(filter: {name: $n}) { nodes { name } } }";

    @Test
    void anOutageCostsAvailabilityButNoDataAndHealsItself() throws Exception {
        String name = Fixtures.unique("Written before the outage");
        Fixtures.person(name);

        SeveredPostgres.cut();
        try {
            long start = System.nanoTime();
            assertEquals("UNAVAILABLE", code(post(FIND, "n", name)));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(seconds <= 8, "failed after " + seconds + " s");
            assertEquals("UNAVAILABLE", code(post("mutation($i: PersonInput!) { createPerson(input: $i) { id } }",
                    "i", vars("name", "Written during the outage"))));

            ExecutorService clients = Executors.newFixedThreadPool(24);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                answers.add(clients.submit(() -> code(post(FIND, "n", name))));
            }
            for (Future<String> answer : answers) {
                assertEquals("UNAVAILABLE", answer.get(60, TimeUnit.SECONDS), "every request is answered, none hangs");
            }
            clients.shutdown();

            management().when().get("/q/health/ready").then().statusCode(503);
            management().when().get("/q/health/live").then().statusCode(200);
        } finally {
            SeveredPostgres.restore();
        }

        JsonPath recovered = awaitRecovery(name, Duration.ofSeconds(30));
        assertEquals(List.of(name), recovered.getList("data.people.nodes.name"), "the acknowledged write survived");
        assertEquals(List.of(), post(FIND, "n", "Written during the outage").getList("data.people.nodes"));
        management().when().get("/q/health/ready").then().statusCode(200);
    }

    /** Asks until the service answers again, with no restart in between. */
    private static JsonPath awaitRecovery(String name, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            JsonPath response = post(FIND, "n", name);
            if (response.get("errors") == null) {
                return response;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no recovery within " + patience + ": " + response.prettify());
            }
            Thread.sleep(250);
        }
    }

    private static String code(JsonPath response) {
        List<Map<String, Map<String, Object>>> errors = response.getList("errors");
        assertTrue(errors != null && !errors.isEmpty(), response::prettify);
        return (String) errors.get(0).get("extensions").get("code");
    }
}
