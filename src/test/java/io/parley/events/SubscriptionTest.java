package io.parley.events;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.parley.graphql.Fixtures;
import io.parley.common.GlobalId;
import io.parley.graphql.GraphQLSocket;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SubscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TALKS = """
            subscription($track: ID) { talkRecorded(trackId: $track) {
              id title track { id } participants { role person { name } } } }""";

    @Inject
    DataSource dataSource;

    @Inject
    ChangeEvents events;

    /** Sockets of earlier tests are closed asynchronously; start from none. */
    @BeforeEach
    void noSubscribersLeft() {
        awaitSubscribers(0);
    }

    private static void subscribe(GraphQLSocket socket, String type, String query, Object... variables) {
        socket.send(Map.of("id", "1", "type", type, "payload", Map.of("query", query, "variables", vars(variables))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payloadData(Map<String, Object> message, String field) {
        assertNotNull(message, "no event arrived");
        Map<String, Object> payload = (Map<String, Object>) message.get("payload");
        assertNull(payload.get("errors"), payload::toString);
        return (Map<String, Object>) ((Map<String, Object>) payload.get("data")).get(field);
    }

    @Test
    void queriesAndMutationsAreRefusedOverTheSocketAndRunNothing() {
        String title = Fixtures.unique("Never over a socket");
        int tracksBefore = data("{ tracks { totalCount } }").getInt("tracks.totalCount");
        for (String protocol : List.of("graphql-transport-ws", "graphql-ws")) {
            try (GraphQLSocket socket = GraphQLSocket.connectWithToken(protocol, io.parley.graphql.Tokens.withRoles(io.parley.common.Roles.EDITOR))) {
                String type = protocol.equals("graphql-ws") ? "start" : "subscribe";
                subscribe(socket, type, "{ people(first: 1) { nodes { name } } }");
                Map<String, Object> answer = socket.next(WAIT);
                assertNotNull(answer, protocol + ": no answer");
                // graphql-transport-ws answers with an "error" message (a list of errors), the
                // legacy protocol with a "data" message whose payload holds the errors.
                Object payload = answer.get("payload");
                assertTrue(String.valueOf(payload).contains("BAD_USER_INPUT") && String.valueOf(payload).contains("Only subscriptions"),
                        protocol + ": " + answer);
                if (payload instanceof Map<?, ?> result) {
                    assertNull(result.get("data"), protocol + ": a query ran over the socket");
                }
            }
            try (GraphQLSocket socket = GraphQLSocket.connectWithToken(protocol, io.parley.graphql.Tokens.withRoles(io.parley.common.Roles.EDITOR))) {
                String type = protocol.equals("graphql-ws") ? "start" : "subscribe";
                subscribe(socket, type, "mutation($i: TrackInput!) { createTrack(input: $i) { id } }", "i", vars("name", title));
                assertNotNull(socket.next(WAIT), protocol + ": no answer to the mutation");
            }
        }
        assertEquals(tracksBefore, data("{ tracks { totalCount } }").getInt("tracks.totalCount"),
                "a mutation sent over a socket must not run");
    }

    @Test
    void subscribersGetTheirTracksTalksWithNestedFields() {
        String mine = Fixtures.track(Fixtures.unique("Subscribed track"));
        String other = Fixtures.track(Fixtures.unique("Other track"));
        String person = Fixtures.person("Subscribed Participant");
        try (GraphQLSocket socket = GraphQLSocket.connect("graphql-transport-ws")) {
            subscribe(socket, "subscribe", TALKS, "track", mine);
            awaitSubscribers(1);
            Fixtures.talk("Not for this subscriber", "2024-01-01", other, person);
            String talk = Fixtures.talk("For this subscriber", "2024-01-02", mine, person);
            Map<String, Object> next = socket.next(WAIT);
            assertEquals("next", next.get("type"));
            Map<String, Object> received = payloadData(next, "talkRecorded");
            assertEquals(talk, received.get("id"), "the other track's earlier talk was filtered out");
            assertEquals(Map.of("id", mine), received.get("track"));
            Map<?, ?> participant = (Map<?, ?>) ((List<?>) received.get("participants")).get(0);
            assertEquals(Map.of("name", "Subscribed Participant"), participant.get("person"),
                    "nested fields resolve for pushed records too");

            data("mutation($id: ID!, $input: TalkInput!) { updateTalk(id: $id, input: $input) { id } }", "id", talk,
                    "input", vars("title", "Updated for this subscriber", "date", "2024-01-02", "trackId", mine,
                            "participants", List.of(vars("personId", person, "role", "HOST"))));
            assertEquals("Updated for this subscriber", payloadData(socket.next(WAIT), "talkRecorded").get("title"));
        }
    }

    @Test
    void aNotificationFromAnotherConnectionReachesSubscribersAndARollbackSendsNothing() throws Exception {
        String track = Fixtures.track(Fixtures.unique("Replica track"));
        String person = Fixtures.person(Fixtures.unique("Replica person"));
        String rolledBack = Fixtures.talk("Rolled back", "2024-02-01", track, person);
        String committed = Fixtures.talk("Committed elsewhere", "2024-02-02", track, person);
        long trackKey = GlobalId.decode(track, "track").key();
        try (GraphQLSocket socket = GraphQLSocket.connect("graphql-transport-ws");
                Connection replica = dataSource.getConnection(); Statement sql = replica.createStatement()) {
            subscribe(socket, "subscribe", TALKS, "track", track);
            awaitSubscribers(1);
            replica.setAutoCommit(false);
            sql.execute(notify(rolledBack, trackKey));
            replica.rollback();
            sql.execute(notify(committed, trackKey));
            replica.commit();
            assertEquals(committed, payloadData(socket.next(WAIT), "talkRecorded").get("id"),
                    "only the committed notification arrives, from a connection other than the listener's");
            assertNull(socket.next(Duration.ofSeconds(1)));
        }
    }

    @Test
    void theLegacyProtocolCarriesOutcomesAndStatements() {
        String track = Fixtures.track(Fixtures.unique("Legacy track"));
        String speaker = Fixtures.person(Fixtures.unique("Legacy speaker"));
        try (GraphQLSocket outcomes = GraphQLSocket.connect("graphql-ws");
                GraphQLSocket statements = GraphQLSocket.connect("graphql-transport-ws")) {
            subscribe(outcomes, "start", "subscription($t: ID) { outcomeRecorded(trackId: $t) { title kind } }", "t", track);
            subscribe(statements, "subscribe", "subscription { statementRecorded { quote speaker { id } } }");
            awaitSubscribers(2);
            data("mutation($input: OutcomeInput!) { recordOutcome(input: $input) { id } }", "input",
                    vars("kind", "CEASEFIRE", "title", "Legacy ceasefire", "trackId", track));
            data("mutation($input: StatementInput!) { recordStatement(input: $input) { id } }", "input",
                    vars("speakerId", speaker, "quote", "Pushed.", "saidOn", "2024-05-05"));
            Map<String, Object> outcome = outcomes.next(WAIT);
            assertEquals("data", outcome.get("type"));
            assertEquals("Legacy ceasefire", payloadData(outcome, "outcomeRecorded").get("title"));
            Map<String, Object> statement = payloadData(statements.next(WAIT), "statementRecorded");
            assertEquals("Pushed.", statement.get("quote"));
            assertEquals(Map.of("id", speaker), statement.get("speaker"));
        }
    }

    @Test
    // A writer blocked by the stalled client would never return: the bound only ends such a hang.
    // It is not a speed check (100 writes took 83 s on a 2-CPU machine loaded 14-16).
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void stalledAndVanishedClientsNeitherBlockWritersNorStayRegistered() {
        int before = events.subscriberCount();
        String track = Fixtures.track(Fixtures.unique("Stalled track"));
        String person = Fixtures.person(Fixtures.unique("Busy writer"));
        GraphQLSocket stalled = GraphQLSocket.connectAndStall("graphql-transport-ws");
        subscribe(stalled, "subscribe", TALKS, "track", track);
        awaitSubscribers(before + 1);
        for (int i = 0; i < 100; i++) {
            Fixtures.talk("Write " + i, "2024-03-01", track, person);
        }
        assertEquals(100, data("query($id: ID!) { track(id: $id) { talks(first: 100) { totalCount } } }", "id", track)
                .getInt("track.talks.totalCount"), "every write committed while the client stalled");
        stalled.vanish();
        awaitSubscribers(before);
    }

    private void awaitSubscribers(int count) {
        Subscribers.await(events, count, WAIT);
    }

    private static String notify(String talkId, long trackKey) {
        return "select pg_notify('" + ChangeEvents.CHANNEL + "', 'TALK:" + GlobalId.decode(talkId, "id").key() + ":"
                + trackKey + "')";
    }
}
