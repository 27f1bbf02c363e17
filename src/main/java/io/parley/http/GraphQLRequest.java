package io.parley.http;

import java.util.Map;

import io.parley.replica.ReadAfter;
import io.vertx.core.MultiMap;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * One GraphQL-over-HTTP request, read from a JSON body or from the URL of a GET: {@code query},
 * {@code operationName}, {@code variables} and {@code extensions}. Whatever is not of the spec's
 * shape is refused here as BAD_USER_INPUT with HTTP 400, before anything parses the document.
 * A request may lack its query when it names a persisted one: by hash in
 * {@code extensions.persistedQuery} (Apollo, urql) or by {@code documentId} (the spec's
 * persisted-documents proposal, and the ids of a trusted-documents manifest).
 */
public record GraphQLRequest(String query, String operationName, Map<String, Object> variables,
        Map<String, Object> extensions, String documentId) {

    static GraphQLRequest fromBody(String body) {
        String text = body == null ? "" : body.strip();
        if (text.startsWith("[")) {
            throw Refusal.malformed("request",
                    "batched requests (a JSON array) are not accepted; send one operation per request");
        }
        JsonObject request;
        try {
            request = new JsonObject(text);
        } catch (DecodeException | ClassCastException notAnObject) {
            throw Refusal.malformed("request", "the body must be a JSON object with a query");
        }
        return of(request.getValue("query"), request.getValue("operationName"), request.getValue("variables"),
                request.getValue("extensions"), request.getValue("documentId"));
    }

    static GraphQLRequest fromDocument(String body) {
        return new GraphQLRequest(body, null, Map.of(), null, null);
    }

    /** A GET: the parameters are URL-encoded strings, variables and extensions JSON-encoded. */
    static GraphQLRequest fromUrl(MultiMap parameters) {
        return of(parameters.get("query"), parameters.get("operationName"),
                json("variables", parameters.get("variables")), json("extensions", parameters.get("extensions")),
                parameters.get("documentId"));
    }

    private static Object json(String name, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return null;
        }
        try {
            return new JsonObject(encoded);
        } catch (DecodeException | ClassCastException notAnObject) {
            throw Refusal.malformed(name, "must be a JSON object");
        }
    }

    private static GraphQLRequest of(Object query, Object operationName, Object variables, Object extensions,
            Object documentId) {
        if (query != null && !(query instanceof String)) {
            throw Refusal.malformed("query", "must be a string");
        }
        if (operationName != null && !(operationName instanceof String)) {
            throw Refusal.malformed("operationName", "must be a string");
        }
        if (variables != null && !(variables instanceof JsonObject)) {
            throw Refusal.malformed("variables", "must be an object");
        }
        if (extensions != null && !(extensions instanceof JsonObject)) {
            throw Refusal.malformed("extensions", "must be an object");
        }
        if (documentId != null && !(documentId instanceof String)) {
            throw Refusal.malformed("documentId", "must be a string");
        }
        GraphQLRequest request = new GraphQLRequest((String) query, (String) operationName,
                variables == null ? Map.of() : ((JsonObject) variables).getMap(),
                extensions == null ? null : ((JsonObject) extensions).getMap(), (String) documentId);
        if (request.query == null && request.persistedQuery() == null && request.documentId == null) {
            throw Refusal.malformed("query", "is missing");
        }
        return request;
    }

    /** The {@code extensions.persistedQuery} object Apollo Client and urql send, or null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> persistedQuery() {
        Object persisted = extensions == null ? null : extensions.get("persistedQuery");
        if (persisted != null && !(persisted instanceof Map)) {
            throw Refusal.malformed("extensions.persistedQuery", "must be an object");
        }
        return (Map<String, Object>) persisted;
    }

    /**
     * Whether nothing but a persisted-query reference and the commit position to read after
     * ({@link ReadAfter}) ride along: any other extension may mean something to the general path,
     * so only these requests may be compiled.
     */
    boolean onlyPersistedExtension() {
        // An empty "extensions" still goes the general path, as it always has (tests send one to
        // compare the two paths).
        return extensions == null || !extensions.isEmpty() && extensions.keySet().stream()
                .allMatch(name -> name.equals("persistedQuery") || name.equals(ReadAfter.EXTENSION));
    }

    GraphQLRequest withQuery(String document) {
        return new GraphQLRequest(document, operationName, variables, extensions, documentId);
    }
}
