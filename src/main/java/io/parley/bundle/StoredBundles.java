package io.parley.bundle;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.parley.common.GlobalId;
import io.parley.sql.Sql;

/**
 * Stored records as a bundle that stands on its own: the records asked for, in the bundle's
 * shape (V7's views, refs being their IDs, as {@code /export/bundle} writes them), and every
 * record and source they refer to, so that the importer can read it (a ref must name a record of
 * the bundle). Report drafting builds on it: a drafted record that Parley already holds is the
 * stored record plus what the report adds, and importing it updates that record, never
 * duplicates it.
 */
@ApplicationScoped
public class StoredBundles {

    private final EntityManager em;

    public StoredBundles(EntityManager em) {
        this.em = em;
    }

    /** The records with these IDs and everything they refer to, each collection in the importer's order. */
    public ObjectNode closure(Collection<String> ids) {
        Map<RecordType, Map<String, ObjectNode>> found = new EnumMap<>(RecordType.class);
        Deque<String> pending = new ArrayDeque<>(ids);
        while (!pending.isEmpty()) {
            String id = pending.pop();
            GlobalId global = GlobalId.decode(id, "id");
            RecordType type = ofNode(global);
            Map<String, ObjectNode> ofType = found.computeIfAbsent(type, t -> new LinkedHashMap<>());
            if (ofType.containsKey(id)) {
                continue;
            }
            ObjectNode doc = doc(type, global.key());
            if (doc == null) {
                continue;
            }
            ofType.put(id, doc);
            for (RecordType.Ref field : type.refs) {
                References.each(doc, "$", field.steps(), 0, (path, slot) -> pending.push(slot.get().asText()));
            }
        }
        ObjectNode bundle = BundleJson.MAPPER.createObjectNode();
        for (RecordType type : RecordType.values()) {
            ArrayNode records = bundle.putArray(type.collection);
            found.getOrDefault(type, Map.of()).values().forEach(records::add);
        }
        return bundle;
    }

    private static RecordType ofNode(GlobalId id) {
        for (RecordType type : RecordType.values()) {
            if (type.nodeType == id.type()) {
                return type;
            }
        }
        throw new IllegalArgumentException(id.type().label() + " records are not part of bundles");
    }

    private ObjectNode doc(RecordType type, long key) {
        var rows = Sql.of("select doc::text from " + type.view + " where id = ", Sql.value(key)).nativeQuery(em)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        try {
            JsonNode doc = BundleJson.MAPPER.readTree((String) rows.get(0));
            return (ObjectNode) doc;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("view " + type.view + " wrote invalid JSON", e);
        }
    }
}
