package io.parley.faults;

import static io.parley.Management.management;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 24's faults between Parley and its one database, each under 8 writers and 2 readers that
 * never retry: the database stopped and started, every connection killed, the network stalled
 * (packets dropped, nothing refused) and partitioned (connections refused). Each must cost
 * availability only while it lasts: refusals are UNAVAILABLE and come within the request's budget,
 * liveness stays up, no acknowledged write is lost or stored twice, and the first write succeeds
 * within 2 s of the fault's end. The numbers go to target/faults/ and docs/reliability.md.
 */
@QuarkusTest
@Tag("faults")
@TestProfile(DatabaseFaultsTest.ThroughAFaultProxy.class)
class DatabaseFaultsTest {

    public static class ThroughAFaultProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FaultyPostgres.class));
        }
    }

    /** The bound on healing: the first request succeeds within this of the database's return. */
    private static final double HEAL_SECONDS = 2.0;
    /**
     * The longest a refused request may take: one already waiting on the database when the fault
     * begins waits out the 8 s socket timeout (statement_timeout 5 s + 3 s) and, a write, up to two
     * 3 s connection attempts (measured: 14.1 s at worst in a stall, 4.1 s when the database stops),
     * plus a second for the service. Requests that arrive once the fault is known are refused at
     * once (DatabaseReachability).
     */
    private static final double REFUSAL_BUDGET_SECONDS = 15.0;

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void databaseStoppedForSixSecondsAndStartedAgain() throws Exception {
        FaultyPostgres database = FaultyPostgres.current();
        run("database-stop-start", 6, database::stopServer, database::startServer);
    }

    @Test
    void everyConnectionKilled() throws Exception {
        FaultyPostgres database = FaultyPostgres.current();
        run("connection-kill", 0, () -> {
            try (Connection direct = database.directConnection(); Statement kill = direct.createStatement()) {
                kill.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where pid <> pg_backend_pid() and backend_type = 'client backend'");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> { });
    }

    @Test
    void networkStalledForTwelveSeconds() throws Exception {
        FaultProxy proxy = FaultyPostgres.current().proxy();
        run("network-stall", 12, proxy::stall, proxy::heal);
    }

    @Test
    void networkPartitionedForSixSeconds() throws Exception {
        FaultProxy proxy = FaultyPostgres.current().proxy();
        run("network-partition", 6, proxy::refuse, proxy::heal);
    }

    /**
     * Runs traffic for 2 s, causes the fault, keeps it for {@code seconds}, ends it, and measures
     * how the service came through.
     */
    private void run(String scenario, int seconds, Runnable cause, Runnable end) throws Exception {
        Traffic traffic = new Traffic(graphql.toURI(), scenario, 8, 2, Duration.ofSeconds(30));
        Map<String, Object> numbers = new LinkedHashMap<>();
        try {
            Thread.sleep(2_000);
            assertTrue(traffic.acknowledgedCount() > 0, "writes succeed before the fault: " + traffic.failuresByCode());
            cause.run();
            if (seconds > 0) {
                Thread.sleep(seconds * 1_000L / 2);
                management().when().get("/q/health/live").then().statusCode(200);
                management().when().get("/q/health/ready").then().statusCode(503);
                Thread.sleep(seconds * 1_000L / 2);
            }
            end.run();
            long ended = System.nanoTime();
            double healed = traffic.awaitWriteAfter(ended, Duration.ofSeconds(30));
            double ready = awaitReady(ended);
            Thread.sleep(1_000);
            traffic.stop();

            Traffic.Stored stored;
            try (Connection direct = FaultyPostgres.current().directConnection()) {
                stored = traffic.stored(direct);
            }
            numbers.put("faultSeconds", seconds);
            numbers.put("tried", traffic.tried());
            numbers.put("acknowledgedWrites", traffic.acknowledgedCount());
            numbers.put("refusedByCode", traffic.failuresByCode());
            numbers.put("slowestRefusedWriteSeconds", round(traffic.slowestFailedWriteSeconds()));
            numbers.put("slowestRefusedReadSeconds", round(traffic.slowestFailedReadSeconds()));
            numbers.put("lost", stored.lost());
            numbers.put("duplicated", stored.duplicated());
            numbers.put("unacknowledgedButStored", stored.unacknowledgedButStored());
            numbers.put("firstWriteAfterSeconds", round(healed));
            numbers.put("readyAfterSeconds", round(ready));
            Traffic.record(scenario, numbers);

            assertEquals(0, stored.lost(), "acknowledged writes lost: " + numbers);
            assertEquals(0, stored.duplicated(), "writes stored twice: " + numbers);
            traffic.failuresByCode().keySet().forEach(code -> assertEquals("UNAVAILABLE", code,
                    "every refusal while the database is away is UNAVAILABLE: " + numbers));
            assertTrue(Math.max(traffic.slowestFailedWriteSeconds(), traffic.slowestFailedReadSeconds())
                    <= REFUSAL_BUDGET_SECONDS,
                    "refusals come within the request's budget: " + numbers);
            assertTrue(healed <= HEAL_SECONDS, "the first write succeeds within 2 s of the fault's end: " + numbers);
        } finally {
            traffic.stop();
        }
    }

    /** Seconds from {@code since} until readiness reports UP again. */
    private static double awaitReady(long since) throws InterruptedException {
        long deadline = since + Duration.ofSeconds(30).toNanos();
        while (management().when().get("/q/health/ready").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("readiness did not follow within 30 s");
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - since) / 1e9;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }
}
