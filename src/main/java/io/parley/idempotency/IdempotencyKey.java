package io.parley.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.parley.common.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.json.Json;

/**
 * A write's idempotency key as Parley keeps it: scoped to the caller (the token's subject, ''
 * when anonymous), with a fingerprint of everything the request asked, so that the same key
 * sent with another request is told apart from a retry.
 */
public record IdempotencyKey(String subject, String key, byte[] fingerprint) {

    /** The HTTP header, as Stripe and the IETF draft (draft-ietf-httpapi-idempotency-key-header) name it. */
    public static final String HEADER = "Idempotency-Key";
    /** Stripe's limit; a UUID is 36. */
    static final int MAX_LENGTH = 255;
    /** As long as the column allows; a longer subject is kept as its SHA-256. */
    private static final int MAX_SUBJECT = 300;

    /**
     * A key a client sent, checked: text of 1 to 255 printable characters. {@code field} names
     * where it came from in a refusal.
     */
    static String checked(String field, String key) {
        if (key.isBlank() || key.length() > MAX_LENGTH) {
            throw ApiException.badInput(field, "an idempotency key is 1 to " + MAX_LENGTH + " characters (a UUID will do)");
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isISOControl(key.charAt(i))) {
                throw ApiException.badInput(field, "an idempotency key may not contain control characters");
            }
        }
        return key;
    }

    static IdempotencyKey of(SecurityIdentity caller, String key, Object... request) {
        return new IdempotencyKey(subject(caller), key, fingerprint(request));
    }

    private static String subject(SecurityIdentity caller) {
        if (caller == null || caller.isAnonymous() || caller.getPrincipal() == null) {
            return "";
        }
        String name = caller.getPrincipal().getName();
        return name.length() <= MAX_SUBJECT ? name : "sha256:" + HexFormat.of().formatHex(sha256(name));
    }

    /**
     * SHA-256 over the request's parts, each written as canonical JSON (object members sorted by
     * name), so variables that differ only in the order of their members are the same request.
     */
    static byte[] fingerprint(Object... parts) {
        List<Object> canonical = new ArrayList<>(parts.length);
        for (Object part : parts) {
            canonical.add(canonical(part));
        }
        return sha256(Json.encode(canonical));
    }

    private static Object canonical(Object value) {
        if (value instanceof io.vertx.core.json.JsonObject object) {
            return canonical(object.getMap());
        }
        if (value instanceof io.vertx.core.json.JsonArray array) {
            return canonical(array.getList());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((name, member) -> sorted.put(String.valueOf(name), canonical(member)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(canonical(item)));
            return items;
        }
        return value;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException always) {
            throw new IllegalStateException(always);
        }
    }
}
