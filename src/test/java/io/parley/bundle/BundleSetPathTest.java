package io.parley.bundle;

import static io.parley.bundle.BundleImportTest.importing;
import static io.parley.graphql.GraphQLClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import org.hibernate.SessionFactory;

import io.parley.common.Roles;
import io.parley.events.ChangeEvents;
import io.parley.events.Subscribers;
import io.parley.graphql.Fixtures;
import io.parley.graphql.GraphQLSocket;
import io.parley.graphql.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The import's fast paths (matching a slice of records in one statement, skipping records that
 * say what is stored) keep every rule a single mutation applies: the same records written by
 * an import and by mutations leave the same rows, history and change feed; subscribers hear of
 * what an import writes and of nothing it only matches; a bad record deep in a large bundle
 * leaves nothing behind; a re-import that changes a field is an update.
 */
@QuarkusTest
class BundleSetPathTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ChangeEvents events;

    @Inject
    SessionFactory sessionFactory;

    /** The mutations' own writer (GraphQLClient posts mutations as editor and admin), so actors compare equal. */
    private static final String WRITER = Tokens.withRoles(Roles.EDITOR, Roles.ADMIN);

    private static final String CHANGES = """
            query($after: String) { changes(after: $after, first: 100) {
              edges { cursor node { id type operation version changes { field from to } } }
              pageInfo { hasNextPage endCursor } } }""";

    private static String bundle(String tag) {
        return """
                {"sources": [{"ref": "s", "publisher": "Wire %1$s", "title": "Report %1$s", "publishedOn": "2025-02-01",
                              "passages": [{"ref": "p", "text": "They met in Geneva (%1$s)."}]}],
                 "people": [{"ref": "a", "name": "Alice %1$s", "countryCode": "NO", "summary": "Mediator %1$s."},
                            {"ref": "b", "name": "Bob %1$s"}],
                 "tracks": [{"ref": "t", "name": "Track %1$s", "parties": ["North", "South"]}],
                 "talks": [{"ref": "k", "title": "Talk %1$s", "trackId": "t", "date": "2025-03-01", "datePrecision": "MONTH",
                            "location": {"name": "Geneva", "countryCode": "CH"}, "summary": "Round one (%1$s).",
                            "participants": [{"personId": "a", "role": "HOST"}, {"personId": "b", "role": "VISITOR"}],
                            "citations": [{"sourceId": "s", "passage": "p"}]}],
                 "outcomes": [{"ref": "o", "kind": "AGREEMENT", "title": "Outcome %1$s", "date": "2025-03-01",
                               "talkIds": ["k"], "figures": [{"label": "people freed", "value": 12}],
                               "creditedToIds": ["a"], "citations": [{"sourceId": "s"}]}],
                 "statements": [{"ref": "q", "speakerId": "a", "quote": "We agreed (%1$s).", "saidOn": "2025-03-02",
                                 "talkId": "k"}]}
                """.formatted(tag);
    }

    /** The same records as single mutations, in the bundle's order; refs to the IDs they got. */
    private static Map<String, String> mutations(String tag) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("s", data("mutation($i: SourceInput!) { addSource(input: $i) { id } }", "i", Map.of(
                "publisher", "Wire " + tag, "title", "Report " + tag, "publishedOn", "2025-02-01")).getString("addSource.id"));
        ids.put("a", data("mutation($i: PersonInput!) { createPerson(input: $i) { id } }", "i", Map.of(
                "name", "Alice " + tag, "countryCode", "NO", "summary", "Mediator " + tag + ".")).getString("createPerson.id"));
        ids.put("b", data("mutation($i: PersonInput!) { createPerson(input: $i) { id } }", "i", Map.of(
                "name", "Bob " + tag)).getString("createPerson.id"));
        ids.put("t", data("mutation($i: TrackInput!) { createTrack(input: $i) { id } }", "i", Map.of(
                "name", "Track " + tag, "parties", List.of("North", "South"))).getString("createTrack.id"));
        ids.put("k", data("mutation($i: TalkInput!) { recordTalk(input: $i) { id } }", "i", Map.of(
                "title", "Talk " + tag, "trackId", ids.get("t"), "date", "2025-03-01", "datePrecision", "MONTH",
                "location", Map.of("name", "Geneva", "countryCode", "CH"), "summary", "Round one (" + tag + ").",
                "participants", List.of(Map.of("personId", ids.get("a"), "role", "HOST"),
                        Map.of("personId", ids.get("b"), "role", "VISITOR")),
                "citations", List.of(Map.of("sourceId", ids.get("s"), "excerpt", "They met in Geneva (" + tag + ")."))))
                .getString("recordTalk.id"));
        ids.put("o", data("mutation($i: OutcomeInput!) { recordOutcome(input: $i) { id } }", "i", Map.of(
                "kind", "AGREEMENT", "title", "Outcome " + tag, "date", "2025-03-01", "talkIds", List.of(ids.get("k")),
                "figures", List.of(Map.of("label", "people freed", "value", 12)), "creditedToIds", List.of(ids.get("a")),
                "citations", List.of(Map.of("sourceId", ids.get("s"))))).getString("recordOutcome.id"));
        ids.put("q", data("mutation($i: StatementInput!) { recordStatement(input: $i) { id } }", "i", Map.of(
                "speakerId", ids.get("a"), "quote", "We agreed (" + tag + ").", "saidOn", "2025-03-02",
                "talkId", ids.get("k"))).getString("recordStatement.id"));
        return ids;
    }

    @Test
    void anImportAndTheSameRecordsAsMutationsLeaveTheSameRowsHistoryAndChangeFeed() {
        String start = feedEnd();
        JsonPath imported = importing(WRITER, bundle("Viaimport")).then().statusCode(200).extract().jsonPath();
        assertEquals(7, imported.getInt("created"));
        Map<String, String> viaImport = new LinkedHashMap<>();
        for (String ref : List.of("s", "a", "b", "t", "k", "o", "q")) {
            viaImport.put(ref, imported.getString("records.find { it.ref == '" + ref + "' }.id"));
        }
        Map<String, String> viaMutations = mutations("Viamutation");

        Function<Object, Object> importSide = normalizer(viaImport, "Viaimport");
        Function<Object, Object> mutationSide = normalizer(viaMutations, "Viamutation");
        for (String ref : viaImport.keySet()) {
            assertEquals(mutationSide.apply(record(viaMutations.get(ref))), importSide.apply(record(viaImport.get(ref))),
                    "the stored " + ref);
            assertEquals(mutationSide.apply(history(viaMutations.get(ref))), importSide.apply(history(viaImport.get(ref))),
                    "the history of " + ref);
        }
        List<Map<String, Object>> feed = feedAfter(start);
        assertEquals(mutationSide.apply(entriesOf(feed, viaMutations)), importSide.apply(entriesOf(feed, viaImport)));
        assertEquals(7, entriesOf(feed, viaImport).size());

        // Imported again, nothing is written: no revision, no change-feed entry.
        String before = feedEnd();
        JsonPath again = importing(WRITER, bundle("Viaimport")).then().statusCode(200).extract().jsonPath();
        assertEquals(7, again.getInt("matched"), again::prettify);
        assertEquals(List.of(), entriesOf(feedAfter(before), viaImport));
    }

    @Test
    void aReimportThatChangesOrDropsAFieldUpdatesOnlyThatRecord() {
        String bundle = bundle("Changing");
        JsonPath first = importing(WRITER, bundle).then().statusCode(200).extract().jsonPath();
        String talk = first.getString("records.find { it.ref == 'k' }.id");
        // A default the service fills in (format IN_PERSON) stored otherwise, a field left out, a
        // figure's value changed: each is an update, though most of each record is the same.
        data("mutation($id: ID!) { updateTalk(id: $id, input: {title: \"Talk Changing\", date: \"2025-03-01\","
                + " datePrecision: MONTH, format: VIDEO, participants: [{personId: \"" + first.getString("records.find { it.ref == 'a' }.id")
                + "\", role: HOST}]}) { id } }", "id", talk);
        String changed = bundle.replace(", \"summary\": \"Mediator Changing.\"", "").replace("\"value\": 12", "\"value\": 13");
        JsonPath second = importing(WRITER, changed).then().statusCode(200).extract().jsonPath();
        assertEquals("UPDATED", second.getString("records.find { it.ref == 'k' }.action"), second::prettify);
        assertEquals("UPDATED", second.getString("records.find { it.ref == 'a' }.action"), second::prettify);
        assertEquals("UPDATED", second.getString("records.find { it.ref == 'o' }.action"), second::prettify);
        assertEquals(4, second.getInt("matched"), second::prettify);
        JsonPath stored = data("query($id: ID!) { node(id: $id) { ... on Talk { format participants { role } } } }", "id", talk);
        assertEquals("IN_PERSON", stored.getString("node.format"));
        assertEquals(List.of("HOST", "VISITOR"), stored.getList("node.participants.role"));
    }

    @Test
    void subscribersHearOfEachTalkAnImportWritesAndOfNoneItOnlyMatches() {
        String track = Fixtures.track("Track Heard");
        try (GraphQLSocket socket = GraphQLSocket.connect("graphql-transport-ws")) {
            socket.send(Map.of("id", "1", "type", "subscribe", "payload", Map.of("query",
                    "subscription($t: ID) { talkRecorded(trackId: $t) { id title summary } }", "variables", Map.of("t", track))));
            awaitSubscribers(1);
            String created = importing(WRITER, bundle("Heard")).then().statusCode(200).extract().jsonPath()
                    .getString("records.find { it.ref == 'k' }.id");
            assertEquals(Map.of("id", created, "title", "Talk Heard", "summary", "Round one (Heard)."), talk(socket.next(WAIT)));
            // Matched only: no write, so no notification; the next one is the update's, not a second "Round one".
            assertEquals(7, importing(WRITER, bundle("Heard")).then().statusCode(200).extract().jsonPath().getInt("matched"));
            importing(WRITER, bundle("Heard").replace("Round one (Heard).", "Round two (Heard).")).then().statusCode(200);
            assertEquals(Map.of("id", created, "title", "Talk Heard", "summary", "Round two (Heard)."), talk(socket.next(WAIT)));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> talk(Map<String, Object> message) {
        assertNotNull(message, "no event arrived");
        Map<String, Object> payload = (Map<String, Object>) message.get("payload");
        return (Map<String, Object>) ((Map<String, Object>) payload.get("data")).get("talkRecorded");
    }

    private void awaitSubscribers(int count) {
        Subscribers.await(events, count, WAIT);
    }

    /** Talks over several of the importer's slices (1,000 records each), one of them broken by a rule only its service knows. */
    private static String largeBundle(String tag, int talks, int broken) {
        StringBuilder json = new StringBuilder("""
                {"people": [{"ref": "a", "name": "Ann %1$s"}, {"ref": "b", "name": "Ben %1$s"}],
                 "talks": [""".formatted(tag));
        for (int i = 0; i < talks; i++) {
            // endsAt before startsAt: TalkService refuses it (Inputs.notBefore), the JSON Schema does not
            String times = i == broken ? ", \"startsAt\": \"2025-01-01T10:00:00Z\", \"endsAt\": \"2025-01-01T09:00:00Z\"" : "";
            json.append(i == 0 ? "" : ",").append("""
                    {"ref": "k%2$d", "title": "Large %1$s %2$d", "date": "2025-01-01"%3$s,
                     "participants": [{"personId": "a", "role": "HOST"}, {"personId": "b", "role": "VISITOR"}]}"""
                    .formatted(tag, i, times));
        }
        return json.append("]}").toString();
    }

    @Test
    void aBrokenRecordInTheMiddleOfALargeBundleWritesNothing() {
        String start = feedEnd();
        JsonPath refused = importing(WRITER, largeBundle("Brokenbulk", 2_500, 1_500)).then().statusCode(400).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", refused.getString("errors[0].extensions.code"));
        assertEquals(List.of("$.talks[1500].endsAt"), refused.getList("errors[0].extensions.problems.path"), refused::prettify);
        assertEquals(0, data("{ talks(filter: {text: \"Large Brokenbulk\"}) { totalCount } }").getInt("talks.totalCount"));
        assertEquals(0, data("{ people(filter: {name: \"Ann Brokenbulk\"}) { totalCount } }").getInt("people.totalCount"));
        assertEquals(List.of(), feedAfter(start));

        // The same in a re-import: records matched and updated in earlier slices are rolled back too.
        JsonPath first = importing(WRITER, largeBundle("Rebulk", 2_500, -1)).then().statusCode(200).extract().jsonPath();
        assertEquals(2_502, first.getInt("created"));
        String afterFirst = feedEnd();
        String reimport = largeBundle("Rebulk", 2_500, 2_200).replace("\"title\": \"Large Rebulk 3\", \"date\": \"2025-01-01\"",
                "\"title\": \"Large Rebulk 3\", \"date\": \"2025-01-02\"");
        assertNotEquals(largeBundle("Rebulk", 2_500, 2_200), reimport);
        JsonPath again = importing(WRITER, reimport).then().statusCode(400).extract().jsonPath();
        assertEquals(List.of("$.talks[2200].endsAt"), again.getList("errors[0].extensions.problems.path"), again::prettify);
        assertEquals(List.of(), feedAfter(afterFirst));
        assertEquals("2025-01-01", data("{ talks(filter: {text: \"Large Rebulk 3\"}, first: 1) { nodes { title date } } }")
                .getString("talks.nodes.find { it.title == 'Large Rebulk 3' }.date"));
    }

    /**
     * A new talk costs its own writes, not its references' lookups: the transaction names its
     * writer once and looks each referenced person up once (RecordService remembers both), and
     * a talk's participants go in one multi-row insert. So 200 talks between the same two people
     * cost about three statements each (the talk, its participants, pg_notify), where naming the
     * writer, resolving and checking the two people and inserting each participant row was seven.
     */
    @Test
    void newTalksGoAsMultiRowInserts() {
        var statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        JsonPath imported = importing(WRITER, largeBundle("Counted", 200, -1)).then().statusCode(200).extract().jsonPath();
        long statements = statistics.getPrepareStatementCount() - before;
        assertEquals(202, imported.getInt("created"), imported::prettify);
        // 3 per talk, plus the people (matched and created one by one) and the per-slice statements
        // The talks' rows go as multi-row inserts of up to 64 rows (statement-batch-size): 4 for the
        // 200 talks, 7 for their 400 participants, one for their notifications; plus the people
        // (matched and created one by one) and the slice's matching. 18 when written; one
        // statement per talk would be over 200.
        assertTrue(statements <= 30, "statements for 200 talks: " + statements);
        assertEquals(2, data("{ talks(filter: {text: \"Large Counted 199\"}, first: 1) { nodes { participants { role } } } }")
                .getList("talks.nodes[0].participants").size());
    }

    /**
     * People are matched a slice at a time (issue 25): one statement asks the four matching rules
     * for every person of a slice, one reads back those they match, and new people go as
     * multi-row inserts. One by one, each person was a matching statement and an insert (or a
     * read and a compare when matched): over 600 statements for 300 people.
     */
    @Test
    void peopleAreMatchedAndWrittenASliceAtATime() {
        StringBuilder json = new StringBuilder("{\"people\": [");
        for (int i = 0; i < 300; i++) {
            json.append(i == 0 ? "" : ",").append("{\"ref\": \"p%1$d\", \"name\": \"Sliced Person%1$d\", \"wikidataId\": \"Q9191%1$d\"}"
                    .formatted(i));
        }
        String bundle = json.append("]}").toString();
        var statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        JsonPath first = importing(WRITER, bundle).then().statusCode(200).extract().jsonPath();
        long created = statistics.getPrepareStatementCount() - before;
        assertEquals(300, first.getInt("created"), first::prettify);
        // exactly, as a count stuck at 0 (statistics off) would pass "at most": the lock, JIT off,
        // the writer and the matching, then the key blocks, the multi-row inserts and the
        // notifications; the same people one by one were 608
        assertEquals(11, created, "statements for 300 new people");

        before = statistics.getPrepareStatementCount();
        JsonPath again = importing(WRITER, bundle).then().statusCode(200).extract().jsonPath();
        long matched = statistics.getPrepareStatementCount() - before;
        assertEquals(300, again.getInt("matched"), again::prettify);
        assertEquals(first.getList("records.id"), again.getList("records.id"));
        assertEquals("WIKIDATA_ID", again.getString("records[299].matchedBy"));
        // the lock, JIT off, the writer, the matching, the read-back
        assertEquals(5, matched, "statements to match 300 stored people");
        assertEquals("Sliced Person299", data("query($id: ID!) { node(id: $id) { ... on Person { name } } }", "id",
                first.getString("records[299].id")).getString("node.name"));
    }

    /** The record as GraphQL reads it: its own fields and the rows it owns (participants, citations, figures). */
    private static Object record(String id) {
        String type = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8).split(":")[0];
        String fields = switch (type) {
            case "Source" -> "publisher title url publishedOn language version";
            case "Person" -> "name aliases countryCode summary wikidataId version";
            case "Track" -> "name parties status version";
            case "Talk" -> "title date datePrecision format closedDoor status summary version track { id }"
                    + " location { name city countryCode } participants { role person { id } asEnvoy { id } }"
                    + " citations { excerpt source { id } }";
            case "Outcome" -> "kind status title date datePrecision version talks { id } creditedTo { id }"
                    + " figures { label value approximate } citations { excerpt source { id } }";
            case "Statement" -> "quote verbatim saidOn tone version speaker { id } talk { id }";
            default -> throw new IllegalArgumentException(type);
        };
        return data("query($id: ID!) { node(id: $id) { ... on " + type + " { " + fields + " } } }", "id", id).getMap("node");
    }

    private static Object history(String id) {
        return data("query($id: ID!) { history(id: $id) { number actor action changes { field from to } } }", "id", id)
                .getList("history");
    }

    /** The change feed's entries for the records {@code ids} names, in feed order, without their times. */
    private static List<Map<String, Object>> entriesOf(List<Map<String, Object>> feed, Map<String, String> ids) {
        return feed.stream().filter(entry -> ids.containsValue(entry.get("id"))).toList();
    }

    private static String feedEnd() {
        String cursor = null;
        while (true) {
            JsonPath page = data(CHANGES, "after", cursor);
            String end = page.getString("changes.pageInfo.endCursor");
            cursor = end == null ? cursor : end;
            if (!page.getBoolean("changes.pageInfo.hasNextPage")) {
                return cursor;
            }
        }
    }

    private static List<Map<String, Object>> feedAfter(String cursor) {
        List<Map<String, Object>> entries = new ArrayList<>();
        while (true) {
            JsonPath page = data(CHANGES, "after", cursor);
            entries.addAll(page.getList("changes.edges.node"));
            cursor = page.getString("changes.pageInfo.endCursor");
            if (!page.getBoolean("changes.pageInfo.hasNextPage")) {
                return entries;
            }
        }
    }

    /**
     * Makes one side comparable with the other: its tag in any text becomes TAG, its records'
     * IDs (and the stored keys history holds for reference fields) become their bundle refs.
     */
    private static Function<Object, Object> normalizer(Map<String, String> ids, String tag) {
        Map<String, String> names = new HashMap<>();
        ids.forEach((ref, id) -> {
            names.put(id, "<" + ref + ">");
            String[] decoded = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8).split(":");
            names.put(decoded[0] + ":" + decoded[1], "<" + ref + ">");
        });
        // history and the change feed name a reference field's stored key, e.g. trackId: "5"
        Map<String, String> keyLabels = Map.of("trackId", "Track", "talkId", "Talk", "speakerId", "Person",
                "personId", "Person", "sourceId", "Source", "envoyId", "Envoy");
        return new Function<>() {
            @Override
            public Object apply(Object value) {
                return normalized(value, null);
            }

            private Object normalized(Object value, String field) {
                if (value instanceof Map<?, ?> map) {
                    Map<String, Object> result = new LinkedHashMap<>();
                    String changed = map.get("field") instanceof String f ? f : null;
                    map.forEach((k, v) -> result.put((String) k, normalized(v, changed != null ? changed : (String) k)));
                    return result;
                }
                if (value instanceof List<?> list) {
                    return list.stream().map(v -> normalized(v, field)).toList();
                }
                if (value instanceof String text) {
                    if (names.containsKey(text)) {
                        return names.get(text);
                    }
                    if (field != null && keyLabels.containsKey(field) && names.containsKey(keyLabels.get(field) + ":" + text)) {
                        return names.get(keyLabels.get(field) + ":" + text);
                    }
                    return text.replace(tag, "TAG");
                }
                return value;
            }
        };
    }

    @Test
    void theNormalizerTellsTheSidesApart() {
        // A check that cannot fail is a defect: records that differ must compare as different.
        Function<Object, Object> one = normalizer(Map.of("k", "VGFsazox"), "One");
        Function<Object, Object> two = normalizer(Map.of("k", "VGFsazoy"), "Two");
        assertEquals(one.apply(Map.of("id", "VGFsazox", "title", "Talk One")), two.apply(Map.of("id", "VGFsazoy", "title", "Talk Two")));
        assertNotEquals(one.apply(Map.of("id", "VGFsazox", "title", "Talk One")), two.apply(Map.of("id", "VGFsazoy", "title", "Talk Three")));
        assertTrue(one.apply(Map.of("field", "talkId", "to", "1")).toString().contains("<k>"));
    }
}
