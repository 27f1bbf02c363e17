package io.parley.bundle;

import static io.parley.graphql.GraphQLClient.data;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.parley.common.Roles;
import io.parley.graphql.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The round trip: the demo data, exported as a bundle, imported into an empty database, exports
 * the same bundle again (up to IDs) and answers the same questions.
 */
@QuarkusTest
@TestProfile(BundleRoundTripTest.WithoutDemoData.class)
class BundleRoundTripTest {

    public static class WithoutDemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.demo-data", "false", "parley.import.max-body", "1M");
        }
    }

    private static final String EDITOR = Tokens.withRoles(Roles.EDITOR);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FACTS = """
            { outcomes(first: 100) { nodes { kind title date datePrecision figures { label value approximate }
                                              beneficiaries { name } creditedTo { name } talks { title }
                                              citations { excerpt source { publisher title } } } }
              talks(first: 100) { nodes { title date datePrecision format closedDoor status
                                           location { name city countryCode geonamesId }
                                           participants { role person { name } asEnvoy { title } } } }
              people(first: 100) { nodes { name wikidataId aliases birthDate positions { title organization } } }
              statements(first: 100) { nodes { quote verbatim saidOn saidOnPrecision tone speaker { name } } } }""";

    @Inject
    DataSource dataSource;

    @Test
    void theExportedDemoDataComesBackWholeInAnEmptyDatabase() throws Exception {
        emptyDatabase();
        for (String bundle : List.of("demo/report-1.json", "demo/report-2.json")) {
            BundleImportTest.importing(EDITOR, resource(bundle)).then().statusCode(200);
        }
        String exported = export();
        Object facts = data(FACTS).get();
        int records = count(JSON.readTree(exported));

        emptyDatabase();
        assertEquals(0, data("{ people { totalCount } }").getInt("people.totalCount"));
        int created = BundleImportTest.importing(EDITOR, exported).then().statusCode(200).extract().jsonPath()
                .getInt("created");
        assertEquals(records, created);
        assertEquals(facts, data(FACTS).get());
        assertEquals(normalized(exported), normalized(export()));
        // The Israel-Hamas outcomes are dated to January 2025, as the first report says.
        assertEquals(List.of("MONTH", "MONTH", "MONTH", "MONTH"), data("""
                { outcomes(filter: {kinds: [AGREEMENT, CEASEFIRE, HOSTAGE_RELEASE, PRISONER_RELEASE]}) {
                    nodes { datePrecision } } }""").getList("outcomes.nodes.datePrecision"));
    }

    @Test
    void aBundleOverTheImportLimitIsRefusedWith413() {
        String big = "{\"description\": \"" + "x".repeat(1024 * 1024) + "\"}";
        String code = BundleImportTest.importing(EDITOR, big).then().statusCode(413).extract().jsonPath()
                .getString("errors[0].extensions.code");
        assertEquals("LIMIT_EXCEEDED", code);
    }

    private static String export() {
        return given().when().get("/export/bundle").then().statusCode(200).extract().asString();
    }

    private void emptyDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("truncate citation, statement, outcome_credit, outcome_beneficiary, outcome_figure,"
                    + " outcome_talk, outcome, trip_talk, trip, talk_participant, talk, track, envoy, person_position,"
                    + " person_merge, person, source");
        }
    }

    private static int count(JsonNode bundle) {
        int count = 0;
        for (JsonNode collection : bundle) {
            count += collection.size();
        }
        return count;
    }

    /** The bundle with every ref replaced by its record's place in the export, and passages by their text. */
    private static JsonNode normalized(String bundle) throws IOException {
        JsonNode tree = JSON.readTree(bundle);
        Map<String, String> names = new HashMap<>();
        tree.fields().forEachRemaining(collection -> {
            for (int i = 0; i < collection.getValue().size(); i++) {
                JsonNode record = collection.getValue().get(i);
                String name = collection.getKey() + "[" + i + "]";
                names.put(record.get("ref").asText(), name);
                for (JsonNode passage : record.path("passages")) {
                    names.put(passage.get("ref").asText(), name + "#" + passage.get("text").asText());
                }
            }
        });
        JsonNode renamed = rename(tree, names);
        for (JsonNode source : renamed.path("sources")) {
            ArrayNode passages = (ArrayNode) source.get("passages");
            List<JsonNode> sorted = new java.util.ArrayList<>();
            passages.forEach(sorted::add);
            sorted.sort(java.util.Comparator.comparing(p -> p.get("text").asText()));
            passages.removeAll();
            passages.addAll(sorted);
        }
        return renamed;
    }

    private static JsonNode rename(JsonNode node, Map<String, String> names) {
        if (node.isTextual() && names.containsKey(node.asText())) {
            return TextNode.valueOf(names.get(node.asText()));
        }
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> field.setValue(rename(field.getValue(), names)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rename(array.get(i), names));
            }
        }
        return node;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BundleRoundTripTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
