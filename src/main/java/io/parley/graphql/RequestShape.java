package io.parley.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Checks a JSON GraphQL request before SmallRye reads it, so that every mistake in it gets a
 * BAD_USER_INPUT error: SmallRye answers a body that is not JSON or a document that does not
 * parse without any code, and fails with HTTP 500 when, say, {@code variables} is a string.
 * Requests of other content types are left to SmallRye.
 */
@ApplicationScoped
public class RequestShape {

    void route(@Observes Router router) {
        router.route("/graphql").order(-100).method(HttpMethod.POST).handler(BodyHandler.create(false));
        router.route("/graphql").order(-99).method(HttpMethod.POST).handler(context -> {
            String contentType = context.request().getHeader("Content-Type");
            String mistake = contentType != null && contentType.startsWith("application/json")
                    ? mistake(context.body().asString())
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

    /** What is wrong with a JSON request, or null when it is fine. */
    static String mistake(String body) {
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
            try {
                new Parser().parseDocument(document);
            } catch (InvalidSyntaxException syntax) {
                return "the query does not parse: " + syntax.getMessage();
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
        return null;
    }
}
