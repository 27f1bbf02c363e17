package io.parley.bundle;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.parley.envoy.EnvoyInput;
import io.parley.envoy.EnvoyService;
import io.parley.events.ChangeEvents;
import io.parley.common.ApiException;
import io.parley.errors.ErrorMapping;
import io.parley.common.GlobalId;
import io.parley.db.RecordService;
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
 * Writes one resolved bundle record: finds the stored record it matches (people as
 * {@link PersonMatching} says, other records by natural key, each unless a slice's statement
 * found it already) and creates or updates it through the feature's service. An update that
 * would change nothing is undone at a savepoint, so a re-imported bundle leaves no new versions
 * or revisions behind.
 */
@ApplicationScoped
class BundleWriter {

    private final EntityManager em;
    private final ChangeEvents events;
    /** The service that writes each type, and the input it writes from. */
    private final Map<RecordType, Writer<?>> writers = new EnumMap<>(RecordType.class);

    BundleWriter(EntityManager em, ChangeEvents events, SourceService sources, PersonService people,
            TrackService tracks, EnvoyService envoys, TalkService talks, TripService trips, OutcomeService outcomes,
            StatementService statements) {
        this.em = em;
        this.events = events;
        writers.put(RecordType.SOURCE, new Writer<>(sources, SourceInput.class));
        writers.put(RecordType.PERSON, new Writer<>(people, PersonInput.class));
        writers.put(RecordType.TRACK, new Writer<>(tracks, TrackInput.class));
        writers.put(RecordType.ENVOY, new Writer<>(envoys, EnvoyInput.class));
        writers.put(RecordType.TALK, new Writer<>(talks, TalkInput.class));
        writers.put(RecordType.TRIP, new Writer<>(trips, TripInput.class));
        writers.put(RecordType.OUTCOME, new Writer<>(outcomes, OutcomeInput.class));
        writers.put(RecordType.STATEMENT, new Writer<>(statements, StatementInput.class));
    }

    /** A feature's service with the input class a bundle record is read as. */
    private record Writer<I>(RecordService<?, I> service, Class<I> input) {
        long create(ObjectNode record) {
            return service.create(BundleJson.MAPPER.convertValue(record, input)).key();
        }

        void update(String id, ObjectNode record) {
            service.update(id, BundleJson.MAPPER.convertValue(record, input), null);
        }
    }

    /**
     * Names the importing writer to the audit triggers before any record is written: named first,
     * outside any savepoint, it is named once for the whole import (RecordService remembers it).
     */
    void nameWriter() {
        writers.get(RecordType.PERSON).service().nameWriter();
    }

    /**
     * Holds this transaction's new records and notifications back until {@link #sendHeld}: a
     * slice's new records of a type then go as a few multi-row inserts, and their announcements as
     * one statement, where each record was a statement (or three, with its participants and
     * citations) and a notification of its own. Every record still goes through its service's
     * rules first, one by one.
     */
    void holdWrites() {
        RecordService.holdInserts();
        events.holdNotifications();
        // A slice's rows of a table in as few statements as the driver allows (it rewrites a
        // batch into multi-row inserts of up to 128 rows and sends them without waiting for
        // each), where the configured batch (64) suits a single mutation's few rows.
        em.unwrap(Session.class).setJdbcBatchSize(BundleImporter.SLICE);
    }

    /**
     * Sends what the slice of records at {@code slicePath} held back (their inserts, then their
     * announcements) and forgets the slice's records, so that the persistence context, and each
     * flush's check of it, stays the size of a slice. A row the database refuses here (a record
     * written meanwhile by someone else, say) is reported for the whole slice: the flush that
     * found it cannot say which record of the slice it came from.
     */
    void sendHeld(String slicePath) {
        try {
            em.flush();
        } catch (RuntimeException e) {
            throw BundleImporter.located(slicePath, ErrorMapping.translate(e));
        }
        events.sendHeld();
        em.clear();
    }

