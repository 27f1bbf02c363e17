package io.parley.source;

import static io.parley.graphql.GraphQLClient.badInputField;
import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.error;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.parley.graphql.Deletions;
import io.parley.graphql.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SourceApiTest {

    private static final String ADD = """
            mutation($input: SourceInput!) { addSource(input: $input) { id publisher title url publishedOn language version } }""";

    @Test
    void addsUpdatesAndListsSources() {
        JsonPath source = data(ADD, "input", vars("publisher", "Kommersant", "title", "Talks in Moscow",
                "url", "https://example.org/a?b=c", "publishedOn", "2025-03-14", "language", "ru"))
                .setRootPath("addSource");
        assertEquals("Kommersant", source.getString("publisher"));
        String id = source.getString("id");
        JsonPath updated = data("""
                mutation($id: ID!, $input: SourceInput!) { updateSource(id: $id, input: $input, expectedVersion: 0) {
                  title version } }""", "id", id, "input", vars("publisher", "Kommersant", "title", "Corrected"))
                .setRootPath("updateSource");
        assertEquals("Corrected", updated.getString("title"));
        assertEquals(1, updated.getInt("version"));
        error("NOT_FOUND", "mutation($id: ID!, $input: SourceInput!) { updateSource(id: $id, input: $input) { id } }",
                "id", Fixtures.person(Fixtures.unique("Not a source")), "input", vars("publisher", "X"));
        List<String> publishers = data("{ sources(first: 100) { nodes { publisher } } }").getList("sources.nodes.publisher");
        assertTrue(publishers.containsAll(List.of("TASS", "Izvestia", "Kommersant")));
    }

    @Test
    void refusesInvalidSources() {
        assertEquals("input.url", badInputField(ADD, "input", vars("publisher", "X", "url", "javascript:alert(1)")));
        assertEquals("input.language", badInputField(ADD, "input", vars("publisher", "X", "language", "English")));
        assertEquals("input.publisher", badInputField(ADD, "input", vars("publisher", "")));
    }

    @Test
    void adminsDeleteSourcesNoCitationRefersTo() {
        String cited = Fixtures.source(Fixtures.unique("Cited"));
        Fixtures.person(Fixtures.unique("Sourced"), cited);
        Deletions.check("deleteSource", Fixtures.source(Fixtures.unique("Unused")), cited, "citations");
    }
}
