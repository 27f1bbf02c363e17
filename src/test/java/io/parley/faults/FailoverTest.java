package io.parley.faults;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.parley.common.Roles;
import io.parley.graphql.Tokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Issue 24, item 4: the primary crashes under load from several writers, the synchronous standby
 * is promoted and the proxy in front of the database (the Kubernetes service) is switched to it.
 * Every write Parley acknowledged is on the promoted server, none twice, and writes resume
 * within 5 s of the switch.
 */
@QuarkusTest
@TestProfile(FailoverTest.BehindAService.class)
class FailoverTest {

    static final long RESUME_WITHIN_MS = 5_000;
    private static final int WRITERS = 6;
    private static final String CREATE = "mutation($i: PersonInput!) { createPerson(input: $i) { id name } }";
    private static final String EDITOR = Tokens.withRoles(Roles.EDITOR, Roles.ADMIN);

    public static class BehindAService implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Servers.class));
        }
    }

    /** A primary and a synchronous standby, and the proxy Parley reaches the primary through. */
    public static class Servers implements QuarkusTestResourceLifecycleManager {
        static volatile ReplicatedPostgres servers;
        static volatile FaultProxy service;

        @Override
        public Map<String, String> start() {
            servers = ReplicatedPostgres.start();
            service = new FaultProxy(servers.primaryPort());
            return Map.of(
                    "quarkus.datasource.jdbc.url", service.jdbcUrl(),
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres",
                    "parley.demo-data", "false");
        }

        @Override
        public void stop() {
            service.close();
            servers.close();
        }
    }

    /** One writer's attempts: what each request got back. */
    private record Attempt(String name, long startedNanos, long endedNanos, String id, String code) {
    }

    @Test
    void everyAcknowledgedWriteSurvivesAFailoverOnceAndWritesResume() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Attempt> attempts = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            writers.submit(() -> {
                while (writing.get()) {
                    String name = "Failover " + run + " " + sequence.incrementAndGet();
                    long started = System.nanoTime();
                    Attempt attempt;
                    try {
                        Response response = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + EDITOR)
                                .body(Map.of("query", CREATE, "variables", Map.of("i", Map.of("name", name))))
                                .when().post("/graphql");
                        JsonPath body = response.jsonPath();
                        String id = body.getString("data.createPerson.id");
                        String code = id != null ? null : body.getString("errors[0].extensions.code");
                        attempt = new Attempt(name, started, System.nanoTime(), id, code == null && id == null ? "HTTP " + response.statusCode() : code);
                    } catch (RuntimeException noAnswer) {
                        attempt = new Attempt(name, started, System.nanoTime(), null, "NO_ANSWER");
                    }
                    attempts.add(attempt);
                }
                return null;
            });
        }

        // Load first: the crash comes once the writers have written a while (the first writes warm Parley up).
        long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged(attempts) < 50 && System.nanoTime() < warm) {
            Thread.sleep(20);
        }
        Thread.sleep(500);
        long crashed = System.nanoTime();
        Servers.servers.crashPrimary();
        // Kubernetes notices and CloudNativePG promotes; here, a moment of refused writes first.
        Thread.sleep(500);
        Servers.servers.promoteStandby();
        Servers.service.retarget(Servers.servers.standbyPort());
        Servers.service.dropConnections();
        long switched = System.nanoTime();

        // Writes go on until some succeed after the switch, and a while longer.
        long deadline = switched + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && firstAcknowledgedAfter(attempts, switched) < 0) {
            Thread.sleep(20);
        }
        Thread.sleep(1_500);
        writing.set(false);
        writers.shutdown();
        assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS), "every writer got its answers");

        List<Attempt> all;
        synchronized (attempts) {
            all = List.copyOf(attempts);
        }
        Map<String, String> acknowledged = new HashMap<>();
        Map<String, Integer> refused = new TreeMap<>();
        for (Attempt attempt : all) {
            if (attempt.id() != null) {
                acknowledged.put(attempt.name(), attempt.id());
            } else {
                refused.merge(attempt.code(), 1, Integer::sum);
            }
        }

        // What the promoted server holds, read directly.
        Map<String, Integer> stored = new HashMap<>();
        try (Connection connection = Servers.servers.standby();
                PreparedStatement query = connection.prepareStatement(
                        "select name, count(*) from person where name like ? group by name")) {
            query.setString(1, "Failover " + run + " %");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        Set<String> lost = ConcurrentHashMap.newKeySet();
        acknowledged.keySet().stream().filter(name -> !stored.containsKey(name)).forEach(lost::add);
        long duplicated = stored.values().stream().filter(count -> count > 1).count();
        long resumedAt = firstAcknowledgedAfter(all, switched);
        long resumeMillis = resumedAt < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(resumedAt - switched);
        long acknowledgedBeforeCrash = all.stream().filter(a -> a.id() != null && a.endedNanos() < crashed).count();

        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("scenario", "failover: primary crashed under " + WRITERS + " writers, synchronous standby promoted, service switched");
        numbers.put("tried", all.size());
        numbers.put("acknowledgedWrites", acknowledged.size());
        numbers.put("acknowledgedBeforeCrash", acknowledgedBeforeCrash);
        numbers.put("refusedByCode", refused);
        numbers.put("lost", lost.size());
        numbers.put("duplicated", duplicated);
        numbers.put("storedButNotAcknowledged", stored.keySet().stream().filter(n -> !acknowledged.containsKey(n)).count());
        // The fault: from the crash until the service points at the promoted standby.
        numbers.put("faultSeconds", Math.round((switched - crashed) / 1e6) / 1000.0);
        // Measured from the switch, which is when a write could first succeed again.
        numbers.put("firstWriteAfterSeconds", resumeMillis < 0 ? null : resumeMillis / 1000.0);
        FaultRecord.write("failover", numbers);

        assertTrue(acknowledgedBeforeCrash > 0, "the writers wrote before the crash: " + numbers);
        assertEquals(Set.of(), lost, "every acknowledged write is on the promoted server");
        assertEquals(0, duplicated, "no write is stored twice");
        assertTrue(resumeMillis >= 0 && resumeMillis <= RESUME_WITHIN_MS,
                "writes resume within " + RESUME_WITHIN_MS + " ms of the switch: " + numbers);
    }

    private static long acknowledged(List<Attempt> attempts) {
        synchronized (attempts) {
            return attempts.stream().filter(a -> a.id() != null).count();
        }
    }

    /** When the first write started after {@code since} was acknowledged; -1 when none was. */
    private static long firstAcknowledgedAfter(List<Attempt> attempts, long since) {
        synchronized (attempts) {
            return attempts.stream().filter(a -> a.id() != null && a.startedNanos() >= since)
                    .mapToLong(Attempt::endedNanos).min().orElse(-1);
        }
    }
}
