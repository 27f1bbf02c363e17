package io.parley.replica;

import static io.parley.Management.management;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.common.Roles;
import io.parley.faults.ReplicatedPostgres;
import io.parley.graphql.Fixtures;
import io.parley.graphql.Tokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Reads against a real primary and a real streaming standby (ReplicatedPostgres): queries and
 * exports are served by the replica, a writer always sees its write, and a lagging or stopped
 * replica fails no read the primary can answer.
 */
@QuarkusTest
@TestProfile(ReadReplicaTest.PrimaryAndStandby.class)
class ReadReplicaTest {

    /** Lag bound of this profile: long enough for a read to beat it, short enough to wait out. */
    static final Duration MAX_LAG = Duration.ofSeconds(2);

    public static class PrimaryAndStandby implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Servers.class));
        }
    }

    /** The two servers for the application, and for the test to pause, stop and start. */
    public static class Servers implements QuarkusTestResourceLifecycleManager {
        static volatile ReplicatedPostgres servers;

        @Override
        public Map<String, String> start() {
            servers = ReplicatedPostgres.start();
            return Map.ofEntries(
                    Map.entry("quarkus.datasource.jdbc.url", servers.primaryUrl()),
                    Map.entry("quarkus.datasource.username", "postgres"),
                    Map.entry("quarkus.datasource.password", "postgres"),
                    Map.entry("quarkus.datasource.replica.jdbc.url", servers.standbyUrl()),
                    Map.entry("PARLEY_DB_REPLICA_ACTIVE", "true"),
                    Map.entry("parley.replica.max-lag", MAX_LAG.toMillis() + "ms"),
                    Map.entry("parley.replica.probe-interval", "100ms"),
                    Map.entry("parley.replica.avoid-for", "1s"),
                    Map.entry("parley.demo-data", "false"));
        }

        @Override
        public void stop() {
            servers.close();
        }
    }

    private static final String FIND = "query($n: String) { people(filter: {name: $n}) { nodes { name } } }";
    private static final String CREATE = "mutation($i: PersonInput!) { createPerson(input: $i) { id name } }";
    private static final String EDITOR = Tokens.withRoles(Roles.EDITOR, Roles.ADMIN);

    @AfterEach
    void replicaStreamsAgain() throws InterruptedException {
        ReplicatedPostgres servers = Servers.servers;
        try {
            servers.resumeReplay();
        } catch (IllegalStateException notPaused) {
            // stopped or not paused
        }
        awaitReplicaState("STREAMING", Duration.ofSeconds(30));
    }

    @Test
    void readsAreServedByTheReplicaAndAWriterSeesItsWrite() throws Exception {
        String marker = Fixtures.unique("Replicated");
        Response first = write(marker + " first");
        String firstPosition = first.header(CommitPositions.HEADER);
        assertNotNull(firstPosition, "a write says where it committed");
        assertEquals(firstPosition, first.jsonPath().getString("extensions.commitPosition"), "in the header and in extensions");
        // The replica has the first write once it answers with it without being asked to wait.
        awaitNames(marker, null, names -> names.size() == 1, Duration.ofSeconds(10));

        Servers.servers.pauseReplay();
        Response second = write(marker + " second");
        String secondPosition = second.header(CommitPositions.HEADER);
        assertTrue(CommitPosition.parse(secondPosition).compareTo(CommitPosition.parse(firstPosition)) > 0);

        // Without a position, the replica answers (within the lag bound): it has not replayed the
        // second write, which only the primary has applied. This is how the test knows who answered.
        assertEquals(List.of(marker + " first"), names(read(marker, null)), "the replica served the read");
        // With the writer's position: the replica cannot show it, so the primary answers.
        assertEquals(List.of(marker + " first", marker + " second"), names(read(marker, secondPosition)));
        // The same position as a request extension, for clients that cannot set headers.
        assertEquals(List.of(marker + " first", marker + " second"),
                names(post(Map.of("query", FIND, "variables", Map.of("n", marker),
                        "extensions", Map.of("readAfter", secondPosition)), null)));
        // An older position the replica has reached: the replica answers.
        assertEquals(List.of(marker + " first"), names(read(marker, firstPosition)));
        // Exports too.
        assertEquals(1, exportedRows(marker, null));
        assertEquals(2, exportedRows(marker, secondPosition));

        String metrics = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("parley_reads_routed_total{database=\"replica\"")
                && !line.endsWith(" 0.0")), "reads counted as the replica's");
        assertTrue(metrics.contains("parley_reads_routed_total{database=\"primary\",reason=\"replica-behind-read-after\""));
    }

    @Test
    void aReplicaBehindTheLagBoundAnswersNothing() throws Exception {
        String marker = Fixtures.unique("Lagging");
        write(marker + " first");
        awaitNames(marker, null, names -> names.size() == 1, Duration.ofSeconds(10));
        Servers.servers.pauseReplay();
        long start = System.nanoTime();
        write(marker + " second");
        assertEquals(1, names(read(marker, null)).size(), "the replica answers while within the bound");
        // Past the bound, reads without a position go to the primary, which has both. Every read
        // in between is answered, by one or the other.
        int tried = 0;
        int byReplica = 0;
        long deadline = System.nanoTime() + MAX_LAG.multipliedBy(5).toNanos();
        List<String> names;
        while (true) {
            tried++;
            names = names(read(marker, null));
            if (names.size() == 2 || System.nanoTime() > deadline) {
                break;
            }
            byReplica++;
            Thread.sleep(50);
        }
        long switchedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(2, names.size(), "the primary answers once the replica is behind the bound");
        assertTrue(switchedMillis >= MAX_LAG.toMillis() / 2, "not before the replica was behind the bound");
        JsonPath health = JsonPath.from(management().when().get("/q/health/ready").then().statusCode(200).extract().asString());
        assertEquals("LAGGING", replicaCheck(health).get("state"));
        assertEquals("primary", replicaCheck(health).get("readsGoTo"));
        Map<String, Object> lag = new java.util.LinkedHashMap<>();
        lag.put("scenario", "replica replay paused after a write; reads without a position");
        lag.put("maxLagMillis", MAX_LAG.toMillis());
        lag.put("tried", tried);
        lag.put("answeredByReplica", byReplica);
        lag.put("answeredByPrimary", tried - byReplica);
        lag.put("failedReads", 0);
        lag.put("primaryAnswersAfterMillis", switchedMillis);
        io.parley.faults.FaultRecord.write("replica-lag", lag);
    }

    @Test
    void aStoppedReplicaFailsNoRead() throws Exception {
        String marker = Fixtures.unique("Standby stopped");
        Response written = write(marker + " only");
        String position = written.header(CommitPositions.HEADER);
        Map<String, Object> lost = new java.util.LinkedHashMap<>();
        lost.put("scenario", "replica stopped under 8 readers (half with a position), then started again");
        Servers.servers.stopStandby();
        try {
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String after = i % 2 == 0 ? null : position;
                answers.add(clients.submit(() -> names(read(marker, after))));
            }
            long stopped = System.nanoTime();
            for (Future<List<String>> answer : answers) {
                assertEquals(List.of(marker + " only"), answer.get(60, TimeUnit.SECONDS));
            }
            long answeredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
            clients.shutdown();
            lost.put("tried", answers.size());
            lost.put("readsAnswered", answers.size());
            lost.put("failedReads", 0);
            lost.put("allAnsweredWithinMillis", answeredMillis);
            assertEquals(1, exportedRows(marker, null));
            JsonPath health = JsonPath.from(management().when().get("/q/health/ready").then()
                    .statusCode(200).extract().asString());
            assertEquals("UP", health.getString("status"), "a lost replica does not make Parley unready");
            assertEquals("UNREACHABLE", replicaCheck(health).get("state"));
        } finally {
            Servers.servers.startStandby();
        }
        long restarted = System.nanoTime();
        awaitReplicaState("STREAMING", Duration.ofSeconds(30));
        lost.put("replicaUsedAgainAfterMillis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted));
        assertEquals(List.of(marker + " only"), names(read(marker, null)));
        io.parley.faults.FaultRecord.write("replica-lost", lost);
    }

    @Test
    void aPositionThatIsNoneIsRefused() {
        Response refused = given().contentType(ContentType.JSON).header(ReadAfter.HEADER, "yesterday")
                .body(Map.of("query", FIND, "variables", Map.of("n", "x"))).when().post("/graphql");
        assertEquals(400, refused.statusCode());
        assertEquals("BAD_USER_INPUT", refused.jsonPath().getString("errors[0].extensions.code"));
        assertEquals(ReadAfter.HEADER, refused.jsonPath().getString("errors[0].extensions.field"));
        Response export = given().header(ReadAfter.HEADER, "12").when().get("/export/people.csv");
        assertEquals(400, export.statusCode());
        assertEquals("BAD_USER_INPUT", export.jsonPath().getString("errors[0].extensions.code"));
    }

    @Test
    void aCachedReadVariesWithThePositionAsked() {
        Response read = given().header(ReadAfter.HEADER, "0/1").queryParam("query", "{ people(first: 1) { nodes { name } } }")
                .when().get("/graphql");
        assertEquals(200, read.statusCode());
        assertTrue(read.header("Vary").contains(ReadAfter.HEADER), read.header("Vary"));
    }

    private static Response write(String name) {
        Response response = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + EDITOR)
                .body(Map.of("query", CREATE, "variables", Map.of("i", Map.of("name", name)))).when().post("/graphql");
        assertEquals(200, response.statusCode());
        assertEquals(name, response.jsonPath().getString("data.createPerson.name"), response.asString());
        return response;
    }

    private static JsonPath read(String marker, String after) {
        return post(Map.of("query", FIND, "variables", Map.of("n", marker)), after);
    }

    private static JsonPath post(Map<String, Object> body, String after) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (after != null) {
            request.header(ReadAfter.HEADER, after);
        }
        Response response = request.when().post("/graphql");
        assertEquals(200, response.statusCode(), response.asString());
        return response.jsonPath();
    }

    private static List<String> names(JsonPath response) {
        assertTrue(response.get("errors") == null, response::prettify);
        return response.getList("data.people.nodes.name", String.class).stream().sorted().toList();
    }

    private static int exportedRows(String marker, String after) {
        var request = given();
        if (after != null) {
            request.header(ReadAfter.HEADER, after);
        }
        String csv = request.queryParam("name", marker).when().get("/export/people.csv").then().statusCode(200)
                .extract().asString();
        return (int) csv.lines().skip(1).filter(line -> line.contains(marker)).count();
    }

    private static List<String> awaitNames(String marker, String after, Predicate<List<String>> done, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<String> names = names(read(marker, after));
            if (done.test(names)) {
                return names;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still " + names + " after " + patience);
            }
            Thread.sleep(50);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> replicaCheck(JsonPath health) {
        List<Map<String, Object>> checks = health.getList("checks");
        return (Map<String, Object>) checks.stream().filter(check -> "Read replica".equals(check.get("name")))
                .findFirst().orElseThrow().get("data");
    }

    private static void awaitReplicaState(String state, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            JsonPath health = JsonPath.from(management().when().get("/q/health/ready").asString());
            if (state.equals(replicaCheck(health).get("state"))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the replica is not " + state + ": " + health.prettify());
            }
            Thread.sleep(100);
        }
    }
}
