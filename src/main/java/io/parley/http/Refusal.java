package io.parley.http;

import java.util.Map;

import io.parley.common.ApiException;

/**
 * A request the endpoint answers with an error before executing anything, and the HTTP status
 * it gets for each response media type: GraphQL over HTTP keeps {@code application/json} at 200
 * for well-formed requests, while {@code application/graphql-response+json} says what went wrong
 * in the status too.
 */
public final class Refusal extends RuntimeException {

    final ApiException error;
    final int jsonStatus;
    final int graphqlResponseStatus;
    final Map<String, String> headers;

    public Refusal(ApiException error, int jsonStatus, int graphqlResponseStatus, Map<String, String> headers) {
        super(error.getMessage(), null, false, false);
        this.error = error;
        this.jsonStatus = jsonStatus;
        this.graphqlResponseStatus = graphqlResponseStatus;
        this.headers = headers;
    }

    /** A request that is not a well-formed GraphQL-over-HTTP request: 400 whatever the media type. */
    public static Refusal malformed(String field, String message) {
        return new Refusal(ApiException.badInput(field, message), 400, 400, Map.of());
    }

    /** A well-formed request that asks for something refused: 200 in application/json, the status otherwise. */
    public static Refusal refused(ApiException error, int graphqlResponseStatus) {
        return new Refusal(error, 200, graphqlResponseStatus, Map.of());
    }

    int status(ResponseType type) {
        return type == ResponseType.GRAPHQL_RESPONSE_JSON ? graphqlResponseStatus : jsonStatus;
    }
}