    /**
     * Reads the stored records a slice's resolved records refer to and their service reads
     * ({@link RecordType.Ref#read}), one statement per field, into the persistence context, where
     * the service then finds them: a talk's service reads each participant's envoy appointment,
     * and 10,000 talks naming 250 appointments read them one statement per talk (2,500 statements
     * and a quarter of the import's time, measured) where a slice now reads them once.
     */
    void readReferences(RecordType type, List<ObjectNode> inputs) {
        for (RecordType.Ref field : type.refs) {
            if (!field.read()) {
                continue;
            }
            RecordType target = RecordType.ofCollection(field.collection());
            Set<Long> keys = new HashSet<>();
            for (ObjectNode input : inputs) {
                References.each(input, "$", field.steps(), 0, (path, slot) -> {
                    Long key = GlobalId.keyIfType(slot.get().asText(), target.nodeType, "id");
                    if (key != null) {
                        keys.add(key);
                    }
                });
            }
            if (!keys.isEmpty()) {
                writers.get(target).service().byKeys(keys);
            }
        }
    }

    /**
     * Writes a bundle record of any type but people, as what {@link StoredMatches} already found
     * for it says: the stored record it matches ({@code storedMatch}, null to match here unless
     * {@code matchesNothing} says none is), and that record in the bundle's shape ({@code stored},
     * null when unknown or possibly changed since it was read). A record that says what is stored
     * is matched without writing anything ({@link Unchanged}).
     */
    ImportedRecord write(RecordType type, String ref, ObjectNode input, String path, boolean matchesNothing,
            Long storedMatch, JsonNode stored) {
        return located(path, () -> {
            Long existing = storedMatch != null ? storedMatch : matchesNothing ? null : match(type, input);
            return written(type, ref, input, existing, null, stored);
        });
    }

    /**
     * Writes the person {@code index} of a slice of people as {@link PersonMatching.Slice#match}
     * finds them; {@code stored} gives a stored person in the bundle's shape by key, when read
     * ahead and not written since (else null).
     */
    ImportedRecord writePerson(PersonMatching.Slice people, int index, String ref, ObjectNode input, String path,
            LongFunction<JsonNode> stored) {
        return located(path, () -> {
            PersonMatching.Match person = people.match(index, ref);
            if (person != null) {
                PersonMatching.keepStoredName(input, person);
            }
            ImportedRecord record = person == null ? written(RecordType.PERSON, ref, input, null, null, null)
                    : written(RecordType.PERSON, ref, input, person.key(), person.by(), stored.apply(person.key()));
            if (record.action() != ImportAction.MATCHED) {
                people.written(index, person);
            }
            return record;
        });
    }

    /** Creates the record, or updates the stored one ({@code existing}) when it changes anything. */
    private ImportedRecord written(RecordType type, String ref, ObjectNode input, Long existing, ImportMatch matchedBy,
            JsonNode stored) {
        ImportAction action;
        long key;
        if (existing == null) {
            key = writers.get(type).create(input);
            action = ImportAction.CREATED;
        } else {
            key = existing;
            action = Unchanged.test(type, input, stored) ? ImportAction.MATCHED
                    : updateIfChanged(type, key, input, stored == null) ? ImportAction.UPDATED : ImportAction.MATCHED;
        }
        return new ImportedRecord(ref, type.nodeType.label(), GlobalId.encode(type.nodeType, key), action, matchedBy);
    }

    /** The write {@code writing} makes, its refusal located at the record's {@code path}. */
    private static ImportedRecord located(String path, Supplier<ImportedRecord> writing) {
        try {
            return writing.get();
        } catch (ApiException e) {
            throw BundleImporter.located(path, e);
        } catch (RuntimeException e) {
            throw BundleImporter.located(path, ErrorMapping.translate(e));
        }
    }

    /**
     * Updates the stored record unless that changes nothing, which is decided by writing when
     * {@link Unchanged} cannot tell: the update is undone at a savepoint when the record reads
     * the same after it. {@code unread}: the record was not compared yet (one not read ahead, or
     * written earlier in the import), so it is read and compared first.
     */
    private boolean updateIfChanged(RecordType type, long key, ObjectNode input, boolean unread) {
        String before = stored(type, key);
        if (unread && Unchanged.test(type, input, StoredMatches.bundleShape(before))) {
            return false;
        }
        sql("savepoint bundle_record");
        writers.get(type).update(GlobalId.encode(type.nodeType, key), input);
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
     * The stored record a bundle record stands for (people: {@link PersonMatching}): tracks by name; sources by URL, else publisher, title and date; talks by title; outcomes by
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
            case PERSON -> throw new IllegalArgumentException("people are matched by PersonMatching");
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
    static String text(JsonNode node, String field) {
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
}
