package io.parley.bundle;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.parley.envoy.EnvoyInput;
import io.parley.envoy.EnvoyService;
import io.parley.common.ApiException;
import io.parley.errors.ErrorMapping;
import io.parley.common.GlobalId;
import io.parley.sql.Sql;
import io.parley.outcome.OutcomeInput;
import io.parley.outcome.OutcomeService;
import io.parley.person.PersonInput;
import io.parley.person.PersonService;
import io.parley.source.SourceInput;
import io.parley.source.SourceService;
import io.parley.statement.StatementInput;
import io.parley.statement.StatementService;
import io.parley.talk.TalkInput;
import io.parley.talk.TalkService;
import io.parley.track.TrackInput;
import io.parley.track.TrackService;
import io.parley.trip.TripInput;
import io.parley.trip.TripService;

/**
 * Writes one resolved bundle record: finds the stored record it matches (by external
 * identifier, else by exact name or natural key) and creates or updates it through the
 * feature's service. An update that would change nothing is undone at a savepoint, so a
 * re-imported bundle leaves no new versions or revisions behind.
 */
@ApplicationScoped
class BundleWriter {

    private final EntityManager em;
    private final SourceService sources;
    private final PersonService people;
    private final TrackService tracks;
    private final EnvoyService envoys;
    private final TalkService talks;
    private final TripService trips;
    private final OutcomeService outcomes;
    private final StatementService statements;

    BundleWriter(EntityManager em, SourceService sources, PersonService people, TrackService tracks,
            EnvoyService envoys, TalkService talks, TripService trips, OutcomeService outcomes,
            StatementService statements) {
        this.em = em;
        this.sources = sources;
        this.people = people;
        this.tracks = tracks;
        this.envoys = envoys;
        this.talks = talks;
        this.trips = trips;
        this.outcomes = outcomes;
        this.statements = statements;
    }

    ImportedRecord write(RecordType type, String ref, ObjectNode input, String path) {
        try {
            Long existing = match(type, input);
            ImportAction action;
            long key;
            if (existing == null) {
                key = create(type, input);
                action = ImportAction.CREATED;
            } else {
                key = existing;
                action = updateIfChanged(type, key, input) ? ImportAction.UPDATED : ImportAction.MATCHED;
            }
            // Only keys are kept between records: a persistence context holding every record of
            // a 10,000-talk bundle would make each flush check them all.
            em.clear();
            return new ImportedRecord(ref, type.nodeType.label(), GlobalId.encode(type.nodeType, key), action);
        } catch (ApiException e) {
            throw BundleImporter.located(path, e);
        } catch (RuntimeException e) {
            throw BundleImporter.located(path, ErrorMapping.translate(e));
        }
    }

    private long create(RecordType type, ObjectNode input) {
        return switch (type) {
            case SOURCE -> sources.add(as(input, SourceInput.class)).key();
            case PERSON -> people.create(as(input, PersonInput.class)).key();
            case TRACK -> tracks.create(as(input, TrackInput.class)).key();
            case ENVOY -> envoys.appoint(as(input, EnvoyInput.class)).key();
            case TALK -> talks.record(as(input, TalkInput.class)).key();
            case TRIP -> trips.record(as(input, TripInput.class)).key();
            case OUTCOME -> outcomes.record(as(input, OutcomeInput.class)).key();
            case STATEMENT -> statements.record(as(input, StatementInput.class)).key();
        };
    }

