package io.parley.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Checks a JSON GraphQL request before SmallRye reads it, so that every mistake in it gets a
 * BAD_USER_INPUT error: SmallRye answers a body that is not JSON or a document that does not
 * parse without any code, and fails with HTTP 500 when, say, {@code variables} is a string.
 * Requests of other content types are left to SmallRye.
 */
@ApplicationScoped
public class RequestShape {

    /** Where a well-formed JSON request is left, parsed, for {@link CompiledReads}. */
    public static final String REQUEST = "parley.request";

    private final Documents documents;
    private final long maxBody;

    public RequestShape(Documents documents,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.documents = documents;
        this.maxBody = maxBody.asLongValue();
    }

    void route(@Observes Router router) {
        router.route("/graphql").order(-100).method(HttpMethod.POST).handler(BodyHandler.create(false).setBodyLimit(maxBody));
        router.route("/graphql").order(-99).method(HttpMethod.POST).handler(context -> {
            String contentType = context.request().getHeader("Content-Type");
            String mistake = contentType != null && contentType.startsWith("application/json")
                    ? mistake(context)
                    : null;
            if (mistake == null) {
                context.next();
                return;
            }
            ApiException error = ApiException.badInput("request", mistake);
            context.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("errors", new JsonArray().add(new JsonObject()
                            .put("message", error.getMessage()).put("extensions", new JsonObject(error.getExtensions()))))
                            .encode());
        });
    }

    /** What is wrong with a JSON request, or null when it is fine (and then the request is kept in the context). */
    private String mistake(RoutingContext context) {
        String body = context.body().asString();
        JsonObject request;
        try {
            request = new JsonObject(body == null ? "" : body);
        } catch (DecodeException | ClassCastException notAnObject) {
            return "the body must be a JSON object with a query";
        }
        Object query = request.getValue("query");
        if (query != null && !(query instanceof String)) {
            return "query must be a string";
        }
        if (query instanceof String document) {
            String syntaxError = documents.parse(document).syntaxError;
            if (syntaxError != null) {
                return "the query does not parse: " + syntaxError;
            }
        }
        Object variables = request.getValue("variables");
        if (variables != null && !(variables instanceof JsonObject)) {
            return "variables must be an object";
        }
        Object operationName = request.getValue("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            return "operationName must be a string";
        }
        context.put(REQUEST, request);
        return null;
    }
}
