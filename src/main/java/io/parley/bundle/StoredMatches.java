package io.parley.bundle;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.parley.common.ApiException;
import io.parley.common.GlobalId;
import io.parley.sql.Sql;

/**
 * The stored records a slice of a bundle's records match, found in one statement per slice
 * instead of one per record, and those records in the bundle's shape (V7's views), read in one
 * statement as well. The conditions are {@link BundleWriter}'s per-record ones (the oldest match
 * wins a tie), evaluated over a JSON array of the slice's keys.
 *
 * <p>A record whose keys the statement cannot take as they are (a date PostgreSQL would refuse,
 * an ID that does not decode) is left out and goes the per-record way, which reports the problem
 * at the record's path: one bad value must not abort the transaction for the whole slice.
 */
@ApplicationScoped
class StoredMatches {

    /** What one slice found: the stored key each matched record names, by index in the slice. */
    record Found(Map<Integer, Long> keys, List<Integer> unchecked) {
        boolean checked(int index) {
            return !unchecked.contains(index);
        }
    }

    private final EntityManager em;

    StoredMatches(EntityManager em) {
        this.em = em;
    }

    /** The stored records the resolved {@code inputs} (of one type other than people) match. */
    Found match(RecordType type, List<ObjectNode> inputs) {
        ArrayNode keys = BundleJson.MAPPER.createArrayNode();
        List<Integer> unchecked = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ObjectNode key = naturalKey(type, inputs.get(i));
            if (key == null) {
                unchecked.add(i);
            } else {
                keys.add(key.put("i", i));
            }
        }
        Map<Integer, Long> found = new HashMap<>();
        if (!keys.isEmpty()) {
            // min over the matches, found first (offset 0 keeps the planner from flattening it): as
            // "order by x.id limit 1" PostgreSQL walked the primary key in order and filtered each
            // talk by title, 343 ms per slice of 1,000 titles against 10,000 stored talks, where
            // the index on the matching keys finds them in well under a millisecond each.
            for (Object row : Sql.of("select k.i, (select min(m.id) from (select x.id from ", condition(type), " offset 0) m)",
                    " from jsonb_to_recordset(cast(", Sql.value(keys.toString()), " as jsonb)) as k(", columns(type), ")")
                    .nativeQuery(em).getResultList()) {
                Object[] columns = (Object[]) row;
                if (columns[1] != null) {
                    found.put(((Number) columns[0]).intValue(), ((Number) columns[1]).longValue());
                }
            }
        }
        return new Found(found, unchecked);
    }

    /**
     * The record's matching keys as text, equal for two records that match the same stored one;
     * null when they cannot be read (the record is then matched on its own).
     */
    static String naturalKeyText(RecordType type, ObjectNode input) {
        ObjectNode key = naturalKey(type, input);
        if (key != null && type == RecordType.SOURCE && key.hasNonNull("url")) {
            // a source with a URL matches by it alone
            return "url:" + key.get("url").asText();
        }
        return key == null ? null : key.toString();
    }

    /** The stored records {@code keys} name, in the bundle's shape without ref and passages. */
    Map<Long, JsonNode> stored(RecordType type, List<Long> keys) {
        Map<Long, JsonNode> docs = new HashMap<>();
        if (keys.isEmpty()) {
            return docs;
        }
        for (Object row : Sql.of("select id, doc::text from " + type.view + " where id in (", Sql.values(keys), ")")
                .nativeQuery(em).getResultList()) {
            Object[] columns = (Object[]) row;
            docs.put(((Number) columns[0]).longValue(), bundleShape((String) columns[1]));
        }
        return docs;
    }

    /** A view's doc as {@link Unchanged} compares it: without the ref and the source's passages. */
    static ObjectNode bundleShape(String doc) {
        try {
            ObjectNode shape = (ObjectNode) BundleJson.MAPPER.readTree(doc);
            shape.remove("ref");
            shape.remove("passages");
            return shape;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL wrote invalid JSON", e);
        }
    }

    /** The record set {@code k} as the table's condition (BundleWriter.match, per row of k). */
    private static String condition(RecordType type) {
        return switch (type) {
            case SOURCE -> "source x where case when k.url is not null then x.url = k.url"
                    + " else x.publisher = k.publisher and x.title is not distinct from k.title"
                    + " and x.published_on is not distinct from k.published_on and x.url is null end";
            case PERSON -> throw new IllegalArgumentException("people are matched by PersonMatching");
            case TRACK -> "track x where x.name = k.name";
            case ENVOY -> "envoy x where x.person_id = k.person_id and x.title = k.title";
            case TALK -> "talk x where x.title = k.title";
            case TRIP -> "trip x where x.envoy_id = k.envoy_id and x.destination_name = k.destination_name"
                    + " and x.arrived_on is not distinct from k.arrived_on and x.purpose is not distinct from k.purpose";
            case OUTCOME -> "outcome x where x.kind = k.kind and x.title = k.title";
            case STATEMENT -> "statement x where x.speaker_id = k.speaker_id and md5(x.quote) = md5(k.quote)"
                    + " and x.quote = k.quote";
        };
    }

    private static String columns(RecordType type) {
        return switch (type) {
            case SOURCE -> "i integer, url text, publisher text, title text, published_on date";
            case PERSON -> throw new IllegalArgumentException("people are matched by PersonMatching");
            case TRACK -> "i integer, name text";
            case ENVOY -> "i integer, person_id bigint, title text";
            case TALK -> "i integer, title text";
            case TRIP -> "i integer, envoy_id bigint, destination_name text, arrived_on date, purpose text";
            case OUTCOME -> "i integer, kind text, title text";
            case STATEMENT -> "i integer, speaker_id bigint, quote text";
        };
    }

    /** The record's matching keys as one row of k; null when a value would make the statement fail. */
    private static ObjectNode naturalKey(RecordType type, ObjectNode input) {
        ObjectNode key = BundleJson.MAPPER.createObjectNode();
        try {
            switch (type) {
                case SOURCE -> {
                    key.put("url", BundleWriter.text(input, "url"));
                    key.put("publisher", BundleWriter.text(input, "publisher"));
                    key.put("title", BundleWriter.text(input, "title"));
                    key.put("published_on", date(input, "publishedOn"));
                }
                case PERSON -> throw new IllegalArgumentException("people are matched by PersonMatching");
                case TRACK -> key.put("name", BundleWriter.text(input, "name"));
                case ENVOY -> {
                    key.put("person_id", keyOf(input, "personId"));
                    key.put("title", BundleWriter.text(input, "title"));
                }
                case TALK -> key.put("title", BundleWriter.text(input, "title"));
                case TRIP -> {
                    key.put("envoy_id", keyOf(input, "envoyId"));
                    key.put("destination_name", BundleWriter.text(input.path("destination"), "name"));
                    key.put("arrived_on", date(input, "arrivedOn"));
                    key.put("purpose", BundleWriter.text(input, "purpose"));
                }
                case OUTCOME -> {
                    key.put("kind", BundleWriter.text(input, "kind"));
                    key.put("title", BundleWriter.text(input, "title"));
                }
                case STATEMENT -> {
                    key.put("speaker_id", keyOf(input, "speakerId"));
                    key.put("quote", BundleWriter.text(input, "quote"));
                }
            }
        } catch (ApiException | DateTimeParseException e) {
            return null;
        }
        return key;
    }

    /** A date as PostgreSQL reads it back; a text that is no ISO date throws. */
    private static String date(JsonNode node, String field) {
        String text = BundleWriter.text(node, field);
        if (text == null) {
            return null;
        }
        LocalDate date = LocalDate.parse(text);
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new DateTimeParseException("outside the years PostgreSQL reads back alike", text, 0);
        }
        return date.toString();
    }

    private static Long keyOf(JsonNode node, String field) {
        String id = BundleWriter.text(node, field);
        return id == null ? null : GlobalId.decode(id, field).key();
    }
}
