package io.parley.bundle;

import static io.parley.graphql.GraphQLClient.data;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.parley.graphql.GraphQLClient;
import io.parley.common.Roles;
import io.parley.graphql.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class BundleImportTest {

    private static final String EDITOR = Tokens.withRoles(Roles.EDITOR);

    /** A small bundle; {@code tag} makes its names unique to one test. */
    static String bundle(String tag, String talkTitle) {
        return """
                {"sources": [{"ref": "s", "publisher": "Wire %1$s", "title": "Report %1$s",
                              "passages": [{"ref": "p", "text": "They met in Geneva."}]}],
                 "people": [{"ref": "a", "name": "Alice %1$s"}, {"ref": "b", "name": "Bob %1$s"}],
                 "tracks": [{"ref": "t", "name": "Track %1$s"}],
                 "talks": [{"ref": "k", "title": "%2$s", "trackId": "t", "date": "2025-03-01", "datePrecision": "MONTH",
                            "location": {"name": "Geneva", "countryCode": "CH", "geonamesId": 2660646},
                            "participants": [{"personId": "a", "role": "HOST"}, {"personId": "b", "role": "VISITOR"}],
                            "citations": [{"sourceId": "s", "passage": "p"}]}]}
                """.formatted(tag, talkTitle);
    }

    static Response importing(String token, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.when().post("/import");
    }

    private static int people(String name) {
        return data("query($n: String) { people(filter: {name: $n}) { totalCount } }", "n", name)
                .getInt("people.totalCount");
    }

    @Test
    void importsOnceAndMatchesOnTheSecondImportWithoutNewRevisions() {
        String bundle = bundle("once", "Geneva talks once");
        JsonPath first = importing(EDITOR, bundle).then().statusCode(200).extract().jsonPath();
        assertEquals(5, first.getInt("created"));
        String talk = first.getString("records.find { it.ref == 'k' }.id");
        assertEquals("Talk", first.getString("records.find { it.ref == 'k' }.type"));
        JsonPath stored = data("query($id: ID!) { talk(id: $id) { title datePrecision location { geonamesId }"
                + " participants { person { name } } citations { excerpt source { publisher } } } }", "id", talk);
        assertEquals(List.of("Alice once", "Bob once"), stored.getList("talk.participants.person.name"));
        assertEquals("They met in Geneva.", stored.getString("talk.citations[0].excerpt"));
        assertEquals(2660646, stored.getInt("talk.location.geonamesId"));

        JsonPath second = importing(EDITOR, bundle).then().statusCode(200).extract().jsonPath();
        assertEquals(0, second.getInt("created"));
        assertEquals(5, second.getInt("matched"));
        assertEquals(0, second.getInt("updated"));
        assertEquals(talk, second.getString("records.find { it.ref == 'k' }.id"));
        JsonPath history = data("query($id: ID!) { history(id: $id) { action } talk(id: $id) { version } }", "id", talk);
        assertEquals(1, history.getList("history").size());
        assertEquals(0, history.getInt("talk.version"));
        assertEquals(1, people("Alice once"));

        JsonPath changed = importing(EDITOR, bundle.replace("\"MONTH\"", "\"DAY\"")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, changed.getInt("updated"));
        assertEquals("UPDATED", changed.getString("records.find { it.ref == 'k' }.action"));
    }

    @Test
    void refusesABrokenBundleWithEveryProblemAtItsPathAndWritesNothing() {
        String broken = """
                {"people": [{"ref": "a", "name": "Carol broken"}, {"ref": "a", "name": "Dan broken"}],
                 "talks": [{"ref": "k", "title": "Broken talk", "date": "2025-13-01",
                            "participants": [{"personId": "nobody", "role": "HOST"}, {"personId": "a"}]},
                           {"ref": "k2", "title": "Other broken talk", "date": "2025-03-01", "colour": "red",
                            "participants": [{"personId": "a", "role": "GUEST"}]}]}
                """;
        JsonPath answer = importing(EDITOR, broken).then().statusCode(400).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", answer.getString("errors[0].extensions.code"));
        List<String> paths = answer.getList("errors[0].extensions.problems.path");
        assertTrue(paths.containsAll(List.of("$.talks[0].date", "$.talks[0].participants[1].role",
                "$.talks[1].colour", "$.talks[1].participants[0].role")), paths::toString);
        assertEquals(0, people("Carol broken"));

        // Schema-valid but with bad references: every one is listed too.
        String badRefs = broken.replace("2025-13-01", "2025-01-01").replace("{\"personId\": \"a\"}",
                "{\"personId\": \"a\", \"role\": \"HOST\"}").replace(", \"colour\": \"red\"", "").replace("GUEST", "HOST");
        List<String> refPaths = importing(EDITOR, badRefs).then().statusCode(400).extract().jsonPath()
                .getList("errors[0].extensions.problems.path");
        assertEquals(List.of("$.people[1].ref", "$.talks[0].participants[0].personId"), refPaths);
        assertEquals(0, people("Carol broken"));

        // A rule only the feature's service knows (an assigned ISO country code) is reported at
        // the record's path, and what was written before it is rolled back.
        String unassigned = bundle("rules", "Rules talk").replace("\"name\": \"Bob rules\"",
                "\"name\": \"Bob rules\", \"countryCode\": \"XX\"");
        JsonPath refused = importing(EDITOR, unassigned).then().statusCode(400).extract().jsonPath();
        assertEquals(List.of("$.people[1].countryCode"), refused.getList("errors[0].extensions.problems.path"));
        assertEquals(0, people("Alice rules"));
    }

    @Test
    void theMutationImportsTooAndNeedsTheEditorRole() {
        String mutation = "mutation($b: String!) { importBundle(bundle: $b) { created records { ref type action } } }";
        JsonPath imported = data(mutation, "b", bundle("mutation", "Mutation talk"));
        assertEquals(5, imported.getInt("importBundle.created"));
        Map<String, Object> refused = GraphQLClient.postAs(null, mutation, "b", bundle("anon", "Anon talk"))
                .getMap("errors[0].extensions");
        assertEquals("UNAUTHENTICATED", refused.get("code"));
        importing(null, bundle("anon", "Anon talk")).then().statusCode(401);
        importing(Tokens.withRoles(Roles.READER), bundle("anon", "Anon talk")).then().statusCode(403);
        JsonPath bad = GraphQLClient.post(mutation, "b", "{\"talks\": [{}]}");
        assertEquals("BAD_USER_INPUT", bad.getString("errors[0].extensions.code"), bad::prettify);
        assertTrue(bad.getList("errors[0].extensions.problems") != null, bad::prettify);
        assertTrue(bad.getList("errors[0].extensions.problems.path").contains("$.talks[0].ref"), bad::prettify);
        assertEquals(0, people("Alice anon"));
    }

    @Test
    void concurrentOverlappingImportsCreateNoDuplicates() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                // The same people, track and source in every bundle; a talk of its own in each.
                String body = bundle("parallel", "Parallel talk " + (i % 3));
                statuses.add(pool.submit(() -> importing(EDITOR, body).statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, people("Alice parallel"));
        assertEquals(1, people("Bob parallel"));
        assertEquals(1, data("{ tracks(first: 100) { nodes { name } } }").getList("tracks.nodes.name").stream()
                .filter("Track parallel"::equals).count());
        assertEquals(3, data("{ talks(first: 100, filter: {text: \"Parallel talk\"}) { totalCount } }")
                .getInt("talks.totalCount"));
    }

    @Test
    void bundlesOverTheGraphQLBodyLimitReachTheImporter() {
        String padding = "x".repeat(300 * 1024);
        String big = bundle("big", "Big talk").replace("\"They met in Geneva.\"", "\"" + padding + "\"");
        // Over the GraphQL body limit (256K) but within the import limit: it gets to the importer.
        JsonPath answer = importing(EDITOR, big).then().statusCode(400).extract().jsonPath();
        assertTrue(answer.getList("errors[0].extensions.problems.path").contains("$.sources[0].passages[0].text"));
    }

    @Test
    void theSchemaIsServedAndDocsHoldTheSameFile() throws Exception {
        String served = given().when().get("/import/schema.json").then().statusCode(200).extract().asString();
        assertEquals(Files.readString(Path.of("docs/bundle.schema.json")), served);
        assertEquals(Files.readString(Path.of("src/main/resources/bundle/bundle.schema.json")), served);
    }
}
