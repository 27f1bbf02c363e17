package io.parley.draft;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.postAs;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.parley.common.Roles;
import io.parley.graphql.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * draftBundle and POST /drafts over HTTP against the demo data: who may draft, how bad input is
 * refused, and that a report Parley already holds is drafted as matches, never duplicates.
 */
@QuarkusTest
class DraftApiTest {

    static final String EDITOR = Tokens.withRoles(Roles.EDITOR);
    static final String DRAFT = """
            mutation($report: ReportInput!) { draftBundle(report: $report) {
              bundle tookMs
              proposals { ref collection label action matchedId confidence notes passages { ref start end text } } } }""";

    static Map<String, Object> report(String text, String publishedOn) {
        return Map.of("text", text, "publisher", "Test Wire", "title", "A report", "publishedOn", publishedOn);
    }

    static Map<String, Object> seed(int n) throws IOException {
        DraftAccuracyTest.Seed seed = DraftAccuracyTest.SEEDS.get(n - 1);
        return Map.of("text", DraftAccuracyTest.resource(seed.text()), "publisher", "Seed wire", "title", "Seed " + n,
                "url", "https://example.org/seed-" + n + "-" + System.nanoTime(), "publishedOn", seed.published().toString());
    }

    private static Map<String, Object> error(JsonPath response) {
        List<Map<String, Object>> errors = response.getList("errors");
        assertNotNull(errors, response::prettify);
        assertEquals(1, errors.size(), response::prettify);
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) errors.get(0).get("extensions");
        assertNull(response.get("data.draftBundle"), response::prettify);
        return extensions;
    }

    @Test
    void onlyEditorsDraft() {
        Map<String, Object> report = report("Putin met Witkoff in Moscow.", "2025-03-14");
        assertEquals("UNAUTHENTICATED", error(postAs(null, DRAFT, "report", report)).get("code"));
        assertEquals("FORBIDDEN", error(postAs(Tokens.withRoles(Roles.READER), DRAFT, "report", report)).get("code"));
        assertNull(postAs(EDITOR, DRAFT, "report", report).get("errors"));
    }

    @Test
    void badReportsAreRefusedAtTheirField() {
        Map<String, String> cases = Map.of(
                "  \n ", "report.text",
                "Putin met Witkoff \u0000\u0001\u0002 in Moscow.", "report.text");
        cases.forEach((text, field) -> {
            Map<String, Object> extensions = error(postAs(EDITOR, DRAFT, "report", report(text, "2025-03-14")));
            assertEquals("BAD_USER_INPUT", extensions.get("code"));
            assertEquals(field, extensions.get("field"));
        });
        Map<String, Object> future = error(postAs(EDITOR, DRAFT, "report", report("Putin met Witkoff.", "2999-01-01")));
        assertEquals("report.publishedOn", future.get("field"));
        Map<String, Object> french = new java.util.HashMap<>(report("Poutine a rencontré Witkoff.", "2025-03-14"));
        french.put("language", "fr");
        assertEquals("report.language", error(postAs(EDITOR, DRAFT, "report", french)).get("field"));
        String long_ = "Putin met Witkoff in Moscow. ".repeat(3_500);
        Map<String, Object> tooLong = error(postAs(EDITOR, DRAFT, "report", report(long_, "2025-03-14")));
        assertEquals("LIMIT_EXCEEDED", tooLong.get("code"));
        assertEquals("report.text", tooLong.get("field"));
    }

    @Test
    void fiveMegabytesAreRefusedBeforeAnythingRuns() {
        String huge = "x".repeat(5 * 1024 * 1024);
        Response graphql = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + EDITOR)
                .body(Map.of("query", DRAFT, "variables", Map.of("report", report(huge, "2025-03-14")))).post("/graphql");
        assertEquals(413, graphql.statusCode());
        Response drafts = given().contentType(ContentType.TEXT).header("Authorization", "Bearer " + EDITOR).body(huge)
                .post("/drafts?publisher=Wire&publishedOn=2025-03-14");
        assertEquals(413, drafts.statusCode());
        assertEquals("LIMIT_EXCEEDED", drafts.jsonPath().getString("errors[0].extensions.code"));
    }

    @Test
    void aReportParleyHoldsIsDraftedAsMatchesWithPassagesThatAreExactSpans() throws IOException {
        Map<String, Object> report = seed(1);
        JsonPath draft = data(DRAFT, "report", report);
        List<Map<String, Object>> proposals = draft.getList("draftBundle.proposals");
        String text = (String) report.get("text");
        for (Map<String, Object> proposal : proposals) {
            for (Map<String, Object> passage : castList(proposal.get("passages"))) {
                assertEquals(passage.get("text"), text.substring((Integer) passage.get("start"), (Integer) passage.get("end")),
                        () -> "a passage that is not the report's own characters: " + passage);
            }
            double confidence = ((Number) proposal.get("confidence")).doubleValue();
            assertTrue(confidence > 0 && confidence < 1, proposal::toString);
        }
        String putin = data("{ people(filter: {name: \"Vladimir Putin\"}) { nodes { id } } }").getString("people.nodes[0].id");
        String moscow = data("{ talks(first: 50) { nodes { id title } } }").getList("talks.nodes", Map.class)
                .stream().filter(t -> t.get("title").equals("Putin-Witkoff talks in Moscow")).map(t -> (String) t.get("id"))
                .findFirst().orElseThrow();
        Map<String, Object> putinProposal = proposals.stream().filter(p -> putin.equals(p.get("matchedId"))).findFirst().orElse(null);
        assertNotNull(putinProposal, "Putin is proposed as the stored Vladimir Putin: " + proposals);
        assertEquals("MATCH", putinProposal.get("action"));
        Map<String, Object> talk = proposals.stream().filter(p -> "talks".equals(p.get("collection"))
                && ((String) p.get("label")).contains("Putin")).findFirst().orElseThrow();
        assertEquals("MATCH", talk.get("action"), talk::toString);
        assertEquals(moscow, talk.get("matchedId"));
        for (String collection : List.of("people", "outcomes", "statements")) {
            List<Map<String, Object>> created = proposals.stream()
                    .filter(p -> collection.equals(p.get("collection")) && "CREATE".equals(p.get("action"))).toList();
            assertTrue(created.isEmpty(), () -> "the demo data holds every " + collection + " of the report, but drafting"
                    + " would create " + created);
        }
        assertFalse(draft.getString("draftBundle.bundle").isBlank());
    }

    @Test
    void aKnownPersonInAnotherSpellingIsProposedAsTheStoredOneWithTheSpellingAdded() throws IOException {
        String text = "US envoy Steven Witkoff met Kirill Dmitryev in Riyadh on Tuesday. Kremlin spokesman Dmitry Peskow"
                + " said the talks were useful. Michael Waltz also attended, and so did Marc Fogle. Vitkoff flew home.";
        JsonPath draft = data(DRAFT, "report", report(text, "2025-03-14"));
        List<Map<String, Object>> people = draft.<Map<String, Object>> getList("draftBundle.proposals").stream()
                .filter(p -> "people".equals(p.get("collection"))).toList();
        Map<String, String> spellings = Map.of("Steve Witkoff", "", "Kirill Dmitriev", "Kirill Dmitryev",
                "Dmitry Peskov", "Dmitry Peskow", "Mike Waltz", "", "Marc Fogel", "Marc Fogle");
        assertEquals(spellings.size(), people.size(), people::toString);
        JsonPath bundle = JsonPath.from(draft.getString("draftBundle.bundle"));
        spellings.forEach((stored, spelling) -> {
            String id = data("query($n: String) { people(filter: {name: $n}) { nodes { id name } } }", "n", stored)
                    .getString("people.nodes.find { it.name == '" + stored + "' }.id");
            Map<String, Object> proposal = people.stream().filter(p -> id.equals(p.get("matchedId"))).findFirst().orElse(null);
            assertNotNull(proposal, () -> stored + " is not proposed as the stored one: " + people);
            assertEquals("MATCH", proposal.get("action"));
            List<String> notes = castStrings(proposal.get("notes"));
            List<String> aliases = bundle.getList("people.find { it.ref == '" + proposal.get("ref") + "' }.aliases");
            if (spelling.isEmpty()) {
                assertTrue(notes.stream().noneMatch(n -> n.startsWith("another spelling")), notes::toString);
            } else {
                assertTrue(notes.contains("another spelling: " + spelling), notes::toString);
                assertTrue(aliases.contains(spelling), aliases::toString);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> castStrings(Object list) {
        return (List<String>) list;
    }

    @Test
    void draftsOverPostAsJsonOrPlainText() throws IOException {
        Map<String, Object> report = seed(2);
        JsonPath json = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + EDITOR).body(report)
                .post("/drafts").then().statusCode(200).extract().jsonPath();
        assertEquals("Seed wire", json.getString("bundle.sources[0].publisher"));
        assertFalse(json.getList("proposals").isEmpty());
        JsonPath plain = given().contentType(ContentType.TEXT).header("Authorization", "Bearer " + EDITOR)
                .body((String) report.get("text")).queryParam("publisher", "Plain wire").queryParam("publishedOn", "2025-04-11")
                .post("/drafts").then().statusCode(200).extract().jsonPath();
        assertEquals(json.getList("proposals").size(), plain.getList("proposals").size());
        given().contentType(ContentType.TEXT).body("Putin met Witkoff.").post("/drafts?publisher=W&publishedOn=2025-01-01")
                .then().statusCode(401);
        JsonPath noDate = given().contentType(ContentType.TEXT).header("Authorization", "Bearer " + EDITOR)
                .body("Putin met Witkoff.").post("/drafts?publisher=W&publishedOn=yesterday").then().statusCode(400)
                .extract().jsonPath();
        assertEquals("publishedOn", noDate.getString("errors[0].extensions.field"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + EDITOR).body("[1, 2]").post("/drafts")
                .then().statusCode(400);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object list) {
        return (List<Map<String, Object>>) list;
    }
}
