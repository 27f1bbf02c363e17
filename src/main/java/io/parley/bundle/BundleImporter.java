package io.parley.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.parley.common.ApiException;
import io.parley.common.GlobalId;
import io.parley.sql.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Imports report bundles, all or nothing. A bundle is first checked whole: against the JSON
 * Schema, then its references, and refused with every problem found, before anything is
 * written. Then, in one transaction and under one advisory lock (so concurrent imports of
 * overlapping bundles cannot both create the same record), each record in dependency order is
 * matched to a stored one or created through its feature's service, which applies the same
 * validation as the GraphQL mutations. New records and their notifications are held back and
 * sent a slice at a time ({@link BundleWriter#holdWrites}), as multi-row inserts.
 */
@ApplicationScoped
public class BundleImporter {

    private final BundleSchema schema;
    private final BundleWriter writer;
    private final StoredMatches matches;
    private final PersonMatching people;
    private final EntityManager em;

    public BundleImporter(BundleSchema schema, BundleWriter writer, StoredMatches matches, PersonMatching people,
            EntityManager em) {
        this.schema = schema;
        this.writer = writer;
        this.matches = matches;
        this.people = people;
        this.em = em;
    }

    /** Parses and imports a bundle's JSON text; text that is not JSON is refused at {@code $}. */
    public ImportResult importJson(String json) {
        return importJson(json, false);
    }

    /**
     * As {@link #importJson(String)}; a dry run does everything an import does (every check, every
     * service's validation, matching) and then rolls it all back, so a bundle can be checked
     * before anything is written: its problems, or what importing it would create and update.
     */
    public ImportResult importJson(String json, boolean dryRun) {
        JsonNode bundle;
        try {
            bundle = BundleJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw Problem.refusal(List.of(new Problem("$", "is not JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")")));
        }
        if (bundle == null) {
            throw Problem.refusal(List.of(new Problem("$", "is empty")));
        }
        return importBundle(bundle, dryRun);
    }

    public ImportResult importBundle(JsonNode bundle) {
        return importBundle(bundle, false);
    }

    /**
     * Imports in a transaction of its own, with the import's timeout; or, inside a transaction
     * begun already (a keyed import, whose transaction also keeps its idempotency key, and which
     * the caller began with the import's timeout), in that one: Quarkus refuses a method that sets
     * its own timeout any transaction but its own.
     */
    public ImportResult importBundle(JsonNode bundle, boolean dryRun) {
        return QuarkusTransaction.isActive() ? importJoining(bundle, dryRun) : importAlone(bundle, dryRun);
    }

    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "parley.import.timeout")
    ImportResult importAlone(JsonNode bundle, boolean dryRun) {
        return importing(bundle, dryRun);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    ImportResult importJoining(JsonNode bundle, boolean dryRun) {
        return importing(bundle, dryRun);
    }

    private ImportResult importing(JsonNode bundle, boolean dryRun) {
        List<Problem> problems = schema.problems(bundle);
        if (!problems.isEmpty()) {
            throw Problem.refusal(problems);
        }
        References references = References.of(bundle);
        if (!references.problems().isEmpty()) {
            throw Problem.refusal(references.problems());
        }
        // Imports run one at a time: matching then creating is only safe when no other import
        // can create the same record in between.
        Sql.of("select pg_advisory_xact_lock(hashtext('parley-import'))").nativeQuery(em).getSingleResult();
        // PostgreSQL's JIT compiler (on by default where it is installed) takes a slice's set
        // statements for long queries: statistics gathered before the import's own rows make
        // reading 1,000 matched talks back through V7's view look costly, and compiling it took
        // 308 ms where running it takes 40 ms, on every slice. Off for this transaction only.
        Sql.of("select set_config('jit', 'off', true)").nativeQuery(em).getSingleResult();
        writer.nameWriter();
        writer.holdWrites();
        Map<String, String> ids = new HashMap<>();
        List<ImportedRecord> imported = new ArrayList<>();
        for (RecordType type : RecordType.values()) {
            List<Pending> slice = new ArrayList<>(SLICE);
            Set<String> created = new HashSet<>();
            References.records(bundle, type, (path, record) -> {
                slice.add(new Pending(path, record.get("ref").asText(), record));
                if (slice.size() == SLICE) {
                    write(type, slice, ids, references, imported, created);
                }
            });
            write(type, slice, ids, references, imported, created);
        }
        if (dryRun) {
            // Nothing is kept: the writes, their history and their change events (a NOTIFY is
            // delivered only on commit) go with the transaction.
            QuarkusTransaction.setRollbackOnly();
        }
        return ImportResult.of(imported, dryRun);
    }

    /**
     * Records of one type matched and read back a slice at a time: one statement finds the stored
     * records a slice's records match and one reads those in the bundle's shape, where the
     * per-record way took one statement per record to match and, for a match, four more (read,
     * update at a savepoint, read again, roll back). 1,000 records hold a slice's stored records
     * in a few hundred KiB, whatever the bundle's size.
     */
    static final int SLICE = 1_000;

    /** A bundle record waiting for its slice to be written. */
    private record Pending(String path, String ref, ObjectNode record) {
    }

    /**
     * Writes a slice of records of one type in bundle order, and empties it. {@code created}
     * holds the matching keys of the records of this type the import created so far: a record
     * whose keys matched nothing stored when its slice was read, and none of those either,
     * matches nothing (matching keys never change on update), so it is created without asking.
     */
    private void write(RecordType type, List<Pending> slice, Map<String, String> ids, References references,
            List<ImportedRecord> imported, Set<String> created) {
        if (slice.isEmpty()) {
            return;
        }
        List<ObjectNode> inputs = new ArrayList<>(slice.size());
        for (Pending pending : slice) {
            inputs.add(resolved(type, pending.record(), ids, references));
        }
        if (type == RecordType.PERSON) {
            writePeople(slice, inputs, ids, imported);
        } else {
            writeOthers(type, slice, inputs, ids, imported, created);
        }
        writer.sendHeld(slicePath(slice));
        slice.clear();
    }

    /** Writes a slice of records of a type other than people, matched by natural key ({@link StoredMatches}). */
    private void writeOthers(RecordType type, List<Pending> slice, List<ObjectNode> inputs, Map<String, String> ids,
            List<ImportedRecord> imported, Set<String> created) {
        StoredMatches.Found found = matches.match(type, inputs);
        // what the slice's new records refer to; a re-import's matched records need none of it
        List<ObjectNode> unmatched = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (found.keys().get(i) == null) {
                unmatched.add(inputs.get(i));
            }
        }
        writer.readReferences(type, unmatched);
        Map<Long, JsonNode> stored = matches.stored(type, List.copyOf(new HashSet<>(found.keys().values())));
        // A stored record written earlier in this slice (a bundle listing the same talk twice) is
        // no longer what was read: the record after it goes the per-record way.
        Set<Long> written = new HashSet<>();
        for (int i = 0; i < slice.size(); i++) {
            Pending pending = slice.get(i);
            Long match = found.keys().get(i);
            JsonNode doc = match == null || written.contains(match) ? null : stored.get(match);
            String key = !found.checked(i) ? null : StoredMatches.naturalKeyText(type, inputs.get(i));
            boolean matchesNothing = key != null && match == null && !created.contains(key);
            ImportedRecord result = writer.write(type, pending.ref(), inputs.get(i), pending.path(), matchesNothing,
                    match, doc);
            if (result.action() != ImportAction.MATCHED) {
                written.add(GlobalId.keyOf(result.id(), type.nodeType, "id"));
            }
            if (result.action() == ImportAction.CREATED && key != null) {
                created.add(key);
            }
            ids.put(result.ref(), result.id());
            imported.add(result);
        }
    }

    /**
     * Writes a slice of people: matched in one statement ({@link PersonMatching#slice}), the
     * stored people they are likely to be read back in one more, then each written in bundle
     * order, new ones held like any other type's.
     */
    private void writePeople(List<Pending> slice, List<ObjectNode> inputs, Map<String, String> ids,
            List<ImportedRecord> imported) {
        PersonMatching.Slice matched = people.slice(inputs);
        Map<Long, JsonNode> stored = matches.stored(RecordType.PERSON, List.copyOf(matched.likely()));
        Set<Long> written = new HashSet<>();
        for (int i = 0; i < slice.size(); i++) {
            Pending pending = slice.get(i);
            ImportedRecord result = writer.writePerson(matched, i, pending.ref(), inputs.get(i), pending.path(),
                    key -> written.contains(key) ? null : stored.get(key));
            if (result.action() != ImportAction.MATCHED) {
                written.add(GlobalId.keyOf(result.id(), RecordType.PERSON.nodeType, "id"));
            }
            ids.put(result.ref(), result.id());
            imported.add(result);
        }
    }

    /** The slice's records as one JSONPath, an array slice: {@code $.talks[1000:2000]}. */
    private static String slicePath(List<Pending> slice) {
        String first = slice.get(0).path();
        String last = slice.get(slice.size() - 1).path();
        int bracket = first.lastIndexOf('[');
        int lastIndex = Integer.parseInt(last.substring(last.lastIndexOf('[') + 1, last.length() - 1));
        return first.substring(0, bracket) + "[" + first.substring(bracket + 1, first.length() - 1) + ":" + (lastIndex + 1) + "]";
    }

    /** The record as its feature's input: stored IDs for refs, passage text for passage refs. */
    private static ObjectNode resolved(RecordType type, ObjectNode record, Map<String, String> ids,
            References references) {
        ObjectNode input = record.deepCopy();
        input.remove("ref");
        input.remove("passages");
        for (RecordType.Ref field : type.refs) {
            References.each(input, "$", field.steps(), 0,
                    (path, slot) -> slot.set(TextNode.valueOf(ids.get(slot.get().asText()))));
        }
        JsonNode citations = input.path("citations");
        for (JsonNode citation : citations) {
            JsonNode passage = ((ObjectNode) citation).remove("passage");
            if (passage != null) {
                ((ObjectNode) citation).put("excerpt", references.passageText(passage.asText()));
            }
        }
        return input;
    }

    /** Where an ApiException from a service's validation points, as a problem of the record at {@code path}. */
    static ApiException located(String path, ApiException failure) {
        if (failure.code() != io.parley.common.ErrorCode.BAD_USER_INPUT) {
            return failure;
        }
        String field = failure.field();
        String suffix = field == null || field.equals("input") ? ""
                : field.startsWith("input.") ? field.substring("input".length()) : "." + field;
        return Problem.refusal(List.of(new Problem(path + suffix, failure.detail())));
    }

    static String id(RecordType type, long key) {
        return GlobalId.encode(type.nodeType, key);
    }
}
