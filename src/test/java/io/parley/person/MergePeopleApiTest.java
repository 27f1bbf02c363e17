package io.parley.person;

import static io.parley.graphql.GraphQLClient.badInputField;
import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.error;
import static io.parley.graphql.GraphQLClient.postAs;
import static io.parley.graphql.GraphQLClient.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.parley.TestDatabase;
import io.parley.common.GlobalId;
import io.parley.common.NodeType;
import io.parley.common.Roles;
import io.parley.graphql.Fixtures;
import io.parley.graphql.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class MergePeopleApiTest {

    private static final String MERGE = """
            mutation($keep: ID!, $merge: ID!, $kv: Int, $mv: Int) {
              mergePeople(keep: $keep, merge: $merge, keepVersion: $kv, mergeVersion: $mv) {
                id name version aliases aliasesWithLanguage { name language } birthDate countryCode wikidataId summary
                positions { title organization } citations { excerpt source { id } }
                talks(first: 20) { nodes { id } }
                statements(first: 20) { nodes { id speaker { id } } }
                envoyAppointments { id person { id } trips(first: 5) { nodes { id } } }
              }
            }""";
    private static final String PERSON = """
            query($id: ID!) { person(id: $id) { id name version aliases wikidataId } }""";
    private static final String TALK = """
            query($id: ID!) { talk(id: $id) { version participants { role person { id } asEnvoy { id } } } }""";
    private static final String HISTORY = """
            query($id: ID!) { history(id: $id) { number action mergedIds changes { field from to } } }""";
    private static final String CHANGES = """
            query($after: String) { changes(after: $after, first: 100) {
              nodes { id type operation changes { field from to } record { id } mergedInto { id ... on Person { name } } }
              pageInfo { endCursor hasNextPage } } }""";

    @Test
    void everyFactOfTheDuplicateEndsUpWithTheKeptPerson() {
        String start = endOfFeed();
        String source = Fixtures.source(Fixtures.unique("Interfax"));
        String keptName = Fixtures.unique("Kirill Dmitriev");
        String dupName = Fixtures.unique("Kirill Dmitriyev");
        String wikidata = "Q" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        String kept = data("mutation($input: PersonInput!) { createPerson(input: $input) { id } }", "input", vars(
                "name", keptName, "aliases", List.of("K. Dmitriev"), "summary", "Head of the RDIF.",
                "positions", List.of(vars("title", "Chief Executive", "organization", "RDIF")),
                "citations", List.of(vars("sourceId", source, "excerpt", "Dmitriev, the fund's head"))))
                .getString("createPerson.id");
        String duplicate = data("mutation($input: PersonInput!) { createPerson(input: $input) { id } }", "input", vars(
                "name", dupName, "birthDate", "1975-04-12", "countryCode", "RU", "wikidataId", wikidata,
                "summary", "Kremlin envoy.",
                "aliasesWithLanguage", List.of(vars("name", "Кирилл Дмитриев", "language", "ru"),
                        vars("name", "K. Dmitriev", "language", "ru-Latn")),
                "positions", List.of(vars("title", "Chief Executive", "organization", "RDIF"),
                        vars("title", "Special Presidential Envoy", "organization", "Kremlin")),
                "citations", List.of(vars("sourceId", source, "excerpt", "Dmitriev, the fund's head"),
                        vars("sourceId", source, "excerpt", "Dmitriyev, Putin's envoy"))))
                .getString("createPerson.id");
        String other = Fixtures.person(Fixtures.unique("Steve Counterpart"));

        String envoy = data("mutation($input: EnvoyInput!) { appointEnvoy(input: $input) { id } }", "input", vars(
                "personId", duplicate, "title", "Special Envoy", "represents", "RU", "appointedById", other))
                .getString("appointEnvoy.id");
        String appointedByDuplicate = data("mutation($input: EnvoyInput!) { appointEnvoy(input: $input) { id } }",
                "input", vars("personId", other, "title", "Go-between", "represents", "US", "appointedById", duplicate))
                .getString("appointEnvoy.id");
        String trip = data("mutation($input: TripInput!) { recordTrip(input: $input) { id } }", "input", vars(
                "envoyId", envoy, "destination", vars("name", "Washington"), "arrivedOn", "2025-04-02"))
                .getString("recordTrip.id");
        String alone = talk("Dmitriyev meets Counterpart", "2025-04-03",
                vars("personId", other, "role", "HOST"), vars("personId", duplicate, "role", "VISITOR", "envoyId", envoy));
        String together = talk("Both records at one table", "2025-02-18",
                vars("personId", kept, "role", "PARTICIPANT"), vars("personId", duplicate, "role", "VISITOR"),
                vars("personId", other, "role", "HOST"));
        int togetherVersion = data(TALK, "id", together).getInt("talk.version");
        String statement = data("mutation($input: StatementInput!) { recordStatement(input: $input) { id } }",
                "input", vars("speakerId", duplicate, "quote", "Bridges are being built.", "saidOn", "2025-04-03"))
                .getString("recordStatement.id");
        String outcome = data("mutation($input: OutcomeInput!) { recordOutcome(input: $input) { id } }", "input", vars(
                "kind", "COMMITMENT", "title", Fixtures.unique("Flights resume"), "beneficiaryIds", List.of(duplicate, other),
                "creditedToIds", List.of(kept, duplicate))).getString("recordOutcome.id");
        int keptVersion = data(PERSON, "id", kept).getInt("person.version");
        int dupVersion = data(PERSON, "id", duplicate).getInt("person.version");

        JsonPath merged = data(MERGE, "keep", kept, "merge", duplicate, "kv", keptVersion, "mv", dupVersion)
                .setRootPath("mergePeople");

        assertEquals(kept, merged.getString("id"));
        assertEquals(keptName, merged.getString("name"));
        assertEquals(keptVersion + 1, merged.getInt("version"));
        assertEquals(List.of("K. Dmitriev", dupName, "Кирилл Дмитриев"), merged.getList("aliases"));
        assertEquals(List.of(alias("K. Dmitriev", "ru-Latn"), alias(dupName, null), alias("Кирилл Дмитриев", "ru")),
                merged.getList("aliasesWithLanguage"), "the duplicate's name is an alias, and every language is kept");
        assertEquals("1975-04-12", merged.getString("birthDate"));
        assertEquals("RU", merged.getString("countryCode"));
        assertEquals(wikidata, merged.getString("wikidataId"));
        assertEquals("Head of the RDIF.", merged.getString("summary"), "the kept person's summary stays");
        assertEquals(List.of("Chief Executive", "Special Presidential Envoy"), merged.getList("positions.title"),
                "positions appended, the identical one once");
        assertEquals(List.of("Dmitriev, the fund's head", "Dmitriyev, Putin's envoy"), merged.getList("citations.excerpt"));
        assertEquals(List.of(alone, together).stream().sorted().toList(),
                merged.<String> getList("talks.nodes.id").stream().sorted().toList());
        assertEquals(List.of(statement), merged.getList("statements.nodes.id"));
        assertEquals(List.of(kept), merged.getList("statements.nodes.speaker.id"));
        assertEquals(List.of(envoy), merged.getList("envoyAppointments.id"));
        assertEquals(List.of(trip), merged.getList("envoyAppointments[0].trips.nodes.id"), "the appointment keeps its trip");

        JsonPath bothThere = data(TALK, "id", together).setRootPath("talk");
        assertEquals(List.of(kept, other), bothThere.getList("participants.person.id"),
                "one participation for the person, in the kept one's place");
        assertEquals(List.of("VISITOR", "HOST"), bothThere.getList("participants.role"),
                "the specific role wins over PARTICIPANT");
        assertEquals(togetherVersion + 1, bothThere.getInt("version"), "the talk's change is a new version");
        assertEquals(List.of(0, 1), ordinals("talk_participant", "talk_id", together),
                "the participations close up, as the talk's list is stored");
        assertEquals(List.of(0), ordinals("outcome_credit", "outcome_id", outcome));
        JsonPath moved = data(TALK, "id", alone).setRootPath("talk");
        assertEquals(List.of(other, kept), moved.getList("participants.person.id"));
        assertEquals(envoy, moved.getString("participants[1].asEnvoy.id"));
        JsonPath facts = data("""
                query($outcome: ID!, $envoy: ID!) {
                  outcome(id: $outcome) { beneficiaries { id } creditedTo { id } }
                  envoy(id: $envoy) { person { id } appointedBy { id } } }""", "outcome", outcome, "envoy",
                appointedByDuplicate);
        assertEquals(List.of(kept, other), facts.getList("outcome.beneficiaries.id"));
        assertEquals(List.of(kept), facts.getList("outcome.creditedTo.id"), "a person credited twice is credited once");
        assertEquals(kept, facts.getString("envoy.appointedBy.id"));

        // The duplicate's ID answers with the kept person.
        assertEquals(kept, data(PERSON, "id", duplicate).getString("person.id"));
        JsonPath byNode = data("query($id: ID!, $ids: [ID!]!) { node(id: $id) { id ... on Person { name } } nodes(ids: $ids) { id } }",
                "id", duplicate, "ids", List.of(duplicate, kept));
        assertEquals(kept, byNode.getString("node.id"));
        assertEquals(keptName, byNode.getString("node.name"));
        assertEquals(List.of(kept, kept), byNode.getList("nodes.id"));
        assertEquals(List.of(other), data("query($id: ID!) { counterparts(personId: $id) { person { id } } }", "id",
                duplicate).getList("counterparts.person.id"));
        assertEquals(2, data("query($id: ID!) { talks(filter: {participantIds: [$id]}) { totalCount } }", "id", duplicate)
                .getInt("talks.totalCount"));
        assertEquals(List.of(kept), data("{ people(filter: {name: \"" + dupName + "\"}) { nodes { id } } }")
                .getList("people.nodes.id"), "the duplicate's name finds the kept person");

        // History: the kept person's revision shows the merge, the duplicate's ends deleted.
        JsonPath keptHistory = data(HISTORY, "id", kept).setRootPath("history");
        int last = keptHistory.getList("number").size() - 1;
        assertEquals("UPDATED", keptHistory.getString("action[" + last + "]"));
        assertEquals(List.of(duplicate), keptHistory.getList("mergedIds[" + last + "]"));
        assertEquals(List.of(), keptHistory.getList("mergedIds[0]"));
        List<String> fields = keptHistory.getList("changes[" + last + "].field");
        assertTrue(fields.containsAll(List.of("aliases", "aliasLanguages", "birthDate", "countryCode", "wikidataId")),
                fields::toString);
        JsonPath dupHistory = data(HISTORY, "id", duplicate).setRootPath("history");
        assertEquals("DELETED", dupHistory.getString("action[-1]"));

        // The change feed: the duplicate deleted, with a pointer to the kept person.
        List<Map<String, Object>> feed = changesSince(start);
        Map<String, Object> deletion = feed.stream().filter(c -> duplicate.equals(c.get("id"))
                && "DELETED".equals(c.get("operation"))).findFirst().orElseThrow(() -> new AssertionError(feed));
        assertNull(deletion.get("record"));
        assertEquals(Map.of("id", kept, "name", keptName), deletion.get("mergedInto"));
        assertTrue(feed.stream().filter(c -> !"DELETED".equals(c.get("operation"))).allMatch(c -> c.get("mergedInto") == null));
        assertTrue(feed.stream().anyMatch(c -> statement.equals(c.get("id")) && "UPDATED".equals(c.get("operation"))
                && String.valueOf(c.get("changes")).contains("speakerId")), feed::toString);
        for (String changed : List.of(together, alone, outcome, envoy, appointedByDuplicate)) {
            assertTrue(feed.stream().anyMatch(c -> changed.equals(c.get("id")) && "UPDATED".equals(c.get("operation"))),
                    () -> changed + " has an update in " + feed);
        }

        // The bundle export holds the kept person, with everything, and not the duplicate.
        JsonPath bundle = JsonPath.from(given().when().get("/export/bundle").then().statusCode(200).extract().asString());
        assertEquals(List.of(), bundle.getList("people.findAll { it.ref == '" + duplicate + "' }"));
        Map<String, Object> keptDoc = bundle.getMap("people.find { it.ref == '" + kept + "' }");
        assertEquals(wikidata, keptDoc.get("wikidataId"));
        assertEquals(List.of("K. Dmitriev", dupName, "Кирилл Дмитриев"), keptDoc.get("aliases"));
        assertTrue(String.valueOf(bundle.getList("talks.findAll { it.ref == '" + together + "' }.participants"))
                .contains(kept));
        assertTrue(!given().when().get("/export/bundle").then().extract().asString().contains("\"" + duplicate + "\""),
                "no record of the bundle refers to the duplicate");
    }

    @Test
    void differentWikidataIdsBirthDatesOrRolesAreAConflictAndNothingChanges() {
        String kept = createPerson(vars("name", Fixtures.unique("One"), "wikidataId", qid(), "birthDate", "1960-01-01"));
        String duplicate = createPerson(vars("name", Fixtures.unique("Other"), "wikidataId", qid(),
                "birthDate", "1961-01-01", "countryCode", "FR"));
        String talk = talk("A host and a visitor", "2025-01-10", vars("personId", kept, "role", "HOST"),
                vars("personId", duplicate, "role", "VISITOR"));
        int talkVersion = data(TALK, "id", talk).getInt("talk.version");
        int keptVersion = data(PERSON, "id", kept).getInt("person.version");

        Map<String, Object> conflict = error("CONFLICT", MERGE, "keep", kept, "merge", duplicate);
        String message = (String) conflict.get("message");
        assertTrue(message.contains("wikidataId") && message.contains("birthDate") && message.contains("HOST"), message);
        assertTrue(!message.contains("countryCode"), "a value only one of them has is no conflict: " + message);

        assertEquals(duplicate, data(PERSON, "id", duplicate).getString("person.id"), "the duplicate is still there");
        assertEquals(keptVersion, data(PERSON, "id", kept).getInt("person.version"));
        JsonPath unchanged = data(TALK, "id", talk).setRootPath("talk");
        assertEquals(talkVersion, unchanged.getInt("version"));
        assertEquals(List.of(kept, duplicate), unchanged.getList("participants.person.id"));
        assertEquals(List.of(), data(HISTORY, "id", kept).getList("history.mergedIds.flatten()"));
    }

    @Test
    void anEnvoyAppointedByTheirOwnDuplicateIsAConflict() {
        String kept = Fixtures.person(Fixtures.unique("Appointer"));
        String duplicate = Fixtures.person(Fixtures.unique("Appointer again"));
        data("mutation($input: EnvoyInput!) { appointEnvoy(input: $input) { id } }", "input", vars(
                "personId", kept, "title", "Envoy", "represents", "US", "appointedById", duplicate));
        assertTrue(((String) error("CONFLICT", MERGE, "keep", kept, "merge", duplicate).get("message"))
                .contains("envoy appointment"));
        assertEquals(duplicate, data(PERSON, "id", duplicate).getString("person.id"));
    }

    @Test
    void staleVersionsAreAConflict() {
        String kept = Fixtures.person(Fixtures.unique("Versioned kept"));
        String duplicate = Fixtures.person(Fixtures.unique("Versioned duplicate"));
        assertTrue(((String) error("CONFLICT", MERGE, "keep", kept, "merge", duplicate, "kv", 5).get("message"))
                .contains("keepVersion"));
        assertTrue(((String) error("CONFLICT", MERGE, "keep", kept, "merge", duplicate, "mv", 3).get("message"))
                .contains("mergeVersion"));
        assertEquals(duplicate, data(PERSON, "id", duplicate).getString("person.id"));
        assertEquals(kept, data(MERGE, "keep", kept, "merge", duplicate, "kv", 0, "mv", 0).getString("mergePeople.id"));
    }

    @Test
    void onlyAdminsMerge() {
        String kept = Fixtures.person(Fixtures.unique("Guarded"));
        String duplicate = Fixtures.person(Fixtures.unique("Guarded twin"));
        assertEquals(List.of("FORBIDDEN"), postAs(Tokens.withRoles(Roles.EDITOR), MERGE, "keep", kept, "merge", duplicate)
                .getList("errors.extensions.code"));
        assertEquals(List.of("UNAUTHENTICATED"), postAs(null, MERGE, "keep", kept, "merge", duplicate)
                .getList("errors.extensions.code"));
        assertEquals(duplicate, data(PERSON, "id", duplicate).getString("person.id"));
        assertEquals(kept, postAs(Tokens.withRoles(Roles.ADMIN), MERGE, "keep", kept, "merge", duplicate)
                .getString("data.mergePeople.id"));
    }

    @Test
    void badIdsAreNamedByTheirArgument() {
        String person = Fixtures.person(Fixtures.unique("Well formed"));
        String talk = talk("Not a person", "2025-01-11", vars("personId", person, "role", "HOST"));
        assertEquals("keep", badInputField(MERGE, "keep", talk, "merge", person));
        assertEquals("merge", badInputField(MERGE, "keep", person, "merge", talk));
        assertEquals("merge", badInputField(MERGE, "keep", person, "merge", "not-an-id"));
        assertEquals("keep", badInputField(MERGE, "keep", "", "merge", person));
        assertEquals("merge", badInputField(MERGE, "keep", person, "merge", person), "a person is not their own duplicate");

        String absent = GlobalId.encode(NodeType.PERSON, 999_999_999L);
        assertEquals("keep", field(error("NOT_FOUND", MERGE, "keep", absent, "merge", person)));
        assertEquals("merge", field(error("NOT_FOUND", MERGE, "keep", person, "merge", absent)));
        assertEquals(person, data(PERSON, "id", person).getString("person.id"));
    }

    @Test
    void mergingTwiceChangesNothingAndChainsEndWithTheLastKeptPerson() {
        String start = endOfFeed();
        String aName = Fixtures.unique("Chain A");
        String a = Fixtures.person(aName);
        String b = Fixtures.person(Fixtures.unique("Chain B"));
        String c = Fixtures.person(Fixtures.unique("Chain C"));
        Fixtures.talk("Chain talk", "2025-03-01", null, a);

        int afterFirst = data(MERGE, "keep", b, "merge", a).getInt("mergePeople.version");
        int revisions = data(HISTORY, "id", b).getList("history").size();
        JsonPath again = data(MERGE, "keep", b, "merge", a).setRootPath("mergePeople");
        assertEquals(b, again.getString("id"));
        assertEquals(afterFirst, again.getInt("version"), "merging again finds nothing left to do");
        assertEquals(revisions, data(HISTORY, "id", b).getList("history").size());

        data(MERGE, "keep", c, "merge", b);
        assertEquals(c, data(PERSON, "id", a).getString("person.id"), "A was merged into B, B into C: A answers with C");
        assertEquals(c, data("query($id: ID!) { node(id: $id) { id } }", "id", b).getString("node.id"));
        JsonPath cNow = data(PERSON, "id", c).setRootPath("person");
        assertTrue(cNow.<String> getList("aliases").contains(aName), "A's name came along through B");
        assertEquals(List.of(c), data("query($id: ID!) { talks(filter: {participantIds: [$id]}) { nodes { participants { person { id } } } } }",
                "id", a).getList("talks.nodes[0].participants.person.id"));
        List<Map<String, Object>> feed = changesSince(start);
        for (String merged : List.of(a, b)) {
            Map<String, Object> deletion = feed.stream().filter(x -> merged.equals(x.get("id"))
                    && "DELETED".equals(x.get("operation"))).findFirst().orElseThrow();
            assertEquals(c, ((Map<?, ?>) deletion.get("mergedInto")).get("id"), "every merged ID points to the person now kept");
        }
        assertEquals(c, data(MERGE, "keep", a, "merge", c).getString("mergePeople.id"),
                "two IDs that already answer with one person: nothing to do");
    }

    @Test
    void writesNamingAMergedPersonNameTheKeptOne() {
        String kept = Fixtures.person(Fixtures.unique("Written kept"));
        String duplicate = Fixtures.person(Fixtures.unique("Written duplicate"));
        data(MERGE, "keep", kept, "merge", duplicate);

        String talk = talk("Named by the old ID", "2025-03-02", vars("personId", duplicate, "role", "HOST"));
        assertEquals(List.of(kept), data(TALK, "id", talk).getList("talk.participants.person.id"));
        assertEquals("input.participants[1].personId", badInputField(
                "mutation($input: TalkInput!) { recordTalk(input: $input) { id } }", "input", vars("title", "Twice",
                        "date", "2025-03-03", "participants", List.of(vars("personId", kept, "role", "HOST"),
                                vars("personId", duplicate, "role", "VISITOR")))));
        assertEquals(kept, data("mutation($input: StatementInput!) { recordStatement(input: $input) { speaker { id } } }",
                "input", vars("speakerId", duplicate, "quote", "Still me.", "saidOn", "2025-03-02"))
                .getString("recordStatement.speaker.id"));
        assertEquals("input.beneficiaryIds[1]", badInputField(
                "mutation($input: OutcomeInput!) { recordOutcome(input: $input) { id } }", "input", vars("kind", "OTHER",
                        "title", Fixtures.unique("Twice"), "beneficiaryIds", List.of(kept, duplicate))));

        JsonPath updated = data("mutation($id: ID!, $input: PersonInput!) { updatePerson(id: $id, input: $input) { id name } }",
                "id", duplicate, "input", vars("name", "Renamed through the old ID")).setRootPath("updatePerson");
        assertEquals(kept, updated.getString("id"));
        assertEquals("Renamed through the old ID", updated.getString("name"));

        Map<String, Object> refused = error("NOT_FOUND", "mutation($id: ID!) { deletePerson(id: $id) }", "id", duplicate);
        assertTrue(((String) refused.get("message")).contains(kept), refused::toString);
        assertEquals(kept, data(PERSON, "id", kept).getString("person.id"), "deleting by the old ID deletes nothing");
    }

    private static String createPerson(Map<String, Object> input) {
        return data("mutation($input: PersonInput!) { createPerson(input: $input) { id } }", "input", input)
                .getString("createPerson.id");
    }

    @SafeVarargs
    private static String talk(String title, String date, Map<String, Object>... participants) {
        return data("mutation($input: TalkInput!) { recordTalk(input: $input) { id } }", "input", vars("title",
                Fixtures.unique(title), "date", date, "participants", List.of(participants))).getString("recordTalk.id");
    }

    private static String qid() {
        return "Q" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    }

    private static Map<String, Object> alias(String name, String language) {
        Map<String, Object> alias = new java.util.LinkedHashMap<>();
        alias.put("name", name);
        alias.put("language", language);
        return alias;
    }

    @SuppressWarnings("unchecked")
    private static String field(Map<String, Object> error) {
        return (String) ((Map<String, Object>) error.get("extensions")).get("field");
    }

    /** The stored ordinals of a record's list rows, in order. */
    private static List<Integer> ordinals(String table, String ownerColumn, String ownerId) {
        try (Connection connection = TestDatabase.connection(); PreparedStatement select = connection.prepareStatement(
                "select ordinal from " + table + " where " + ownerColumn + " = ? order by ordinal")) {
            select.setLong(1, GlobalId.decode(ownerId, "id").key());
            List<Integer> ordinals = new java.util.ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ordinals.add(rows.getInt(1));
                }
            }
            return ordinals;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String endOfFeed() {
        String cursor = null;
        JsonPath page;
        do {
            page = data(CHANGES, "after", cursor).setRootPath("changes");
            cursor = page.getString("pageInfo.endCursor");
        } while (page.getBoolean("pageInfo.hasNextPage"));
        return cursor;
    }

    private static List<Map<String, Object>> changesSince(String start) {
        List<Map<String, Object>> seen = new java.util.ArrayList<>();
        String cursor = start;
        JsonPath page;
        do {
            page = data(CHANGES, "after", cursor).setRootPath("changes");
            seen.addAll(page.getList("nodes"));
            cursor = page.getString("pageInfo.endCursor");
            assertNotNull(cursor);
        } while (page.getBoolean("pageInfo.hasNextPage"));
        return seen;
    }
}
