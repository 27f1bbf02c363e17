package io.parley.idempotency;

/**
 * A keyed write's answer as first given, and as given again to a retry: the body, and what its
 * HTTP status follows from (GraphQL over HTTP answers a response without data with 400 in
 * application/graphql-response+json).
 */
public record Answer(String body, boolean hasData, boolean hasErrors) {
}
