package io.parley.export;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.parley.graphql.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Exports read back with real parsers and held to what the GraphQL API answers for the same records. */
@QuarkusTest
class ExportApiTest {

    private static final String TALKS = """
            query($filter: TalkFilter, $after: String) { talks(filter: $filter, first: 100, after: $after) {
              pageInfo { hasNextPage endCursor }
              nodes { id version title date datePrecision status format closedDoor summary
                      participants { role person { id name wikidataId } }
                      location { name city countryCode latitude longitude } track { id name }
                      citations { excerpt source { id publisher title url } } } } }""";

    @Test
    void talkRowsCarryWhatGraphQLAnswers() throws IOException {
        String witkoff = data("{ people(filter: {name: \"Witkoff\"}) { nodes { id } } }").getString("people.nodes[0].id");
        List<CSVRecord> rows = csv("/export/talks.csv?participantIds=" + witkoff + "&statuses=HELD");
        List<Map<String, Object>> talks = all(TALKS, "talks",
                vars("participantIds", List.of(witkoff), "statuses", List.of("HELD")));
        assertTrue(talks.size() >= 2, "the demo data has Witkoff's held talks");
        assertEquals(talks.size(), rows.size());
        for (int i = 0; i < talks.size(); i++) {
            Map<String, Object> talk = talks.get(i);
            CSVRecord row = rows.get(i);
            assertEquals(talk.get("id"), row.get("id"));
            assertEquals(String.valueOf(talk.get("version")), row.get("version"));
            assertEquals(talk.get("title"), row.get("title"));
            assertEquals(talk.get("date"), row.get("date"));
            assertEquals(talk.get("datePrecision"), row.get("date_precision"));
            assertEquals(talk.get("format"), row.get("format"));
            assertEquals(String.valueOf(talk.get("closedDoor")), row.get("closed_door"));
            assertEquals(orEmpty(talk.get("summary")), row.get("summary"));
            List<Map<String, Object>> participants = list(talk.get("participants"));
            assertEquals(joined(participants, p -> name(p) + " (" + p.get("role") + ")"), row.get("participants"));
            assertEquals(joined(participants, p -> (String) person(p).get("id")), row.get("participant_ids"));
            assertEquals(joined(participants, p -> orEmpty(person(p).get("wikidataId"))),
                    row.get("participant_wikidata_ids"));
            Map<String, Object> location = map(talk.get("location"));
            assertEquals(location == null ? "" : location.get("name"), row.get("location_name"));
            assertEquals(location == null ? "" : orEmpty(location.get("countryCode")), row.get("location_country_code"));
            if (location != null && location.get("latitude") != null) {
                assertEquals(((Number) location.get("latitude")).doubleValue(),
                        Double.parseDouble(row.get("location_latitude")), 1e-5);
            }
            List<Map<String, Object>> citations = list(talk.get("citations"));
            assertEquals(joined(citations, c -> (String) map(c.get("source")).get("id")), row.get("source_ids"));
            assertEquals(joined(citations, c -> map(c.get("source")).get("publisher")
                    + (map(c.get("source")).get("title") == null ? "" : ": " + map(c.get("source")).get("title"))),
                    row.get("sources"));
            assertEquals(joined(citations, c -> orEmpty(c.get("excerpt"))), row.get("passages"));
        }
    }

