package io.parley.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

/**
 * The only exception the API lets reach a client. Its message is written for the client, and
 * its {@code code} (and, for bad input, the offending {@code field}) go to
 * {@code extensions}. Everything else is turned into one of these by {@link ErrorMapping}.
 */
public final class ApiException extends RuntimeException implements GraphQLError {

    private final ErrorCode code;
    private final String field;
    private final String correlationId;
    private final JsonArray problems;
    /** A refusal that passes with time (a resource is busy), rather than one the caller must change. */
    private final boolean busy;

    private ApiException(ErrorCode code, String field, String message, String correlationId, Throwable cause) {
        this(code, field, message, correlationId, cause, null, false);
    }

    private ApiException(ErrorCode code, String field, String message, String correlationId, Throwable cause,
            JsonArray problems, boolean busy) {
        super(message, cause, false, false);
        this.code = code;
        this.field = field;
        this.correlationId = correlationId;
        this.problems = problems;
        this.busy = busy;
    }

    public static ApiException badInput(String field, String message) {
        return new ApiException(ErrorCode.BAD_USER_INPUT, field, field + ": " + message, null, null);
    }

    /** Bad input with many problems, each a map of {@code path} and {@code message}, in {@code extensions.problems}. */
    public static ApiException invalidDocument(String message, List<Map<String, Object>> problems) {
        // SmallRye GraphQL writes extension values that are JSON values or maps; a list must be a JsonArray.
        return new ApiException(ErrorCode.BAD_USER_INPUT, null, message, null, null,
                Json.createArrayBuilder(problems).build(), false);
    }

    public static ApiException notFound(String field, String message) {
        return new ApiException(ErrorCode.NOT_FOUND, field, message, null, null);
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, null, message, null, null);
    }

    public static ApiException unauthenticated() {
        return new ApiException(ErrorCode.UNAUTHENTICATED, null,
                "A valid bearer token is required; it is missing, malformed or expired", null, null);
    }

    /** A bearer token was sent but does not verify. */
    public static ApiException invalidToken() {
        return new ApiException(ErrorCode.UNAUTHENTICATED, null,
                "The bearer token is not valid: it is malformed, expired or not signed by a trusted issuer", null, null);
    }

    public static ApiException forbidden() {
        return new ApiException(ErrorCode.FORBIDDEN, null, "Your token does not grant a role this operation needs",
                null, null);
    }

    /** A refusal for a reason the message gives, such as an operation that is not a trusted document. */
    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, null, message, null, null);
    }

    /** Worded exactly as Apollo Client and urql recognise it, so they retry with the query. */
    public static ApiException persistedQueryNotFound() {
        return new ApiException(ErrorCode.PERSISTED_QUERY_NOT_FOUND, null, "PersistedQueryNotFound", null, null);
    }

    public static ApiException limitExceeded(String field, String message) {
        return new ApiException(ErrorCode.LIMIT_EXCEEDED, field, field + ": " + message, null, null);
    }

    /** Over a limit that frees up with time (e.g. every export slot taken): HTTP 429, try again later. */
    public static ApiException busy(String field, String message) {
        return new ApiException(ErrorCode.LIMIT_EXCEEDED, field, field + ": " + message, null, null, null, true);
    }

    public static ApiException unavailable(Throwable cause) {
        return new ApiException(ErrorCode.UNAVAILABLE, null, "The database cannot be reached; try again shortly", null,
                cause);
    }

    /** A write's commit whose outcome is unknown: the connection broke while it was on its way. */
    public static ApiException commitUnknown(Throwable cause) {
        return new ApiException(ErrorCode.COMMIT_UNKNOWN, null, "The connection to the database broke while the"
                + " write was committing, so it may or may not have been written; send the same request again with"
                + " the same idempotency key (Idempotency-Key header or idempotencyKey argument): it returns the"
                + " first answer if the write was made, and makes it once if not", null, cause);
    }

    public static ApiException internal(String correlationId, Throwable cause) {
        return new ApiException(ErrorCode.INTERNAL, null,
                "Internal error; quote correlation id " + correlationId + " when reporting it", correlationId, cause);
    }

    public ErrorCode code() {
        return code;
    }

    /** The input field at fault, if one is named. */
    public String field() {
        return field;
    }

    /** The message without the field name it starts with. */
    public String detail() {
        String message = getMessage();
        return field != null && message.startsWith(field + ": ") ? message.substring(field.length() + 2) : message;
    }

    /**
     * The HTTP status of an answer that holds only this error, given outside GraphQL's own
     * responses (routes of their own such as /import and /export, refusals before GraphQL runs).
     */
    public int httpStatus() {
        return switch (code) {
            case BAD_USER_INPUT -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND, PERSISTED_QUERY_NOT_FOUND -> 404;
            case CONFLICT -> 409;
            // A body over its size limit is 413, a busy resource 429; too many values in a filter
            // is the caller's to change: 400.
            case LIMIT_EXCEEDED -> busy ? 429 : "body".equals(field) ? 413 : 400;
            case UNAVAILABLE, COMMIT_UNKNOWN -> 503;
            case INTERNAL -> 500;
        };
    }

    /**
     * A GraphQL response body holding only this error, for answers given before GraphQL runs.
     * Written with JSON-P, which the extensions' values ({@code problems}) are.
     */
    public String asResponseBody() {
        return Json.createObjectBuilder().add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("message", getMessage()).add("extensions", Json.createObjectBuilder(getExtensions())))).build()
                .toString();
    }

    @Override
    public Map<String, Object> getExtensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        if (field != null) {
            extensions.put("field", field);
        }
        if (correlationId != null) {
            extensions.put("correlationId", correlationId);
        }
        if (problems != null) {
            extensions.put("problems", problems);
        }
        return extensions;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorClassification.errorClassification(code.name());
    }
}
