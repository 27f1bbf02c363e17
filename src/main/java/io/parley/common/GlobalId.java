package io.parley.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Opaque IDs that are unique across all types: base64url of {@code Type:key}. Clients must not
 * parse them; the encoding only lets {@code node(id)} find the table without a lookup.
 */
public record GlobalId(NodeType type, long key) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_LENGTH = 64;
    /** A record key as an ID writes it: 1 to 19 digits, no leading zero (compiled once: IDs are decoded on every read by id). */
    private static final Pattern KEY = Pattern.compile("[1-9][0-9]{0,18}");

    public static String encode(NodeType type, long key) {
        return ENCODER.encodeToString((type.label() + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes any well-formed ID; a malformed one is the client's mistake in {@code field}. */
    public static GlobalId decode(String id, String field) {
        GlobalId parsed = tryDecode(id);
        if (parsed == null) {
            throw ApiException.badInput(field, "'" + Inputs.preview(id) + "' is not a Parley ID");
        }
        return parsed;
    }

    /** The key of an ID that must name a record of {@code expected} type. */
    public static long keyOf(String id, NodeType expected, String field) {
        GlobalId parsed = decode(id, field);
        if (parsed.type != expected) {
            throw ApiException.badInput(field, "ID names a " + parsed.type.label() + ", not a " + expected.label());
        }
        return parsed.key;
    }

    /** The key of an ID when it names a record of {@code expected} type, otherwise null. */
    public static Long keyIfType(String id, NodeType expected, String field) {
        GlobalId parsed = decode(id, field);
        return parsed.type == expected ? parsed.key : null;
    }

    private static GlobalId tryDecode(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return null;
        }
        String text;
        try {
            text = new String(DECODER.decode(id), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return null;
        }
        NodeType type = NodeType.ofLabel(text.substring(0, colon));
        String digits = text.substring(colon + 1);
        if (type == null || !KEY.matcher(digits).matches()) {
            return null;
        }
        try {
            return new GlobalId(type, Long.parseLong(digits));
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }
}
