package io.parley.faults;

import static io.parley.Management.management;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    private static final int WRITERS = 8;
    private static final int CLIENTS = 10;

    /** The bound on healing: the first request succeeds within this of the database's return. */
    private static final double HEAL_SECONDS = 2.0;
    /**
     * The longest a refused request may take. Requests that arrive once the fault is known are
     * refused at once (DatabaseReachability); one already waiting on the database when the fault
     * begins waits out the 8 s socket timeout (statement_timeout 5 s + 3 s) and, a write, its
     * connection attempts: measured at worst 20.1 s in a 12 s stall, 2 s in a partition, 0.3 s
     * when the database stops.
     */
    private static final double REFUSAL_BUDGET_SECONDS = 25.0;
    /** A refusal slower than this one waited on the database instead of being refused at once. */
    private static final double WAITED_SECONDS = 1.0;

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
     * Writers that send every write with an Idempotency-Key and retry it with the same key until
     * acknowledged, through every fault in turn: connections killed, the network stalled (writes
     * whose COMMIT is held in the network commit once it flows, after the client gave up on them),
     * the database stopped and started. Retries must never write twice, and nothing acknowledged
     * may be lost.
     */
    @Test
    void retriesWithAKeyNeverWriteTwice() throws Exception {
        FaultyPostgres database = FaultyPostgres.current();
        Map<String, Object> numbers = new LinkedHashMap<>();
        Traffic traffic = new Traffic(graphql.toURI(), "idempotent-retries", WRITERS, CLIENTS - WRITERS,
                Duration.ofSeconds(30), true);
        try {
            Thread.sleep(2_000);
            try (Connection direct = database.directConnection(); Statement kill = direct.createStatement()) {
                kill.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where pid <> pg_backend_pid() and backend_type = 'client backend'");
            }
            Thread.sleep(1_000);
            database.proxy().stall();
            Thread.sleep(10_000);
            database.proxy().heal();
            Thread.sleep(2_000);
            database.stopServer();
            Thread.sleep(3_000);
            database.startServer();
            long ended = System.nanoTime();
            double healed = traffic.awaitWriteAfter(ended, Duration.ofSeconds(30));
            Thread.sleep(2_000);
            traffic.stop();
            Traffic.Stored stored;
            try (Connection direct = database.directConnection()) {
                stored = traffic.stored(direct);
            }
            numbers.putAll(traffic.numbers(stored));
            numbers.put("faultSeconds", 13);
            numbers.put("retriedWithKey", traffic.retries());
            numbers.put("firstWriteAfterSeconds", round(healed));
            FaultRecord.write("idempotent-retries", numbers);

            assertTrue(traffic.retries() > 0, "the faults left writes open, so the test tested something: " + numbers);
            assertEquals(0, stored.duplicated(), "a retry with the same key wrote twice: " + numbers);
            assertEquals(0, stored.lost(), "acknowledged writes lost: " + numbers);
            // Only a write whose last try was cut off when the traffic stopped can be stored unacknowledged.
            assertTrue(stored.unacknowledgedButStored() <= WRITERS, "writes left open: " + numbers);
        } finally {
            traffic.stop();
        }
    }

    /**
     * Four clients start exporting a 2 MB CSV and then read nothing: they hold every export slot
     * and a database connection each, up to the 60 s a stalled download is allowed. Everyone else
     * must not notice: writes and reads go on unrefused, a fifth export is refused at once with
     * LIMIT_EXCEEDED, and the slots are free again soon after the slow clients go away.
     */
    @Test
    void slowClientsHoldingEveryExportSlot() throws Exception {
        try (Connection direct = FaultyPostgres.current().directConnection(); Statement seed = direct.createStatement()) {
            // About 8 MB of CSV: more than the socket buffers and Vert.x's write queue can hide.
            seed.execute("insert into person (name) select 'Slow client reader ' || g || repeat(' long name', 40)"
                    + " from generate_series(1, 20000) g");
        }
        URL export = new URL(graphql, "/export/people.csv");
        List<Socket> slow = new ArrayList<>();
        Map<String, Object> numbers = new LinkedHashMap<>();
        Traffic traffic = new Traffic(graphql.toURI(), "slow-clients", 8, 2, Duration.ofSeconds(30));
        try {
            for (int i = 0; i < 4; i++) {
                Socket client = new Socket();
                client.setReceiveBufferSize(4096);
                client.connect(new InetSocketAddress(export.getHost(), export.getPort()));
                client.getOutputStream().write(("GET /export/people.csv HTTP/1.1\r\nHost: localhost\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] head = client.getInputStream().readNBytes(12);
                assertEquals("HTTP/1.1 200", new String(head, StandardCharsets.US_ASCII), "the slow export started");
                slow.add(client);
            }
            Thread.sleep(5_000);
            int fifth = given().when().get("/export/people.csv").statusCode();
            assertEquals(429, fifth, "a fifth export is refused while four slow clients hold the slots");

            long gone = System.nanoTime();
            for (Socket client : slow) {
                client.close();
            }
            double freed = awaitExport(gone);
            traffic.stop();
            Traffic.Stored stored;
            try (Connection direct = FaultyPostgres.current().directConnection()) {
                stored = traffic.stored(direct);
            }
            numbers.putAll(traffic.numbers(stored));
            numbers.put("slowClients", slow.size());
            numbers.put("fifthExportStatus", fifth);
            numbers.put("exportSlotsFreeAfterSeconds", round(freed));
            FaultRecord.write("slow-clients", numbers);

            assertEquals(Map.of(), traffic.failuresByCode(), "nobody else was refused: " + numbers);
            assertEquals(0, stored.lost(), "acknowledged writes lost: " + numbers);
            assertEquals(0, stored.duplicated(), "writes stored twice: " + numbers);
            assertTrue(freed <= 5, "the slots are free soon after the slow clients leave: " + numbers);
        } finally {
            traffic.stop();
            for (Socket client : slow) {
                client.close();
            }
        }
    }

    /** Seconds from {@code since} until an export is answered whole again. */
    private static double awaitExport(long since) throws InterruptedException {
        long deadline = since + Duration.ofSeconds(30).toNanos();
        while (given().when().get("/export/people.csv").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the export slots were not freed within 30 s");
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - since) / 1e9;
    }

    /**
     * Runs traffic for 2 s, causes the fault, keeps it for {@code seconds}, ends it, and measures
     * how the service came through.
     */
    private void run(String scenario, int seconds, Runnable cause, Runnable end) throws Exception {
        Traffic traffic = new Traffic(graphql.toURI(), scenario, WRITERS, CLIENTS - WRITERS, Duration.ofSeconds(30));
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
            numbers.putAll(traffic.numbers(stored));
            numbers.put("faultSeconds", seconds);
            numbers.put("slowestRefusedWriteSeconds", round(traffic.slowestFailedWriteSeconds()));
            numbers.put("slowestRefusedReadSeconds", round(traffic.slowestFailedReadSeconds()));
            numbers.put("refusalsThatWaitedOver1s", traffic.failuresSlowerThan(WAITED_SECONDS));
            numbers.put("firstWriteAfterSeconds", round(healed));
            numbers.put("readyAfterSeconds", round(ready));
            FaultRecord.write(scenario, numbers);

            assertEquals(0, stored.lost(), "acknowledged writes lost: " + numbers);
            assertEquals(0, stored.duplicated(), "writes stored twice: " + numbers);
            // A write whose COMMIT lost its connection may have committed: COMMIT_UNKNOWN, not UNAVAILABLE.
            traffic.failuresByCode().keySet().forEach(code -> assertTrue(Set.of("UNAVAILABLE", "COMMIT_UNKNOWN").contains(code),
                    "every refusal while the database is away is UNAVAILABLE or COMMIT_UNKNOWN: " + numbers));
            // No pile-up: only the requests in flight when the fault began (at most one or two
            // per client) waited; everything after them was refused at once.
            assertTrue(traffic.failuresSlowerThan(WAITED_SECONDS) <= 2 * CLIENTS,
                    "only requests in flight at the fault's start waited: " + numbers);
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
