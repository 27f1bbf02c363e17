package io.parley.bundle;

import static io.parley.graphql.GraphQLClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.TestDatabase;
import io.parley.common.Roles;
import io.parley.graphql.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * An import names a person Parley holds in another spelling, and links to them (issue 22): by
 * Wikidata ID, name, alias, or a near-miss PersonNames judges, never creating a second one; the
 * new spelling is kept as an alias, so the next import matches it exactly. Someone else with a
 * similar name is created; a spelling as close to several people is refused, naming them. Each
 * test starts from the demo data alone (the profile of {@link BundleRoundTripTest}: no demo data
 * loaded at start-up, so the tables are emptied and the demo bundles imported here), as the
 * imports here change the demo people.
 */
@QuarkusTest
@TestProfile(BundleRoundTripTest.WithoutDemoData.class)
class BundlePersonMatchingTest {

    private static final String EDITOR = Tokens.withRoles(Roles.EDITOR);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PERSON = "query($id: ID!) { person(id: $id) { name aliases wikidataId } }";

    @BeforeEach
    void demoDataAlone() throws Exception {
        try (Connection connection = TestDatabase.connection(); Statement statement = connection.createStatement()) {
            statement.execute("truncate citation, statement, outcome_credit, outcome_beneficiary, outcome_figure,"
                    + " outcome_talk, outcome, trip_talk, trip, talk_participant, talk, track, envoy, person_position,"
                    + " person_merge, person, source");
        }
        for (String bundle : List.of("demo/report-1.json", "demo/report-2.json")) {
            BundleImportTest.importing(EDITOR, resource(bundle)).then().statusCode(200);
        }
    }

    /** A bundle of one person, from its JSON fields (without the ref), with ref {@code p}. */
    private static String person(String fields) {
        return "{\"people\": [{\"ref\": \"p\", " + fields + "}]}";
    }

    private static String named(String name) throws IOException {
        return person("\"name\": " + JSON.writeValueAsString(name));
    }

    private static JsonPath imported(String bundle) {
        return BundleImportTest.importing(EDITOR, bundle).then().statusCode(200).extract().jsonPath();
    }

    private static String idOf(String storedName) {
        List<String> ids = data("query($n: String) { people(first: 5, filter: {name: $n}) { nodes { id name } } }",
                "n", storedName).getList("people.nodes.findAll { it.name == '" + storedName + "' }.id");
        assertEquals(1, ids.size(), storedName);
        return ids.get(0);
    }

    private static int people() {
        return data("{ people { totalCount } }").getInt("people.totalCount");
    }

    @ParameterizedTest(name = "{0} is {1}, by {2}")
    @CsvSource(delimiter = '|', value = {
        // spelling in the bundle | stored person | matched by | whether the spelling is new to them
        "Vitkoff                  | Steve Witkoff   | ALIAS        | false",
        "Steven Witkoff           | Steve Witkoff   | ALIAS        | false",
        "Стив Уиткофф             | Steve Witkoff   | ALIAS        | false",
        "Michael Waltz            | Mike Waltz      | ALIAS        | false",
        "Владимир Путин           | Vladimir Putin  | ALIAS        | false",
        "Путин                    | Vladimir Putin  | SIMILAR_NAME | true",
        "Dmitriyev                | Kirill Dmitriev | SIMILAR_NAME | true",
        "Kirill Dmitryev          | Kirill Dmitriev | SIMILAR_NAME | true",
        "Dmitry Peskow            | Dmitry Peskov   | SIMILAR_NAME | true",
        "Steve Witkof             | Steve Witkoff   | SIMILAR_NAME | true",
        "Mick Waltz               | Mike Waltz      | SIMILAR_NAME | true",
        "dmitry peskov            | Dmitry Peskov   | SIMILAR_NAME | false",
    })
    void aKnownPersonInAnotherSpellingIsLinkedAndTheSpellingKept(String spelling, String stored, ImportMatch by,
            boolean isNew) throws IOException {
        String id = idOf(stored);
        List<String> aliasesBefore = data(PERSON, "id", id).getList("person.aliases");
        int before = people();

        JsonPath first = imported(named(spelling));
        assertEquals(id, first.getString("records[0].id"), first::prettify);
        assertEquals(by.name(), first.getString("records[0].matchedBy"), first::prettify);
        assertEquals(0, first.getInt("created"));
        assertEquals(before, people());
        JsonPath person = data(PERSON, "id", id);
        assertEquals(stored, person.getString("person.name"), "the stored name stays");
        List<String> aliases = person.getList("person.aliases");
        assertEquals(isNew, !aliasesBefore.contains(spelling) && aliases.contains(spelling), aliases::toString);
        assertTrue(aliases.containsAll(aliasesBefore), "the stored aliases are kept: " + aliases);
        assertFalse(aliases.contains(stored), aliases::toString);

        // Now that the spelling is theirs, importing it again finds them by it and changes nothing.
        JsonPath again = imported(named(spelling));
        assertEquals(id, again.getString("records[0].id"));
        assertEquals("MATCHED", again.getString("records[0].action"), again::prettify);
        assertEquals(isNew ? "ALIAS" : by.name(), again.getString("records[0].matchedBy"));
        assertEquals(before, people());
    }

