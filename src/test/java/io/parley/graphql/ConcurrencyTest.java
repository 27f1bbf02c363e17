package io.parley.graphql;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.post;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Many writers racing on one record: one wins per version, the rest get CONFLICT, nothing is lost. */
@QuarkusTest
class ConcurrencyTest {

    private static final int WRITERS = 16;
    private static final int ATTEMPTS_EACH = 150;
    private static final String UPDATE = """
            mutation($id: ID!, $input: TrackInput!, $v: Int) {
              updateTrack(id: $id, input: $input, expectedVersion: $v) { version summary } }""";

    @Test
    void everyAcknowledgedWriteIsStoredExactlyOnce() throws Exception {
        String name = Fixtures.unique("Contended track");
        String id = Fixtures.track(name);
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int attempt = 0; attempt < ATTEMPTS_EACH; attempt++) {
                    int version = data("query($id: ID!) { track(id: $id) { version } }", "id", id).getInt("track.version");
                    String summary = "writer " + writer + " attempt " + attempt;
                    JsonPath response = post(UPDATE, "id", id, "v", version,
                            "input", vars("name", name, "summary", summary));
                    List<Map<String, Map<String, Object>>> errors = response.getList("errors");
                    if (errors == null) {
                        assertEquals(version + 1, response.getInt("data.updateTrack.version"));
                        acknowledged.add(summary);
                    } else {
                        assertEquals("CONFLICT", errors.get(0).get("extensions").get("code"), response::prettify);
                        conflicts.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertEquals(WRITERS * ATTEMPTS_EACH, acknowledged.size() + conflicts.get());
        assertTrue(conflicts.get() > 0, "the writers did race");
        int finalVersion = data("query($id: ID!) { track(id: $id) { version } }", "id", id).getInt("track.version");
        assertEquals(acknowledged.size(), finalVersion, "one version per acknowledged write");

        JsonPath history = data("query($id: ID!) { history(id: $id) { action changes { field to } } }", "id", id);
        List<String> storedSummaries = new ArrayList<>();
        for (List<Map<String, String>> changes : history.<List<Map<String, String>>> getList("history.changes")) {
            changes.stream().filter(change -> "summary".equals(change.get("field")))
                    .forEach(change -> storedSummaries.add(change.get("to")));
        }
        Set<String> unique = new HashSet<>(storedSummaries);
        assertEquals(storedSummaries.size(), unique.size(), "no write stored twice");
        assertEquals(new HashSet<>(acknowledged), unique, "every acknowledged write, and only those, was stored");
    }
}
