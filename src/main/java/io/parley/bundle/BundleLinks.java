package io.parley.bundle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.parley.common.ApiException;
import io.parley.common.GlobalId;

/**
 * Links a record of a bundle to the stored record it is, as a reviewer does when drafting
 * proposed a new person (or talk, or source) that Parley already holds under a name drafting
 * did not recognise. A bundle's refs name records of the bundle, so the stored record comes in
 * whole (with everything it refers to, {@link StoredBundles#closure}), takes the proposed
 * record's place with what the report adds (its citations; for a person, the name as the report
 * writes it, as another spelling), and every reference to the proposed record's ref now names
 * the stored record's ID. Importing then updates the stored record and creates nothing for it.
 */
@ApplicationScoped
public class BundleLinks {

    /** The bundle after linking, the record's ref in it now (the stored ID), and what the bundle adds to it. */
    public record Linked(ObjectNode bundle, String ref, List<String> notes) {
    }

    private final StoredBundles stored;

    public BundleLinks(StoredBundles stored) {
        this.stored = stored;
    }

    public Linked link(String bundleJson, String ref, String storedId) {
        ObjectNode bundle = parse(bundleJson);
        RecordType type = null;
        int index = -1;
        for (RecordType candidate : RecordType.values()) {
            int at = indexOf(bundle, candidate, ref);
            if (at >= 0) {
                type = candidate;
                index = at;
                break;
            }
        }
        if (type == null) {
            throw ApiException.badInput("ref", "no record of the bundle has ref '" + ref + "'");
        }
        GlobalId id = GlobalId.decode(storedId, "id");
        if (id.type() != type.nodeType) {
            throw ApiException.badInput("id", "names a " + id.type().label() + ", but '" + ref + "' is a "
                    + type.nodeType.label());
        }
        if (ref.equals(storedId)) {
            return new Linked(bundle, ref, List.of());
        }
        for (RecordType other : RecordType.values()) {
            if (other != type && indexOf(bundle, other, storedId) >= 0) {
                throw ApiException.badInput("id", "'" + storedId + "' is already the ref of a record in " + other.collection);
            }
        }
        ObjectNode closure = stored.closure(List.of(storedId));
        int storedAt = indexOf(closure, type, storedId);
        if (storedAt < 0) {
            throw ApiException.notFound("id", "no " + type.nodeType.label() + " has ID " + storedId);
        }
        ArrayNode records = (ArrayNode) bundle.get(type.collection);
        ObjectNode proposed = (ObjectNode) records.get(index);
        // The stored record may be in the bundle already: matched by another proposal, or
        // travelling along as something a stored record refers to. It then takes the additions.
        int present = indexOf(bundle, type, storedId);
        ObjectNode target = present >= 0 ? (ObjectNode) records.get(present) : ((ObjectNode) closure.get(type.collection).get(storedAt)).deepCopy();
        List<String> notes = new ArrayList<>();
        int cited = addCitations(proposed, target);
        if (cited > 0) {
            notes.add(cited == 1 ? "a citation" : cited + " citations");
        }
        if (type == RecordType.PERSON) {
            spellings(proposed, target).forEach(spelling -> notes.add("another spelling: " + spelling));
        }
        if (present >= 0) {
            records.remove(index);
        } else {
            records.set(index, target);
        }
        rename(bundle, type, ref, storedId);
        addMissing(bundle, closure);
        return new Linked(bundle, storedId, notes);
    }

    private static ObjectNode parse(String json) {
        try {
            JsonNode bundle = BundleJson.MAPPER.readTree(json);
            if (bundle instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw ApiException.badInput("bundle", "is not JSON: " + e.getOriginalMessage());
        }
        throw ApiException.badInput("bundle", "must be a JSON object (a report bundle)");
    }

    /** The index of the record with this ref in the type's collection, or -1. */
    private static int indexOf(JsonNode bundle, RecordType type, String ref) {
        JsonNode records = bundle.path(type.collection);
        for (int i = 0; i < records.size(); i++) {
            if (ref.equals(records.get(i).path("ref").asText(null))) {
                return i;
            }
        }
        return -1;
    }

    /** The proposed record's citations the target lacks, added to it; how many. */
    private static int addCitations(ObjectNode proposed, ObjectNode target) {
        JsonNode citations = proposed.path("citations");
        if (citations.isEmpty()) {
            return 0;
        }
        ArrayNode into = target.withArray("citations");
        Set<JsonNode> known = new HashSet<>();
        into.forEach(known::add);
        int added = 0;
        for (JsonNode citation : citations) {
            if (known.add(citation)) {
                into.add(citation.deepCopy());
                added++;
            }
        }
        return added;
    }

    /** The names the proposed person is written as that the stored one does not have, added as aliases. */
    private static List<String> spellings(ObjectNode proposed, ObjectNode target) {
        Set<String> known = new HashSet<>();
        known.add(target.path("name").asText());
        target.path("aliases").forEach(alias -> known.add(alias.asText()));
        target.path("aliasesWithLanguage").forEach(alias -> known.add(alias.path("name").asText()));
        Set<String> names = new LinkedHashSet<>();
        if (proposed.hasNonNull("name")) {
            names.add(proposed.get("name").asText());
        }
        proposed.path("aliases").forEach(alias -> names.add(alias.asText()));
        List<String> added = new ArrayList<>();
        for (String name : names) {
            if (!name.isBlank() && known.add(name)) {
                target.withArray("aliases").add(name);
                added.add(name);
            }
        }
        return added;
    }

    /** Every reference to {@code from} in a field naming records of the type's collection now names {@code to}. */
    private static void rename(ObjectNode bundle, RecordType type, String from, String to) {
        for (RecordType holder : RecordType.values()) {
            References.records(bundle, holder, (path, record) -> {
                for (RecordType.Ref field : holder.refs) {
                    if (field.collection().equals(type.collection)) {
                        References.each(record, path, field.steps(), 0, (valuePath, slot) -> {
                            if (from.equals(slot.get().asText())) {
                                slot.set(TextNode.valueOf(to));
                            }
                        });
                    }
                }
            });
        }
    }

    /** The stored records the linked one refers to, where the bundle lacks them; a stored source's passages too. */
    private static void addMissing(ObjectNode bundle, ObjectNode closure) {
        for (RecordType type : RecordType.values()) {
            for (JsonNode record : closure.path(type.collection)) {
                String ref = record.path("ref").asText();
                int at = indexOf(bundle, type, ref);
                if (at < 0) {
                    bundle.withArray(type.collection).add(record.deepCopy());
                } else if (type == RecordType.SOURCE) {
                    ObjectNode source = (ObjectNode) bundle.get(type.collection).get(at);
                    Set<String> passages = new HashSet<>();
                    source.path("passages").forEach(p -> passages.add(p.path("ref").asText()));
                    for (JsonNode passage : record.path("passages")) {
                        if (passages.add(passage.path("ref").asText())) {
                            source.withArray("passages").add(passage.deepCopy());
                        }
                    }
                }
            }
        }
    }
}