    @Test
    void everyRecordTypeListsWhatItsGraphQLListLists() throws IOException {
        Map<String, String[]> filters = Map.of(
                "talks", new String[] { "statuses=HELD,PLANNED", "filter: {statuses: [HELD, PLANNED]}" },
                "people", new String[] { "countryCode=RU", "filter: {countryCode: \"RU\"}" },
                "outcomes", new String[] { "kinds=HOSTAGE_RELEASE&kinds=CEASEFIRE",
                        "filter: {kinds: [HOSTAGE_RELEASE, CEASEFIRE]}" },
                "statements", new String[] { "tones=NEUTRAL", "filter: {tones: [NEUTRAL]}" },
                "envoys", new String[] { "represents=US", "filter: {represents: \"US\"}" },
                "trips", new String[] { "", "" }, "tracks", new String[] { "", "" }, "sources", new String[] { "", "" });
        filters.forEach((type, filter) -> {
            List<String> expected = new ArrayList<>();
            String after = null;
            JsonPath page;
            do {
                page = data("query($after: String) { " + type + "(first: 100, after: $after" + (filter[1].isEmpty()
                        ? "" : ", " + filter[1]) + ") { pageInfo { hasNextPage endCursor } nodes { id } } }",
                        "after", after).setRootPath(type);
                expected.addAll(page.getList("nodes.id"));
                after = page.getString("pageInfo.endCursor");
            } while (page.getBoolean("pageInfo.hasNextPage"));
            try {
                List<CSVRecord> rows = csv("/export/" + type + ".csv" + (filter[0].isEmpty() ? "" : "?" + filter[0]));
                assertFalse(expected.isEmpty(), type);
                assertEquals(expected, rows.stream().map(r -> r.get("id")).toList(), type);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void csvIsRfc4180Utf8AndDisarmsSpreadsheetFormulas() throws IOException {
        String track = Fixtures.track(Fixtures.unique("Export quoting"));
        String host = data("mutation($input: PersonInput!) { createPerson(input: $input) { id } }", "input",
                vars("name", "Zoë Łukasz-Müller, \"Z\" " + UUID.randomUUID().toString().substring(0, 4)))
                .getString("createPerson.id");
        String title = "=HYPERLINK(\"https://example.org\",\"x\") talks, \"quoted\"";
        String summary = "line one\r\nline two, with a comma; and ü";
        data("mutation($input: TalkInput!) { recordTalk(input: $input) { id } }", "input", vars("title", title,
                "date", "2024-02-02", "trackId", track, "summary", summary,
                "location", vars("name", "Sydney", "countryCode", "AU", "latitude", -33.8688, "longitude", 151.2093),
                "participants", List.of(vars("personId", host, "role", "HOST"))));
        String body = text("/export/talks.csv?trackIds=" + track);
        assertTrue(body.startsWith("id,version,title,date,"), body);
        assertTrue(body.endsWith("\r\n") && body.contains("\"'=HYPERLINK(\"\"https://example.org\"\",\"\"x\"\") talks,"
                + " \"\"quoted\"\"\""), body);
        List<CSVRecord> rows = parse(body);
        assertEquals(1, rows.size());
        CSVRecord row = rows.get(0);
        assertEquals("'" + title, row.get("title"), "a formula is prefixed with a quote");
        assertEquals(summary, row.get("summary"));
        assertTrue(row.get("participants").startsWith("Zoë Łukasz-Müller, \"Z\" "), row.get("participants"));
        assertEquals("-33.8688", row.get("location_latitude"), "numbers are not taken for formulas");
    }

    @Test
    void eventsArePloverShapedAndMatchTheRecords() {
        String track = Fixtures.track(Fixtures.unique("Export events"));
        String wikidata = "Q" + (900_000_000L + (long) (Math.random() * 90_000_000L));
        String visitor = data("mutation($input: PersonInput!) { createPerson(input: $input) { id } }", "input",
                vars("name", Fixtures.unique("Visiting envoy"), "countryCode", "US", "wikidataId", wikidata))
                .getString("createPerson.id");
        String host = data("mutation($input: PersonInput!) { createPerson(input: $input) { id } }", "input",
                vars("name", Fixtures.unique("Host"), "countryCode", "RU")).getString("createPerson.id");
        String source = data("mutation($input: SourceInput!) { addSource(input: $input) { id } }", "input",
                vars("publisher", "TASS", "title", "Talks held", "url", "https://tass.com/x", "language", "en"))
                .getString("addSource.id");
        String talk = "mutation($input: TalkInput!) { recordTalk(input: $input) { id } }";
        String visit = data(talk, "input", vars("title", "Visit to Moscow", "date", "2025-03-13", "trackId", track,
                "location", vars("name", "Kremlin", "city", "Moscow", "countryCode", "RU"),
                "participants", List.of(vars("personId", visitor, "role", "VISITOR"), vars("personId", host, "role", "HOST")),
                "citations", List.of(vars("sourceId", source, "excerpt", "They met in the Kremlin.")))).getString("recordTalk.id");
        String call = data(talk, "input", vars("title", "Phone call", "date", LocalDate.now().plusDays(30).toString(),
                "trackId", track, "format", "PHONE", "participants",
                List.of(vars("personId", visitor, "role", "PARTICIPANT"), vars("personId", host, "role", "PARTICIPANT"))))
                .getString("recordTalk.id");
        data(talk, "input", vars("title", "Cancelled", "date", "2025-03-20", "trackId", track, "status", "CANCELLED",
                "participants", List.of(vars("personId", visitor, "role", "PARTICIPANT"))));
        String outcome = "mutation($input: OutcomeInput!) { recordOutcome(input: $input) { id } }";
        String release = data(outcome, "input", vars("kind", "HOSTAGE_RELEASE", "status", "IMPLEMENTED", "title",
                "Hostage freed", "date", "2025-03-14", "trackId", track, "creditedToIds", List.of(visitor),
                "beneficiaryIds", List.of(host), "talkIds", List.of(visit),
                "figures", List.of(vars("label", "hostages", "value", 1)))).getString("recordOutcome.id");
        String ceasefire = data(outcome, "input", vars("kind", "CEASEFIRE", "status", "AGREED", "title", "Truce",
                "date", "2025-01-01", "datePrecision", "MONTH", "trackId", track)).getString("recordOutcome.id");
        data(outcome, "input", vars("kind", "OTHER", "title", "Other", "date", "2025-03-15", "trackId", track));
        data(outcome, "input", vars("kind", "AGREEMENT", "title", "Undated", "trackId", track));

        Map<String, JsonObject> events = new HashMap<>();
        for (String line : text("/export/events.jsonl?trackIds=" + track).split("\n")) {
            JsonObject event = new JsonObject(line);
            events.put(event.getString("event_id"), event);
        }
        assertEquals(java.util.Set.of(visit, call, release, ceasefire), events.keySet(),
                "cancelled talks, OTHER and undated outcomes are no PLOVER events");

        JsonPath talks = data("query($f: TalkFilter) { talks(filter: $f) { nodes { id date datePrecision"
                + " participants { role person { name wikidataId countryCode } } location { name countryCode }"
                + " citations { excerpt source { publisher url } } } } }", "f", vars("trackIds", List.of(track)));
        Map<String, Object> visitTalk = talks.getList("talks.nodes", Map.class).stream()
                .filter(t -> visit.equals(t.get("id"))).findFirst().orElseThrow();
        JsonObject visitEvent = events.get(visit);
        assertEquals("CONSULT", visitEvent.getString("event_type"));
        assertEquals(new JsonArray().add("visit"), visitEvent.getJsonArray("event_mode"));
        assertEquals(visitTalk.get("date"), visitEvent.getString("event_date"));
        assertEquals(visitTalk.get("datePrecision"), visitEvent.getString("date_precision"));
        List<Map<String, Object>> participants = list(visitTalk.get("participants"));
        Map<String, Object> visiting = person(participants.stream().filter(p -> "VISITOR".equals(p.get("role")))
                .findFirst().orElseThrow());
        Map<String, Object> hosting = person(participants.stream().filter(p -> "HOST".equals(p.get("role")))
                .findFirst().orElseThrow());
        JsonObject actor = visitEvent.getJsonArray("actor").getJsonObject(0);
        assertEquals(1, visitEvent.getJsonArray("actor").size());
        assertEquals(visiting.get("name"), actor.getString("actor_text"));
        assertEquals(visiting.get("wikidataId"), actor.getString("identifier_id"));
        assertEquals("USA", actor.getString("code"));
        assertEquals(hosting.get("name"), visitEvent.getJsonArray("recipient").getJsonObject(0).getString("actor_text"));
        assertNull(visitEvent.getJsonArray("recipient").getJsonObject(0).getString("identifier_id"));
        assertEquals(new JsonArray().add("USA"), visitEvent.getJsonArray("actor_country"));
        assertEquals(new JsonArray().add("RUS"), visitEvent.getJsonArray("recipient_country"));
        assertEquals(map(visitTalk.get("location")).get("name"), visitEvent.getJsonObject("event_loc").getString("name"));
        assertEquals("RUS", visitEvent.getJsonObject("event_loc").getString("cc3"));
        Map<String, Object> citation = list(visitTalk.get("citations")).get(0);
        JsonObject cite = visitEvent.getJsonArray("cite_info").getJsonObject(0);
        assertEquals(map(citation.get("source")).get("publisher"), cite.getString("publication"));
        assertEquals(map(citation.get("source")).get("url"), cite.getString("url"));
        assertEquals(citation.get("excerpt"), cite.getString("passage"));

        JsonObject callEvent = events.get(call);
        assertEquals(new JsonArray().add("phone"), callEvent.getJsonArray("event_mode"));
        assertEquals(new JsonArray().add("future"), callEvent.getJsonArray("event_context"));
        assertEquals(2, callEvent.getJsonArray("actor").size());
        assertEquals(0, callEvent.getJsonArray("recipient").size());

        JsonPath outcomes = data("query($f: OutcomeFilter) { outcomes(filter: $f) { nodes { id date datePrecision"
                + " creditedTo { name } beneficiaries { name } figures { label value } } } }",
                "f", vars("trackIds", List.of(track)));
        Map<String, Object> released = outcomes.getList("outcomes.nodes", Map.class).stream()
                .filter(o -> release.equals(o.get("id"))).findFirst().orElseThrow();
        JsonObject releaseEvent = events.get(release);
        assertEquals("RETREAT", releaseEvent.getString("event_type"));
        assertEquals(new JsonArray().add("release"), releaseEvent.getJsonArray("event_mode"));
        assertEquals(2, releaseEvent.getInteger("quad_code"));
        assertEquals(released.get("date"), releaseEvent.getString("event_date"));
        assertEquals(name(list(released.get("creditedTo")).get(0)),
                releaseEvent.getJsonArray("actor").getJsonObject(0).getString("actor_text"));
        assertEquals(name(list(released.get("beneficiaries")).get(0)),
                releaseEvent.getJsonArray("recipient").getJsonObject(0).getString("actor_text"));
        assertEquals(1, releaseEvent.getJsonArray("figures").getJsonObject(0).getInteger("value"));
        assertEquals(new JsonArray().add(visit), releaseEvent.getJsonArray("talk_ids"));

        JsonObject truce = events.get(ceasefire);
        assertEquals("CONCEDE", truce.getString("event_type"));
        assertEquals("MONTH", truce.getString("date_precision"));
        assertEquals("2025-01-01", truce.getString("event_date"));
        assertEquals("2025-01-31", truce.getString("event_enddate"));
    }

    @Test
    void badFiltersAreRefusedWithBadUserInput() {
        Map<String, String> refused = Map.of(
                "/export/talks.csv?from=13.03.2025", "from",
                "/export/talks.csv?participantIds=nonsense", "participantIds[0]",
                "/export/talks.csv?statuses=SOMETIMES", "statuses",
                "/export/people.csv?colour=blue", "colour",
                "/export/events.jsonl?statuses=HELD", "statuses",
                "/export/envoys.csv?active=maybe", "active");
        refused.forEach((path, field) -> given().when().get(path).then().statusCode(400)
                .contentType("application/json")
                .body("errors[0].extensions.code", org.hamcrest.Matchers.equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", org.hamcrest.Matchers.equalTo(field)));
        given().when().get("/export/nothing.csv").then().statusCode(404);
    }

    // ---------------------------------------------------------------- helpers

    private static List<Map<String, Object>> all(String query, String root, Map<String, Object> filter) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        String after = null;
        JsonPath page;
        do {
            page = data(query, "filter", filter, "after", after).setRootPath(root);
            nodes.addAll(page.getList("nodes"));
            after = page.getString("pageInfo.endCursor");
        } while (page.getBoolean("pageInfo.hasNextPage"));
        return nodes;
    }

    private static String text(String path) {
        byte[] body = given().when().get(path).then().statusCode(200).extract().asByteArray();
        return new String(body, StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> csv(String path) throws IOException {
        String body = text(path);
        assertTrue(given().when().get(path).then().extract().contentType().startsWith("text/csv"));
        return parse(body);
    }

    private static List<CSVRecord> parse(String body) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(body),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    private static String joined(List<Map<String, Object>> items, java.util.function.Function<Map<String, Object>,
            String> value) {
        return items.stream().map(value).collect(Collectors.joining("; "));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> person(Map<String, Object> participant) {
        return map(participant.get("person"));
    }

    private static String name(Map<String, Object> participantOrPerson) {
        Object person = participantOrPerson.get("person");
        return (String) (person == null ? participantOrPerson : map(person)).get("name");
    }

    private static String orEmpty(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
