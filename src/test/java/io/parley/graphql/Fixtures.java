package io.parley.graphql;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.vars;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records created through the API for tests that must not touch the demo dataset. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String person(String name) {
        return data("mutation($input: PersonInput!) { createPerson(input: $input) { id } }",
                "input", vars("name", name)).getString("createPerson.id");
    }

    /** A person whose facts cite {@code sourceId}. */
    public static String person(String name, String sourceId) {
        return data("mutation($input: PersonInput!) { createPerson(input: $input) { id } }",
                "input", vars("name", name, "citations", List.of(vars("sourceId", sourceId)))).getString("createPerson.id");
    }

    public static String source(String publisher) {
        return data("mutation($input: SourceInput!) { addSource(input: $input) { id } }",
                "input", vars("publisher", publisher)).getString("addSource.id");
    }

    public static String track(String name) {
        return data("mutation($input: TrackInput!) { createTrack(input: $input) { id } }",
                "input", vars("name", name)).getString("createTrack.id");
    }

    public static String envoy(String personId, String represents) {
        return data("mutation($input: EnvoyInput!) { appointEnvoy(input: $input) { id } }",
                "input", vars("personId", personId, "title", "Special Envoy", "represents", represents))
                .getString("appointEnvoy.id");
    }

    public static String talk(String title, String date, String trackId, String... personIds) {
        List<Map<String, Object>> participants = java.util.Arrays.stream(personIds)
                .map(id -> vars("personId", id, "role", "PARTICIPANT")).toList();
        return data("mutation($input: TalkInput!) { recordTalk(input: $input) { id } }",
                "input", vars("title", title, "date", date, "trackId", trackId, "participants", participants))
                .getString("recordTalk.id");
    }
}
