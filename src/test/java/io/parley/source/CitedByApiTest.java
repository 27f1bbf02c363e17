package io.parley.source;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.parley.graphql.Fixtures;
import io.quarkus.test.junit.QuarkusTest;

/** Source.citedBy: every record citing a source, each once, grouped by type. */
@QuarkusTest
class CitedByApiTest {

    private static final String CITED_BY = """
            query($id: ID!) { source(id: $id) { citedBy { __typename id
              ... on Person { name } ... on Talk { title } ... on Statement { quote } } } }""";

    @Test
    void listsEveryCitingRecordOnceByType() {
        String source = Fixtures.source(Fixtures.unique("Cited agency"));
        String other = Fixtures.source(Fixtures.unique("Other agency"));
        assertEquals(List.of(), data(CITED_BY, "id", source).getList("source.citedBy"));

        String personName = Fixtures.unique("Cited person");
        String person = data("mutation($input: PersonInput!) { createPerson(input: $input) { id } }", "input",
                vars("name", personName, "citations", List.of(vars("sourceId", source, "excerpt", "one")))).getString("createPerson.id");
        String title = Fixtures.unique("Cited talk");
        // Cited twice by the same talk: listed once.
        String talk = data("mutation($input: TalkInput!) { recordTalk(input: $input) { id } }", "input", vars(
                "title", title, "date", "2025-05-01", "participants", List.of(vars("personId", person, "role", "HOST")),
                "citations", List.of(vars("sourceId", source, "excerpt", "first"), vars("sourceId", other),
                        vars("sourceId", source, "excerpt", "second")))).getString("recordTalk.id");
        data("mutation($input: StatementInput!) { recordStatement(input: $input) { id } }", "input", vars(
                "quote", "We met.", "saidOn", "2025-05-02", "speakerId", person, "talkId", talk,
                "citations", List.of(vars("sourceId", other))));

        List<Map<String, Object>> citing = data(CITED_BY, "id", source).getList("source.citedBy");
        assertEquals(List.of("Person", "Talk"), citing.stream().map(c -> c.get("__typename")).toList());
        assertEquals(List.of(person, talk), citing.stream().map(c -> c.get("id")).toList());
        assertEquals(List.of("Talk", "Statement"), data(CITED_BY, "id", other).<Map<String, Object>>getList("source.citedBy")
                .stream().map(c -> c.get("__typename")).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDemoTassReportIsCitedByTheMoscowTalk() {
        List<Map<String, Object>> tass = data("{ sources(first: 100) { nodes { id publisher citedBy { __typename ... on Talk { title } } } } }")
                .<Map<String, Object>>getList("sources.nodes").stream().filter(s -> "TASS".equals(s.get("publisher"))).toList();
        assertEquals(true, tass.stream().flatMap(s -> ((List<Map<String, Object>>) s.get("citedBy")).stream())
                .anyMatch(c -> "Putin-Witkoff talks in Moscow".equals(c.get("title"))));
    }
}
