package io.parley.http;

import java.util.List;

import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;

/**
 * The media type of a GraphQL response, chosen from the request's Accept header as GraphQL over
 * HTTP says: {@code application/graphql-response+json} when the client asks for it,
 * {@code application/json} when it asks for that, for anything ({@code *}{@code /*}) or for nothing.
 */
public enum ResponseType {
    GRAPHQL_RESPONSE_JSON("application/graphql-response+json; charset=utf-8"),
    JSON("application/json; charset=utf-8");

    final String contentType;

    ResponseType(String contentType) {
        this.contentType = contentType;
    }

    /** The type the client prefers most, or null when it accepts neither (HTTP 406). */
    static ResponseType negotiate(RoutingContext request) {
        List<MIMEHeader> accepted = request.parsedHeaders().accept();
        if (accepted.isEmpty()) {
            return JSON;
        }
        // Vert.x sorts the accepted types by their q weight, most wanted first.
        for (MIMEHeader type : accepted) {
            String value = type.value();
            if (value.equals("application/graphql-response+json")) {
                return GRAPHQL_RESPONSE_JSON;
            }
            if (value.equals("application/json") || value.equals("application/graphql+json")
                    || value.equals("application/*") || value.equals("*/*")) {
                return JSON;
            }
        }
        return null;
    }
}
