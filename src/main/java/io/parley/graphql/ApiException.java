package io.parley.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

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

    private ApiException(ErrorCode code, String field, String message, String correlationId, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
        this.field = field;
        this.correlationId = correlationId;
    }

    public static ApiException badInput(String field, String message) {
        return new ApiException(ErrorCode.BAD_USER_INPUT, field, field + ": " + message, null, null);
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

    public static ApiException limitExceeded(String field, String message) {
        return new ApiException(ErrorCode.LIMIT_EXCEEDED, field, field + ": " + message, null, null);
    }

    public static ApiException unavailable(Throwable cause) {
        return new ApiException(ErrorCode.UNAVAILABLE, null, "The database cannot be reached; try again shortly", null,
                cause);
    }

    public static ApiException internal(String correlationId, Throwable cause) {
        return new ApiException(ErrorCode.INTERNAL, null,
                "Internal error; quote correlation id " + correlationId + " when reporting it", correlationId, cause);
    }

    public ErrorCode code() {
        return code;
    }

    /** A GraphQL response body holding only this error, for answers given before GraphQL runs. */
    public String asResponseBody() {
        return new JsonObject().put("errors", new JsonArray().add(new JsonObject()
                .put("message", getMessage()).put("extensions", new JsonObject(getExtensions())))).encode();
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
