package io.parley.idempotency;

import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.parley.graphql.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The connection to PostgreSQL breaks exactly while a keyed write's COMMIT is under way, for
 * real (a TCP proxy cuts it, {@link CommitCuttingPostgres}): Parley answers COMMIT_UNKNOWN, and
 * the retry with the same key returns the write's first answer if it was committed, or writes it
 * then, once.
 */
@QuarkusTest
@TestProfile(UnknownCommitTest.CommitsCut.class)
class UnknownCommitTest {

    public static class CommitsCut implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CommitCuttingPostgres.class));
        }
    }

    @Test
    void aCommitCutAfterPostgresCommittedIsReplayedByTheRetry() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = Fixtures.unique("Committed, answer lost");
        CommitCuttingPostgres.arm(CommitCuttingPostgres.Cut.AFTER_COMMIT);
        JsonPath unknown = unknownOutcome(key, name);
        assertEquals(1, RetrySafeWritesTest.people(name), "PostgreSQL did commit");

        Response retried = retry(key, name);
        assertEquals("true", retried.getHeader("Idempotent-Replayed"), retried::asString);
        assertEquals(name, retried.jsonPath().getString("data.createPerson.name"));
        assertEquals(1, RetrySafeWritesTest.people(name), "the retry did not write again");
        assertTrue(unknown.getString("errors[0].message").contains("same idempotency key"), unknown::prettify);
    }

    @Test
    void aCommitCutBeforePostgresReceivedItIsWrittenOnceByTheRetry() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = Fixtures.unique("Never committed");
        CommitCuttingPostgres.arm(CommitCuttingPostgres.Cut.BEFORE_COMMIT);
        unknownOutcome(key, name);
        assertEquals(0, RetrySafeWritesTest.people(name), "PostgreSQL rolled back");

        Response retried = retry(key, name);
        assertNull(retried.getHeader("Idempotent-Replayed"), retried::asString);
        assertEquals(name, retried.jsonPath().getString("data.createPerson.name"));
        assertEquals(1, RetrySafeWritesTest.people(name));
        Response again = retry(key, name);
        assertEquals("true", again.getHeader("Idempotent-Replayed"));
        assertEquals(1, RetrySafeWritesTest.people(name));
    }

    @Test
    void aWriteWithoutAKeyWhoseCommitIsCutIsUnknownToo() throws Exception {
        // Without a key there is nothing to retry with, but the client is still told the truth:
        // the write may have been made (here it was).
        String name = Fixtures.unique("Unkeyed, answer lost");
        CommitCuttingPostgres.arm(CommitCuttingPostgres.Cut.AFTER_COMMIT, "insert into person");
        Response answer = RetrySafeWritesTest.send(RetrySafeWritesTest.EDITOR, null,
                "application/graphql-response+json", RetrySafeWritesTest.CREATE, vars("i", vars("name", name)));
        assertTrue(CommitCuttingPostgres.fired(), "the proxy cut the COMMIT");
        assertEquals("COMMIT_UNKNOWN", answer.jsonPath().getString("errors[0].extensions.code"), answer::asString);
        assertEquals(1, RetrySafeWritesTest.people(name));
    }

    @Test
    void aConnectionLostBeforeCommittingIsUnavailable() throws Exception {
        // The connection breaks before COMMIT is sent (at the statement keeping the key): the
        // write surely was not made, and the client is told UNAVAILABLE, not COMMIT_UNKNOWN.
        String key = UUID.randomUUID().toString();
        String name = Fixtures.unique("Cut before committing");
        CommitCuttingPostgres.armAtStatement(CommitCuttingPostgres.KEEPING);
        JsonPath body = RetrySafeWritesTest.send(RetrySafeWritesTest.EDITOR, key, "application/json",
                RetrySafeWritesTest.CREATE, vars("i", vars("name", name))).jsonPath();
        assertTrue(CommitCuttingPostgres.fired(), "the proxy cut the connection");
        assertEquals("UNAVAILABLE", body.getString("errors[0].extensions.code"), body::prettify);
        assertEquals(0, RetrySafeWritesTest.people(name));
        Response retried = retry(key, name);
        assertNull(retried.getHeader("Idempotent-Replayed"));
        assertEquals(1, RetrySafeWritesTest.people(name));
    }

    /** The keyed write whose COMMIT is cut: COMMIT_UNKNOWN, HTTP 503 in graphql-response+json. */
    private static JsonPath unknownOutcome(String key, String name) {
        Response answer = RetrySafeWritesTest.send(RetrySafeWritesTest.EDITOR, key, "application/graphql-response+json",
                RetrySafeWritesTest.CREATE, vars("i", vars("name", name)));
        assertTrue(CommitCuttingPostgres.fired(), "the proxy cut the COMMIT");
        JsonPath body = answer.jsonPath();
        assertEquals("COMMIT_UNKNOWN", body.getString("errors[0].extensions.code"), body::prettify);
        assertEquals(503, answer.statusCode());
        return body;
    }

    /**
     * Sends the write again with its key until it is answered: right after the cut, PostgreSQL
     * may still be ending the broken connection's session and holding the key's lock (CONFLICT,
     * still running) or the pool may hand out a connection that is being replaced (UNAVAILABLE).
     */
    private static Response retry(String key, String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Response answer = RetrySafeWritesTest.create(key, name);
            String code = answer.jsonPath().getString("errors[0].extensions.code");
            if (code == null) {
                return answer;
            }
            if (!List.of("CONFLICT", "UNAVAILABLE").contains(code) || System.nanoTime() > deadline) {
                throw new AssertionError("the retry was not answered: " + answer.asString());
            }
            Thread.sleep(100);
        }
    }
}