    @Test
    void aWikidataIdLinksWhateverTheSpellingAndTheSpellingIsKept() {
        String witkoff = idOf("Steve Witkoff");
        JsonPath result = imported(person("\"name\": \"Stiv Uitkoff\", \"wikidataId\": \"Q7614318\""));
        assertEquals(witkoff, result.getString("records[0].id"));
        assertEquals("WIKIDATA_ID", result.getString("records[0].matchedBy"));
        assertEquals("UPDATED", result.getString("records[0].action"));
        JsonPath person = data(PERSON, "id", witkoff);
        assertEquals("Steve Witkoff", person.getString("person.name"));
        assertTrue(person.getList("person.aliases").contains("Stiv Uitkoff"));

        // The exact name still matches as it did, and a matched name's record is not renamed.
        JsonPath byName = imported(person("\"name\": \"Mike Waltz\""));
        assertEquals("NAME", byName.getString("records[0].matchedBy"));
        assertEquals(idOf("Mike Waltz"), byName.getString("records[0].id"));
    }

    @Test
    void someoneElseWithASimilarNameIsCreated() throws IOException {
        int before = people();
        String witkoff = idOf("Steve Witkoff");
        // Another given name: a relative, not Steve Witkoff (his lone alias "Vitkoff" says
        // nothing of given names).
        JsonPath anna = imported(named("Anna Witkoff"));
        assertEquals("CREATED", anna.getString("records[0].action"), anna::prettify);
        assertNull(anna.getString("records[0].matchedBy"));
        assertFalse(witkoff.equals(anna.getString("records[0].id")));
        // Another Wikidata ID is another person, even under one of his names.
        JsonPath namesake = imported(person("\"name\": \"Steven Witkoff\", \"wikidataId\": \"Q999999\""));
        assertEquals("CREATED", namesake.getString("records[0].action"), namesake::prettify);
        assertFalse(witkoff.equals(namesake.getString("records[0].id")));
        // Too far off to be a typo: a surname under five letters is exact.
        assertEquals("CREATED", imported(named("Mike Walt")).getString("records[0].action"));
        assertEquals(before + 3, people());
        assertEquals("Steve Witkoff", data(PERSON, "id", witkoff).getString("person.name"));
    }

    @Test
    void aSpellingAsCloseToSeveralPeopleIsRefusedNamingThemUntilTheBundleSaysWhich() throws IOException {
        String create = "mutation($n: String!) { createPerson(input: {name: $n}) { id } }";
        String jon = data(create, "n", "Jon Sandoval").getString("createPerson.id");
        String jan = data(create, "n", "Jan Sandoval").getString("createPerson.id");
        int before = people();
        String bundle = """
                {"people": [{"ref": "a", "name": "Ada Sandoval-Test"}, {"ref": "j", "name": "J. Sandoval"}]}""";
        JsonPath refused = BundleImportTest.importing(EDITOR, bundle).then().statusCode(400).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", refused.getString("errors[0].extensions.code"));
        List<Map<String, String>> problems = refused.getList("errors[0].extensions.problems");
        assertEquals(1, problems.size(), problems::toString);
        assertEquals("$.people[1].name", problems.get(0).get("path"));
        String message = problems.get(0).get("message");
        assertTrue(message.contains(jon) && message.contains(jan) && message.contains("Jon Sandoval")
                && message.contains("Jan Sandoval"), message);
        assertEquals(before, people(), "nothing was imported, the first person included");

        // A lone surname is as ambiguous.
        BundleImportTest.importing(EDITOR, named("Sandoval")).then().statusCode(400);

        // The stored person's ID as the ref says which.
        JsonPath byRef = imported(bundle.replace("\"ref\": \"j\"", "\"ref\": \"" + jan + "\""));
        assertEquals(jan, byRef.getString("records[1].id"), byRef::prettify);
        assertEquals("SIMILAR_NAME", byRef.getString("records[1].matchedBy"));
        assertTrue(data(PERSON, "id", jan).getList("person.aliases").contains("J. Sandoval"));
        // So does the name exactly as stored.
        JsonPath byName = imported(named("Jon Sandoval"));
        assertEquals(jon, byName.getString("records[0].id"));
        assertEquals("NAME", byName.getString("records[0].matchedBy"));
        assertEquals(before + 1, people(), "only Ada was created");
    }

