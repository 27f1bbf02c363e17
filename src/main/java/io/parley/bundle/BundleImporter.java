package io.parley.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * validation as the GraphQL mutations.
 */
@ApplicationScoped
public class BundleImporter {

    private final BundleSchema schema;
    private final BundleWriter writer;
    private final EntityManager em;

    public BundleImporter(BundleSchema schema, BundleWriter writer, EntityManager em) {
        this.schema = schema;
        this.writer = writer;
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
        Map<String, String> ids = new HashMap<>();
        List<ImportedRecord> imported = new ArrayList<>();
        for (RecordType type : RecordType.values()) {
            References.records(bundle, type, (path, record) -> {
                ObjectNode input = resolved(type, record, ids, references);
                ImportedRecord result = writer.write(type, record.get("ref").asText(), input, path);
                ids.put(result.ref(), result.id());
                imported.add(result);
            });
        }
        if (dryRun) {
            // Nothing is kept: the writes, their history and their change events (a NOTIFY is
            // delivered only on commit) go with the transaction.
            QuarkusTransaction.setRollbackOnly();
        }
        return ImportResult.of(imported, dryRun);
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