    private boolean updateIfChanged(RecordType type, long key, ObjectNode input) {
        String before = stored(type, key);
        sql("savepoint bundle_record");
        String id = GlobalId.encode(type.nodeType, key);
        switch (type) {
            case SOURCE -> sources.update(id, as(input, SourceInput.class), null);
            case PERSON -> people.update(id, as(input, PersonInput.class), null);
            case TRACK -> tracks.update(id, as(input, TrackInput.class), null);
            case ENVOY -> envoys.update(id, as(input, EnvoyInput.class), null);
            case TALK -> talks.update(id, as(input, TalkInput.class), null);
            case TRIP -> trips.update(id, as(input, TripInput.class), null);
            case OUTCOME -> outcomes.update(id, as(input, OutcomeInput.class), null);
            case STATEMENT -> statements.update(id, as(input, StatementInput.class), null);
        }
        if (before.equals(stored(type, key))) {
            sql("rollback to savepoint bundle_record");
            em.clear();
            return false;
        }
        sql("release savepoint bundle_record");
        return true;
    }

    /** The stored record in the bundle's shape (V7's views), as canonical jsonb text. */
    String stored(RecordType type, long key) {
        return (String) Sql.of("select doc::text from " + type.view + " where id = ", Sql.value(key))
                .nativeQuery(em).getSingleResult();
    }

    /**
     * The stored record a bundle record stands for: people by Wikidata QID, else by exact name;
     * tracks by name; sources by URL, else publisher, title and date; talks by title; outcomes by
     * kind and title; envoy appointments by person and title; trips by appointment, destination,
     * arrival and purpose; statements by speaker and quote. The oldest wins a tie.
     */
    private Long match(RecordType type, ObjectNode input) {
        return switch (type) {
            case SOURCE -> input.hasNonNull("url")
                    ? first(Sql.of("source where url = ", value(input, "url")))
                    : first(Sql.of("source where publisher = ", value(input, "publisher"),
                            " and title is not distinct from cast(", value(input, "title"), " as text)",
                            " and published_on is not distinct from cast(", value(input, "publishedOn"), " as date)",
                            " and url is null"));
            case PERSON -> {
                String qid = text(input, "wikidataId");
                Long byQid = qid == null ? null : first(Sql.of("person where wikidata_id = ", Sql.value(qid)));
                yield byQid != null ? byQid
                        : first(Sql.of("person where name = ", value(input, "name"),
                                qid == null ? "" : " and wikidata_id is null"));
            }
            case TRACK -> first(Sql.of("track where name = ", value(input, "name")));
            case ENVOY -> first(Sql.of("envoy where person_id = ", Sql.value(key(input, "personId")),
                    " and title = ", value(input, "title")));
            case TALK -> first(Sql.of("talk where title = ", value(input, "title")));
            case TRIP -> first(Sql.of("trip where envoy_id = ", Sql.value(key(input, "envoyId")),
                    " and destination_name = ", value(input.path("destination"), "name"),
                    " and arrived_on is not distinct from cast(", value(input, "arrivedOn"), " as date)",
                    " and purpose is not distinct from cast(", value(input, "purpose"), " as text)"));
            case OUTCOME -> first(Sql.of("outcome where kind = ", value(input, "kind"),
                    " and title = ", value(input, "title")));
            case STATEMENT -> {
                Sql quote = value(input, "quote");
                yield first(Sql.of("statement where speaker_id = ", Sql.value(key(input, "speakerId")),
                        " and md5(quote) = md5(", quote, ") and quote = ", quote));
            }
        };
    }

    /** The oldest record of a table matching a condition ({@code table where ...}). */
    private Long first(Sql tableWhere) {
        List<?> rows = Sql.of("select id from ", tableWhere, " order by id limit 1").nativeQuery(em).getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }

    /** Text as the services store it: trimmed, blank as absent. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** A text field of the record as a parameter. */
    private static Sql value(JsonNode node, String field) {
        return Sql.value(text(node, field));
    }

    private static Long key(JsonNode node, String field) {
        String id = text(node, field);
        return id == null ? null : GlobalId.decode(id, field).key();
    }

    private void sql(String statement) {
        em.unwrap(Session.class).doWork(connection -> {
            try (var s = connection.createStatement()) {
                s.execute(statement);
            }
        });
    }

    private static <T> T as(ObjectNode input, Class<T> type) {
        return BundleJson.MAPPER.convertValue(input, type);
    }
}
