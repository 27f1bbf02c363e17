package io.parley.bundle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Whether a resolved bundle record says exactly what its stored record (in the bundle's shape,
 * V7's views) already says, so that a re-import can skip it without writing anything.
 *
 * <p>The check is deliberately literal and can only err towards "changed": the record is compared
 * as written, with only the defaults its service applies to an absent field filled in (a talk's
 * format, a track's status, ...) and an absent list taken as empty (a service stores none for it,
 * or keeps an empty one). Text with surrounding blanks, a date not yet aligned to its precision, a
 * number written another way: each compares as different, and the record then goes through its
 * service at a savepoint (BundleWriter), which decides by writing. So a record skipped here is one
 * whose update would have been rolled back as unchanged; the round trip of export and import
 * (BundleRoundTripTest) is what makes a stored record's own shape an update that changes nothing.
 */
final class Unchanged {

    private Unchanged() {
    }

    /** True when importing {@code input} over the record stored as {@code stored} changes nothing. */
    static boolean test(RecordType type, ObjectNode input, JsonNode stored) {
        if (stored == null) {
            return false;
        }
        ObjectNode expected = input.deepCopy();
        stripNulls(expected);
        citations(expected);
        defaults(type, expected);
        for (Iterator<Map.Entry<String, JsonNode>> fields = stored.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!expected.has(field.getKey()) && field.getValue().isArray() && field.getValue().isEmpty()) {
                expected.set(field.getKey(), field.getValue());
            }
        }
        return expected.equals(stored);
    }

    /** What each service stores for a field the input leaves out (their apply methods). */
    private static void defaults(RecordType type, ObjectNode record) {
        switch (type) {
            case TALK -> {
                precision(record, "date", "datePrecision");
                absent(record, "format", TextNode.valueOf("IN_PERSON"));
                absent(record, "closedDoor", BooleanNode.FALSE);
                if (!record.has("status") && record.has("date")) {
                    // TalkService: planned when dated after today, else held
                    try {
                        LocalDate date = LocalDate.parse(record.get("date").asText());
                        record.put("status", date.isAfter(LocalDate.now()) ? "PLANNED" : "HELD");
                    } catch (DateTimeParseException e) {
                        // left absent: compares as changed
                    }
                }
            }
            case ENVOY -> precision(record, "announcedOn", "announcedOnPrecision");
            case TRACK -> absent(record, "status", TextNode.valueOf("ACTIVE"));
            case OUTCOME -> {
                absent(record, "status", TextNode.valueOf("AGREED"));
                precision(record, "date", "datePrecision");
                for (JsonNode figure : record.path("figures")) {
                    if (figure instanceof ObjectNode object) {
                        absent(object, "approximate", BooleanNode.FALSE);
                    }
                }
            }
            case STATEMENT -> {
                absent(record, "verbatim", BooleanNode.TRUE);
                precision(record, "saidOn", "saidOnPrecision");
                absent(record, "tone", TextNode.valueOf("NEUTRAL"));
            }
            case SOURCE, PERSON, TRIP -> {
            }
        }
    }

    /** DatePrecision.forDate: a date given without its precision is a day. */
    private static void precision(ObjectNode record, String date, String precision) {
        if (record.has(date)) {
            absent(record, precision, TextNode.valueOf("DAY"));
        }
    }

    private static void absent(ObjectNode record, String field, JsonNode value) {
        if (!record.has(field)) {
            record.set(field, value);
        }
    }

    /**
     * Citations as the views write them: the source's ID and, for an excerpt, its passage ref
     * (V7's bundle_passage_ref: the source's ID, '#' and the first 12 hex digits of the excerpt's MD5).
     */
    private static void citations(ObjectNode record) {
        if (!(record.get("citations") instanceof ArrayNode citations)) {
            return;
        }
        for (JsonNode citation : citations) {
            if (citation instanceof ObjectNode object && object.get("excerpt") != null) {
                String excerpt = object.remove("excerpt").asText();
                object.put("passage", object.path("sourceId").asText() + "#" + md5(excerpt).substring(0, 12));
            }
        }
    }

    /** jsonb_strip_nulls: object fields that are null go, at every depth. */
    private static void stripNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(field -> field.getValue().isNull());
            object.forEach(Unchanged::stripNulls);
        } else if (node instanceof ArrayNode array) {
            array.forEach(Unchanged::stripNulls);
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
