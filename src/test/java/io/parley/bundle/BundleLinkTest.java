package io.parley.bundle;

import static io.parley.bundle.BundleImportTest.importing;
import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.postAs;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.parley.common.Roles;
import io.parley.graphql.Fixtures;
import io.parley.graphql.GraphQLClient;
import io.parley.graphql.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * What the report desk builds on: a bundle checked without writing (dryRun), and a record of a
 * bundle linked to the stored record it is (linkBundleRecord), so that importing adds to that
 * record instead of creating a second one.
 */
@QuarkusTest
class BundleLinkTest {

    private static final String EDITOR = Tokens.withRoles(Roles.EDITOR);
    private static final String LINK = "mutation($b: String!, $r: String!, $id: ID!) { linkBundleRecord(bundle: $b, ref: $r, id: $id) { bundle ref notes } }";
    private static final String IMPORT = "mutation($b: String!, $dry: Boolean) { importBundle(bundle: $b, dryRun: $dry) { created matched updated dryRun records { ref action } } }";

    private static int people(String name) {
        return data("query($n: String) { people(filter: {name: $n}) { totalCount } }", "n", name).getInt("people.totalCount");
    }

    /** A report naming someone (as the report writes them) who says something. */
    private static String report(String tag, String writtenAs) {
        return """
                {"sources": [{"ref": "s", "publisher": "Link wire %1$s", "passages": [{"ref": "s/1", "text": "%2$s said the talks went well (%1$s)."}]}],
                 "people": [{"ref": "person-1", "name": "%2$s", "citations": [{"sourceId": "s", "passage": "s/1"}]}],
                 "statements": [{"ref": "statement-1", "speakerId": "person-1", "quote": "The talks went well (%1$s).", "saidOn": "2025-03-14",
                                 "citations": [{"sourceId": "s", "passage": "s/1"}]}]}
                """.formatted(tag, writtenAs);
    }

    @Test
    void aDryRunChecksEverythingAndWritesNothing() {
        String tag = Fixtures.unique("dry");
        String bundle = BundleImportTest.bundle(tag, "Dry talk " + tag);
        JsonPath dry = postAs(EDITOR, IMPORT, "b", bundle, "dry", true);
        assertNull(dry.get("errors"), dry::prettify);
        assertEquals(true, dry.getBoolean("data.importBundle.dryRun"));
        assertEquals(5, dry.getInt("data.importBundle.created"));
        assertEquals(0, people("Alice " + tag), "a dry run writes nothing");

        JsonPath posted = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + EDITOR).body(bundle)
                .post("/import?dryRun=true").then().statusCode(200).extract().jsonPath();
        assertEquals(true, posted.getBoolean("dryRun"));
        assertEquals(5, posted.getInt("created"));
        assertEquals(0, people("Alice " + tag), "a dry run writes nothing");

        JsonPath imported = importing(EDITOR, bundle).then().statusCode(200).extract().jsonPath();
        assertEquals(false, imported.getBoolean("dryRun"));
        assertEquals(5, imported.getInt("created"));
        assertEquals(1, people("Alice " + tag));
        assertEquals(5, postAs(EDITOR, IMPORT, "b", bundle, "dry", true).getInt("data.importBundle.matched"),
                "checked again, it would change nothing");

        // A refusal is the import's: every problem at its path.
        JsonPath refused = postAs(EDITOR, IMPORT, "b", bundle.replace("\"personId\": \"b\"", "\"personId\": \"nobody\""), "dry", true);
        assertEquals(List.of("$.talks[0].participants[1].personId"), refused.getList("errors[0].extensions.problems.path"));
    }

    @Test
    void aLinkedPersonIsTheStoredOneWithTheReportsCitationAndSpelling() {
        String tag = Fixtures.unique("link");
        String stored = Fixtures.person("Дмитрий Песков " + tag);
        String writtenAs = "Dmitry Peskov " + tag;
        JsonPath linked = data(LINK, "b", report(tag, writtenAs), "r", "person-1", "id", stored);
        assertEquals(stored, linked.getString("linkBundleRecord.ref"));
        assertEquals(List.of("a citation", "another spelling: " + writtenAs), linked.getList("linkBundleRecord.notes"));
        JsonPath bundle = JsonPath.from(linked.getString("linkBundleRecord.bundle"));
        assertEquals(List.of(stored), bundle.getList("people.ref"));
        assertEquals("Дмитрий Песков " + tag, bundle.getString("people[0].name"));
        assertEquals(stored, bundle.getString("statements[0].speakerId"), "every reference names the stored person");

        JsonPath imported = importing(EDITOR, linked.getString("linkBundleRecord.bundle")).then().statusCode(200).extract().jsonPath();
        assertEquals("UPDATED", imported.getString("records.find { it.ref == '" + stored + "' }.action"));
        JsonPath person = data("query($id: ID!) { person(id: $id) { name aliases citations { source { publisher } } } "
                + "statements(filter: {speakerIds: [$id]}) { nodes { quote } } }", "id", stored);
        assertEquals(List.of(writtenAs), person.getList("person.aliases"));
        assertEquals(List.of("Link wire " + tag), person.getList("person.citations.source.publisher"));
        assertEquals(List.of("The talks went well (" + tag + ")."), person.getList("statements.nodes.quote"));
        List<String> found = data("query($n: String) { people(filter: {name: $n}) { nodes { id } } }", "n", writtenAs).getList("people.nodes.id");
        assertTrue(found.contains(stored), "found by the report's spelling now: " + found);
    }

    @Test
    void linkingIntoARecordAlreadyInTheBundleMergesThem() {
        String tag = Fixtures.unique("merge");
        String stored = Fixtures.person("Stored Envoy " + tag);
        // The stored person is in the bundle already (as a draft's match would be), and a second,
        // proposed person is the same one.
        String bundle = report(tag, "Proposed Envoy " + tag).replace("\"people\": [", "\"people\": [{\"ref\": \"" + stored
                + "\", \"name\": \"Stored Envoy " + tag + "\"}, ");
        JsonPath linked = data(LINK, "b", bundle, "r", "person-1", "id", stored);
        JsonPath merged = JsonPath.from(linked.getString("linkBundleRecord.bundle"));
        assertEquals(List.of(stored), merged.getList("people.ref"));
        assertEquals(List.of("Proposed Envoy " + tag), merged.getList("people[0].aliases"));
        assertEquals(1, merged.getList("people[0].citations").size());
    }

    @Test
    void aLinkNamesItsProblemAndNeedsAnEditor() {
        String tag = Fixtures.unique("bad link");
        String person = Fixtures.person("Someone " + tag);
        String talk = Fixtures.talk("Talk " + tag, "2025-03-01", null, person);
        String bundle = report(tag, "Someone else " + tag);
        assertEquals("ref", GraphQLClient.badInputField(LINK, "b", bundle, "r", "nobody", "id", person));
        assertEquals("id", GraphQLClient.badInputField(LINK, "b", bundle, "r", "person-1", "id", talk));
        assertEquals("bundle", GraphQLClient.badInputField(LINK, "b", "not json", "r", "person-1", "id", person));
        Map<String, Object> forbidden = postAs(Tokens.withRoles(Roles.READER), LINK, "b", bundle, "r", "person-1", "id", person)
                .getMap("errors[0].extensions");
        assertEquals("FORBIDDEN", forbidden.get("code"));
        assertEquals("UNAUTHENTICATED", postAs(null, LINK, "b", bundle, "r", "person-1", "id", person).getString("errors[0].extensions.code"));
    }
}
