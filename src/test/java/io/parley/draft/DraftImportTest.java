package io.parley.draft;

import static io.parley.graphql.GraphQLClient.data;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * From text to records on an empty database: each seed report drafted (POST /drafts), its draft
 * imported unchanged (POST /import), and the API then holds the report's facts, each citing its
 * passage; drafting the same report again proposes only matches, and importing that creates
 * nothing; a later report that dates a stored release to the day makes it that precise.
 */
@QuarkusTest
@TestProfile(DraftImportTest.Empty.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DraftImportTest {

    public static class Empty implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.demo-data", "false");
        }
    }

    private static final Map<String, String> URLS = Map.of("1", "https://example.org/seed-1", "2", "https://example.org/seed-2");

    static JsonPath draft(Map<String, Object> report) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + DraftApiTest.EDITOR).body(report)
                .post("/drafts").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath importing(Object bundle) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + DraftApiTest.EDITOR).body(bundle)
                .post("/import").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> seed(int n) throws IOException {
        Map<String, Object> report = new java.util.HashMap<>(DraftApiTest.seed(n));
        report.put("url", URLS.get(String.valueOf(n)));
        return report;
    }

    @Test
    @Order(1)
    void theFirstReportDraftedAndImportedGivesBackItsFacts() throws IOException {
        Map<String, Object> report = seed(1);
        JsonPath draft = draft(report);
        JsonPath imported = importing(draft.getMap("bundle"));
        assertTrue(imported.getInt("created") > 10, imported::prettify);

        JsonPath talks = data("""
                { talks(first: 10) { nodes { title date datePrecision closedDoor status format
                    location { city countryCode geonamesId } participants { role person { name } }
                    citations { excerpt source { publisher url } } } } }""");
        List<Map<String, Object>> held = talks.getList("talks.nodes");
        Map<String, Object> moscow = held.stream().filter(t -> ((String) t.get("title")).contains("Moscow")).findFirst().orElseThrow();
        assertEquals("2025-03-13", moscow.get("date"));
        assertEquals("DAY", moscow.get("datePrecision"));
        assertEquals(true, moscow.get("closedDoor"));
        assertEquals("HELD", moscow.get("status"));
        assertEquals(524901, ((Map<?, ?>) moscow.get("location")).get("geonamesId"));
        assertEquals(List.of("Vladimir Putin:HOST", "Steve Witkoff:VISITOR"), ((List<?>) moscow.get("participants")).stream()
                .map(p -> ((Map<?, ?>) ((Map<?, ?>) p).get("person")).get("name") + ":" + ((Map<?, ?>) p).get("role")).toList());
        String text = (String) report.get("text");
        for (Object citation : (List<?>) moscow.get("citations")) {
            String excerpt = (String) ((Map<?, ?>) citation).get("excerpt");
            assertTrue(text.contains(excerpt), () -> "a citation that is not a passage of the report: " + excerpt);
        }

        JsonPath statements = data("{ statements(first: 50) { nodes { quote verbatim speaker { name } } } }");
        List<Map<String, Object>> said = statements.getList("statements.nodes");
        assertTrue(said.stream().anyMatch(s -> "There is certainly reason for cautious optimism.".equals(s.get("quote"))
                && Boolean.TRUE.equals(s.get("verbatim")) && "Dmitry Peskov".equals(((Map<?, ?>) s.get("speaker")).get("name"))), said::toString);
        assertEquals(7, said.size(), said::toString);
        assertEquals(4, data("{ outcomes { totalCount } }").getInt("outcomes.totalCount"));
        assertEquals(5, data("{ people { totalCount } }").getInt("people.totalCount"));
    }

    @Test
    @Order(2)
    void draftingTheSameReportAgainProposesMatchesAndImportingCreatesNothing() throws IOException {
        JsonPath draft = draft(seed(1));
        List<Map<String, Object>> created = draft.<Map<String, Object>> getList("proposals").stream()
                .filter(p -> "CREATE".equals(p.get("action"))).toList();
        assertEquals(List.of(), created);
        JsonPath imported = importing(draft.getMap("bundle"));
        assertEquals(0, imported.getInt("created"), imported::prettify);
        assertEquals(5, data("{ people { totalCount } }").getInt("people.totalCount"));
    }

    @Test
    @Order(3)
    void theSecondReportLinksToThePeopleAlreadyHeld() throws IOException {
        JsonPath draft = draft(seed(2));
        for (String name : List.of("Steve Witkoff", "Vladimir Putin", "Donald Trump", "Dmitry Peskov")) {
            assertTrue(draft.<Map<String, Object>> getList("proposals").stream().anyMatch(p -> "people".equals(p.get("collection"))
                    && "MATCH".equals(p.get("action")) && ((String) p.get("label")).startsWith(name)), name);
        }
        importing(draft.getMap("bundle"));
        // Everyone either report names, each once: the demo files' people together.
        java.util.Set<String> expected = new java.util.TreeSet<>();
        for (String file : List.of("demo/report-1.json", "demo/report-2.json")) {
            JsonPath.from(DraftAccuracyTest.resource(file)).<String> getList("people.name").forEach(expected::add);
        }
        List<String> people = data("{ people(first: 50) { nodes { name } } }").getList("people.nodes.name");
        assertEquals(List.copyOf(expected), people.stream().sorted().toList());
    }

    @Test
    @Order(4)
    void aLaterReportDatingAStoredReleaseToTheDayMakesItThatPrecise() {
        Map<String, Object> report = Map.of("text",
                "Hamas freed 33 hostages on January 19, 2025, under the deal that Steve Witkoff helped seal.",
                "publisher", "Later wire", "publishedOn", "2025-01-20");
        JsonPath draft = draft(report);
        Map<String, Object> release = draft.<Map<String, Object>> getList("proposals").stream()
                .filter(p -> "outcomes".equals(p.get("collection")) && ((String) p.get("label")).contains("HOSTAGE_RELEASE"))
                .findFirst().orElseThrow();
        assertEquals("MATCH", release.get("action"), release::toString);
        assertTrue(((List<?>) release.get("notes")).stream().anyMatch(n -> ((String) n).startsWith("a more precise date")),
                release::toString);
        importing(draft.getMap("bundle"));
        JsonPath outcome = data("{ outcomes(filter: {kinds: [HOSTAGE_RELEASE]}) { nodes { date datePrecision citations { excerpt } } } }");
        assertEquals("2025-01-19", outcome.getString("outcomes.nodes[0].date"));
        assertEquals("DAY", outcome.getString("outcomes.nodes[0].datePrecision"));
        assertEquals(1, outcome.getList("outcomes.nodes").size());
    }
}