    @Test
    void theSpellingAddedKeepsTheBundlesOwnAliasesAndTheStoredLanguages() {
        String dmitriev = idOf("Kirill Dmitriev");
        JsonPath result = imported(person("""
                "name": "Kirill Dmitryev", "aliases": ["K. Dmitriev"],
                "aliasesWithLanguage": [{"name": "Kirill Dmitriev", "language": "en"}]"""));
        assertEquals(dmitriev, result.getString("records[0].id"));
        assertEquals("ALIAS", result.getString("records[0].matchedBy"), "one of the bundle's aliases is his name");
        JsonPath person = data("query($id: ID!) { person(id: $id) { name aliases aliasesWithLanguage { name language } } }",
                "id", dmitriev);
        List<String> aliases = person.getList("person.aliases");
        assertTrue(aliases.containsAll(List.of("Kirill Dmitryev", "K. Dmitriev", "Кирилл Дмитриев")), aliases::toString);
        assertFalse(aliases.contains("Kirill Dmitriev"), "not an alias of itself: " + aliases);
        List<Map<String, String>> tagged = person.getList("person.aliasesWithLanguage");
        assertTrue(tagged.contains(Map.of("name", "Кирилл Дмитриев", "language", "ru")), tagged::toString);
    }

    /** People who are one another in other spellings, and one who is no one else, in bundle order. */
    private static final List<String> KIN = List.of(
            "{\"ref\": \"a\", \"name\": \"Nadia Okonkwo\"}",
            "{\"ref\": \"b\", \"name\": \"Nadia Okonkwoo\"}",
            "{\"ref\": \"c\", \"name\": \"Надя Оконкво\", \"aliases\": [\"Nadia Okonkwo\"]}",
            "{\"ref\": \"d\", \"name\": \"Tomas Lindqvist\", \"wikidataId\": \"Q123456789\"}",
            "{\"ref\": \"e\", \"name\": \"T. Lindkvist-Berg\", \"wikidataId\": \"Q123456789\"}",
            "{\"ref\": \"f\", \"name\": \"Omar Haddad\"}");

    /**
     * The people of one bundle are matched a slice at a time, against the people stored when the
     * slice began; one who is someone the slice created or renamed just before is still found, as
     * importing them one bundle at a time finds them: the same people, IDs aside, the same names,
     * aliases and matches.
     */
    @Test
    void peopleOfOneBundleAreOneAnotherAsWhenImportedOneByOne() throws Exception {
        JsonPath together = imported("{\"people\": [" + String.join(", ", KIN) + "]}");
        List<String> ids = together.getList("records.id");
        assertEquals(List.of("CREATED", "UPDATED", "UPDATED", "CREATED", "UPDATED", "CREATED"),
                together.getList("records.action"), together::prettify);
        assertEquals(java.util.Arrays.asList(null, "SIMILAR_NAME", "ALIAS", null, "WIKIDATA_ID", null),
                together.getList("records.matchedBy"));
        assertEquals(List.of(ids.get(0), ids.get(0), ids.get(0), ids.get(3), ids.get(3), ids.get(5)), ids);
        List<Object> stored = ids.stream().map(id -> (Object) data(PERSON, "id", id).getMap("person")).toList();

        demoDataAlone();
        List<String> oneByOne = new java.util.ArrayList<>();
        List<String> actions = new java.util.ArrayList<>();
        List<String> matchedBy = new java.util.ArrayList<>();
        for (String person : KIN) {
            JsonPath alone = imported("{\"people\": [" + person + "]}");
            oneByOne.add(alone.getString("records[0].id"));
            actions.add(alone.getString("records[0].action"));
            matchedBy.add(alone.getString("records[0].matchedBy"));
        }
        assertEquals(together.getList("records.action"), actions);
        assertEquals(together.getList("records.matchedBy"), matchedBy);
        assertEquals(List.of(oneByOne.get(0), oneByOne.get(0), oneByOne.get(0), oneByOne.get(3), oneByOne.get(3),
                oneByOne.get(5)), oneByOne);
        assertEquals(stored, oneByOne.stream().map(id -> (Object) data(PERSON, "id", id).getMap("person")).toList());
    }

    /** A name the database cannot hold is the record's problem, reported as the service words it, not a failed statement. */
    @Test
    void aNameWithANulCharacterIsRefusedAtItsRecord() {
        int before = people();
        JsonPath refused = BundleImportTest.importing(EDITOR, "{\"people\": [{\"ref\": \"x\", \"name\": \"Ok Person\"},"
                + " {\"ref\": \"p\", \"name\": \"Nul\\u0000Name\"}]}").then().statusCode(400).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", refused.getString("errors[0].extensions.code"), refused::prettify);
        assertEquals(List.of("$.people[1].name"), refused.getList("errors[0].extensions.problems.path"), refused::prettify);
        assertEquals(before, people());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BundlePersonMatchingTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
