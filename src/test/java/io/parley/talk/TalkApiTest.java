package io.parley.talk;

import static io.parley.graphql.GraphQLClient.badInputField;
import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.error;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.parley.TestDatabase;
import io.parley.common.GlobalId;
import io.parley.common.NodeType;
import io.parley.graphql.Fixtures;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.DisabledOnIntegrationTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class TalkApiTest {

    private static final String RECORD = """
            mutation($input: TalkInput!) {
              recordTalk(input: $input) {
                id title date datePrecision startsAt endsAt format closedDoor status summary version
                track { id } location { name city countryCode latitude longitude }
                participants { role person { id } asEnvoy { id } }
                citations { excerpt source { id } }
              }
            }""";
    private static final String LIST = """
            query($f: TalkFilter, $o: TalkOrder) { talks(filter: $f, orderBy: $o, first: 100) { totalCount nodes { title } } }""";

    @Test
    void recordsATalkWithEverythingItCanHold() {
        String host = Fixtures.person(Fixtures.unique("Host"));
        String visitor = Fixtures.person(Fixtures.unique("Visitor"));
        String envoy = Fixtures.envoy(visitor, "US");
        String track = Fixtures.track(Fixtures.unique("Full talk track"));
        String source = Fixtures.source("AP");
        JsonPath talk = data(RECORD, "input", vars("title", "Evening talks", "trackId", track,
                "date", "2025-03-17", "datePrecision", "MONTH",
                "startsAt", "2025-03-13T19:00:00+03:00", "endsAt", "2025-03-13T22:30:00+03:00",
                "location", vars("name", "Kremlin", "city", "Moscow", "countryCode", "ru", "latitude", 55.752,
                        "longitude", 37.617),
                "format", "IN_PERSON", "closedDoor", true, "status", "HELD", "summary", "Closed talks.",
                "participants", List.of(vars("personId", host, "role", "HOST"),
                        vars("personId", visitor, "role", "VISITOR", "envoyId", envoy)),
                "citations", List.of(vars("sourceId", source, "excerpt", "talks took place")))).setRootPath("recordTalk");
        assertEquals("2025-03-01", talk.getString("date"), "a MONTH date is stored as the month's first day");
        assertEquals("MONTH", talk.getString("datePrecision"));
        assertEquals(OffsetDateTime.parse("2025-03-13T19:00:00+03:00").toInstant(),
                OffsetDateTime.parse(talk.getString("startsAt")).toInstant(), "the instant given is kept");
        assertEquals(OffsetDateTime.parse("2025-03-13T22:30:00+03:00").toInstant(),
                OffsetDateTime.parse(talk.getString("endsAt")).toInstant());
        assertEquals("RU", talk.getString("location.countryCode"));
        assertEquals(55.752, talk.getDouble("location.latitude"), 1e-9);
        assertTrue(talk.getBoolean("closedDoor"));
        assertEquals(track, talk.getString("track.id"));
        assertEquals(List.of("HOST", "VISITOR"), talk.getList("participants.role"));
        assertEquals(envoy, talk.getString("participants[1].asEnvoy.id"));
        assertNull(talk.get("participants[0].asEnvoy"));
        assertEquals(source, talk.getString("citations[0].source.id"));

        String id = talk.getString("id");
        JsonPath envoyTalks = data("query($id: ID!) { envoy(id: $id) { talks { totalCount nodes { id } } } }", "id", envoy);
        assertEquals(List.of(id), envoyTalks.getList("envoy.talks.nodes.id"));
        JsonPath personTalks = data("query($id: ID!) { person(id: $id) { talks { nodes { id } } } }", "id", host);
        assertEquals(List.of(id), personTalks.getList("person.talks.nodes.id"));
        JsonPath trackTalks = data("query($id: ID!) { track(id: $id) { talks { totalCount } } }", "id", track);
        assertEquals(1, trackTalks.getInt("track.talks.totalCount"));
    }

    @Test
    void defaultsFollowTheDate() {
        String person = Fixtures.person(Fixtures.unique("Defaults"));
        JsonPath past = data(RECORD, "input", vars("title", "Past", "date", "2020-01-01",
                "participants", List.of(vars("personId", person, "role", "PARTICIPANT")))).setRootPath("recordTalk");
        assertEquals("HELD", past.getString("status"));
        assertEquals("DAY", past.getString("datePrecision"));
        assertEquals("IN_PERSON", past.getString("format"));
        assertFalse(past.getBoolean("closedDoor"));
        JsonPath future = data(RECORD, "input", vars("title", "Future", "date", "2999-01-01",
                "participants", List.of(vars("personId", person, "role", "PARTICIPANT")))).setRootPath("recordTalk");
        assertEquals("PLANNED", future.getString("status"));
    }

    @Test
    void refusesInvalidTalks() {
        String person = Fixtures.person(Fixtures.unique("Validation"));
        String other = Fixtures.person(Fixtures.unique("Other"));
        String othersEnvoy = Fixtures.envoy(other, "FR");
        Map<String, Object> participant = vars("personId", person, "role", "HOST");
        assertEquals("input.participants", badInputField(RECORD, "input", vars("title", "Nobody", "date", "2024-01-01",
                "participants", List.of())));
        assertEquals("input.participants[1].personId", badInputField(RECORD, "input", vars("title", "Twice",
                "date", "2024-01-01", "participants", List.of(participant, participant))));
        assertEquals("input.participants[0].envoyId", badInputField(RECORD, "input", vars("title", "Borrowed hat",
                "date", "2024-01-01", "participants", List.of(vars("personId", person, "role", "HOST",
                        "envoyId", othersEnvoy)))));
        assertEquals("input.endsAt", badInputField(RECORD, "input", vars("title", "Backwards", "date", "2024-01-01",
                "startsAt", "2024-01-01T10:00:00Z", "endsAt", "2024-01-01T09:00:00Z", "participants", List.of(participant))));
        assertEquals("input.location.latitude", badInputField(RECORD, "input", vars("title", "Off the map",
                "date", "2024-01-01", "location", vars("name", "Nowhere", "latitude", 91.0, "longitude", 0.0),
                "participants", List.of(participant))));
        assertEquals("input.location.longitude", badInputField(RECORD, "input", vars("title", "Half a point",
                "date", "2024-01-01", "location", vars("name", "Somewhere", "latitude", 10.0),
                "participants", List.of(participant))));
        assertEquals("input.trackId", badInputField(RECORD, "input", vars("title", "Wrong track", "date", "2024-01-01",
                "trackId", person, "participants", List.of(participant))));
        assertEquals("input.title", badInputField(RECORD, "input", vars("title", "", "date", "2024-01-01",
                "participants", List.of(participant))));
    }

    @Test
    void filtersByEveryCriterion() {
        String track = Fixtures.track(Fixtures.unique("Filter track"));
        String a = Fixtures.person(Fixtures.unique("Filter A"));
        String b = Fixtures.person(Fixtures.unique("Filter B"));
        String envoy = Fixtures.envoy(b, "DE");
        data(RECORD, "input", vars("title", "Phone call about grain", "trackId", track, "date", "2024-02-10",
                "format", "PHONE", "participants", List.of(vars("personId", a, "role", "HOST"))));
        data(RECORD, "input", vars("title", "Summit in Geneva", "trackId", track, "date", "2024-02-01",
                "datePrecision", "WEEK", "location", vars("name", "Palais", "city", "Geneva", "countryCode", "CH"),
                "participants", List.of(vars("personId", a, "role", "HOST"),
                        vars("personId", b, "role", "VISITOR", "envoyId", envoy))));
        data(RECORD, "input", vars("title", "Cancelled meeting", "trackId", track, "date", "2024-03-01",
                "status", "CANCELLED", "participants", List.of(vars("personId", b, "role", "HOST"))));

        assertEquals(List.of("Cancelled meeting", "Phone call about grain", "Summit in Geneva"),
                titles(vars("trackIds", List.of(track)), null), "most recent first by default");
        assertEquals(List.of("Summit in Geneva"), titles(vars("participantIds", List.of(a, b)), null),
                "participantIds asks for talks with all of them");
        assertEquals(List.of("Summit in Geneva"), titles(vars("envoyIds", List.of(envoy)), null));
        assertEquals(List.of("Phone call about grain"), titles(vars("trackIds", List.of(track), "formats", List.of("PHONE")), null));
        assertEquals(List.of("Cancelled meeting"), titles(vars("trackIds", List.of(track), "statuses", List.of("CANCELLED")), null));
        assertEquals(List.of("Summit in Geneva"), titles(vars("countryCode", "ch", "trackIds", List.of(track)), null));
        assertEquals(List.of("Summit in Geneva"), titles(vars("text", "geneva", "trackIds", List.of(track)), null));
        assertEquals(List.of("Phone call about grain", "Summit in Geneva"),
                titles(vars("trackIds", List.of(track), "from", "2024-02-01", "to", "2024-02-29"), null));
        assertEquals(List.of("Phone call about grain"),
                titles(vars("trackIds", List.of(track), "from", "2024-02-02", "to", "2024-02-29"), null),
                "a WEEK starting Feb 1 is not known to fall on or after Feb 2");
        assertEquals(List.of(), titles(vars("trackIds", List.of(track), "from", "2024-02-01", "to", "2024-02-06"), null),
                "the week of Feb 1 runs to Feb 7");
        assertEquals(List.of("Cancelled meeting", "Phone call about grain", "Summit in Geneva"),
                titles(vars("trackIds", List.of(track)), vars("field", "TITLE", "direction", "ASC")));
        assertEquals(List.of("Summit in Geneva", "Phone call about grain", "Cancelled meeting"),
                titles(vars("trackIds", List.of(track)), vars("field", "DATE", "direction", "ASC")));
        assertEquals("Cancelled meeting",
                titles(vars("trackIds", List.of(track)), vars("field", "UPDATED_AT", "direction", "DESC")).get(0));
        assertEquals("filter.participantIds[0]", badInputField(LIST, "f", vars("participantIds", List.of(track)), "o", null));
    }

    @Test
    void deletingATalkOthersReferIsAConflictOtherwiseItGoes() {
        String person = Fixtures.person(Fixtures.unique("Speaker"));
        String talk = Fixtures.talk("Talk with a statement", "2024-04-04", null, person);
        data("mutation($input: StatementInput!) { recordStatement(input: $input) { id } }", "input",
                vars("speakerId", person, "quote", "It went well.", "saidOn", "2024-04-04", "talkId", talk));
        error("CONFLICT", "mutation($id: ID!) { deleteTalk(id: $id) }", "id", talk);
        assertEquals(talk, data("query($id: ID!) { talk(id: $id) { id } }", "id", talk).getString("talk.id"));

        String lonely = Fixtures.talk("Unreferenced talk", "2024-04-05", null, person);
        assertEquals(lonely, data("mutation($id: ID!) { deleteTalk(id: $id) }", "id", lonely).getString("deleteTalk"));
        assertNull(data("query($id: ID!) { talk(id: $id) { id } }", "id", lonely).get("talk"));
    }

    @Test
    void updateReplacesParticipantsAndRespectsVersions() {
        String a = Fixtures.person(Fixtures.unique("First"));
        String b = Fixtures.person(Fixtures.unique("Second"));
        String talk = Fixtures.talk("Reshuffled", "2024-07-07", null, a, b);
        String update = """
                mutation($id: ID!, $input: TalkInput!, $v: Int) {
                  updateTalk(id: $id, input: $input, expectedVersion: $v) { version participants { person { id } role } }
                }""";
        JsonPath updated = data(update, "id", talk, "v", 0, "input", vars("title", "Reshuffled", "date", "2024-07-07",
                "participants", List.of(vars("personId", b, "role", "HOST"), vars("personId", a, "role", "VISITOR"))))
                .setRootPath("updateTalk");
        assertEquals(1, updated.getInt("version"));
        assertEquals(List.of(b, a), updated.getList("participants.person.id"));
        error("CONFLICT", update, "id", talk, "v", 0, "input", vars("title", "Stale", "date", "2024-07-07",
                "participants", List.of(vars("personId", a, "role", "HOST"))));
    }

    /**
     * A talk's input replaces the whole talk, so a title edit repeats its participants and
     * citations: their rows stay as they were (same xmin: no transaction rewrote them) unless
     * they changed, and then only the changed collection is rewritten.
     */
    @Test
    void anEditLeavesTheParticipantsAndCitationsItRepeatsAlone() throws SQLException {
        String a = Fixtures.person(Fixtures.unique("Kept host"));
        String b = Fixtures.person(Fixtures.unique("Kept visitor"));
        String source = Fixtures.source("Kept wire");
        List<Map<String, Object>> participants = List.of(vars("personId", a, "role", "HOST"),
                vars("personId", b, "role", "VISITOR"));
        List<Map<String, Object>> citations = List.of(vars("sourceId", source, "excerpt", "they met"));
        String talk = data(RECORD, "input", vars("title", "Kept talk", "date", "2024-09-09",
                "participants", participants, "citations", citations)).getString("recordTalk.id");
        long key = GlobalId.keyOf(talk, NodeType.TALK, "id");
        String update = """
                mutation($id: ID!, $input: TalkInput!) {
                  updateTalk(id: $id, input: $input) { title version participants { person { id } role } citations { excerpt } }
                }""";
        List<String> participantRows = rowVersions("talk_participant", key);
        List<String> citationRows = rowVersions("citation", key);

        JsonPath edited = data(update, "id", talk, "input", vars("title", "Kept talk, retitled", "date", "2024-09-09",
                "participants", participants, "citations", citations)).setRootPath("updateTalk");
        assertEquals("Kept talk, retitled", edited.getString("title"));
        assertEquals(1, edited.getInt("version"));
        assertEquals(List.of(a, b), edited.getList("participants.person.id"));
        assertEquals(participantRows, rowVersions("talk_participant", key));
        assertEquals(citationRows, rowVersions("citation", key));

        edited = data(update, "id", talk, "input", vars("title", "Kept talk, retitled", "date", "2024-09-09",
                "participants", List.of(vars("personId", a, "role", "VISITOR"), vars("personId", b, "role", "HOST")),
                "citations", citations)).setRootPath("updateTalk");
        assertEquals(List.of("VISITOR", "HOST"), edited.getList("participants.role"));
        assertNotEquals(participantRows, rowVersions("talk_participant", key));
        assertEquals(citationRows, rowVersions("citation", key));
    }

    /**
     * An edit repeating what the talk refers to (its track, people and sources) looks none of it
     * up: the stored talk's foreign keys vouch for them. The talk comes with its participants and
     * citations in one select; then the update and the notice. Hibernate's own statements (the
     * answer is read apart): 4 with the writer named, where loading the collections one by one and
     * looking up the track, merged people, people and sources was 10. A reference the edit
     * changes is still checked. Counted by Hibernate's statistics, which only the application's
     * own process holds: not against the packaged application.
     */
    @Test
    @DisabledOnIntegrationTest("counts the statements with Hibernate's statistics, in the application's process")
    void anEditRepeatingItsReferencesLooksNoneOfThemUp() {
        String a = Fixtures.person(Fixtures.unique("Vouched host"));
        String b = Fixtures.person(Fixtures.unique("Vouched visitor"));
        String track = Fixtures.track(Fixtures.unique("Vouched track"));
        String source = Fixtures.source("Vouched wire");
        List<Map<String, Object>> participants = List.of(vars("personId", a, "role", "HOST"),
                vars("personId", b, "role", "VISITOR"));
        List<Map<String, Object>> citations = List.of(vars("sourceId", source, "excerpt", "they met"));
        String talk = data(RECORD, "input", vars("title", "Vouched talk", "date", "2024-09-10", "trackId", track,
                "participants", participants, "citations", citations)).getString("recordTalk.id");
        String update = "mutation($id: ID!, $input: TalkInput!) { updateTalk(id: $id, input: $input) { title version } }";

        // from the container, not injected: the packaged-app subclass (TalkApiIT) may inject nothing
        Statistics statistics = Arc.container().instance(SessionFactory.class).get().getStatistics();
        long before = statistics.getPrepareStatementCount();
        JsonPath edited = data(update, "id", talk, "input", vars("title", "Vouched talk, retitled", "date", "2024-09-10",
                "trackId", track, "participants", participants, "citations", citations)).setRootPath("updateTalk");
        long statements = statistics.getPrepareStatementCount() - before;
        assertEquals("Vouched talk, retitled", edited.getString("title"));
        assertEquals(1, edited.getInt("version"));
        // exactly: a count that stayed 0 (statistics off) or grew back would both be caught
        assertEquals(4, statements, "statements for a title edit (the writer, the talk, the update, the notice)");

        String missing = GlobalId.encode(NodeType.PERSON, 999_999_999L);
        assertEquals("input.participants", badInputField(update, "id", talk, "input", vars("title", "Vouched talk", "date", "2024-09-10",
                "trackId", track, "participants", List.of(vars("personId", a, "role", "HOST"),
                        vars("personId", missing, "role", "VISITOR")), "citations", citations)));
    }

    /** Each of a talk's rows in the table (TestDatabase.rowVersions), of which there are some. */
    private static List<String> rowVersions(String table, long talk) throws SQLException {
        List<String> rows = TestDatabase.rowVersions(table, "talk_id", talk);
        assertFalse(rows.isEmpty(), table);
        return rows;
    }

    private static List<String> titles(Map<String, Object> filter, Map<String, Object> order) {
        return data(LIST, "f", filter, "o", order).getList("talks.nodes.title");
    }
}
