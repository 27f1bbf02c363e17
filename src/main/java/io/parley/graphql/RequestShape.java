package io.parley.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Checks the shape of a JSON GraphQL request before SmallRye reads it: SmallRye fails with an
 * HTTP 500 when, say, {@code variables} is a string. Such requests get a BAD_USER_INPUT error
 * instead; bodies that are not JSON at all are left to SmallRye, which answers them itself.
 */
@ApplicationScoped
public class RequestShape {

    void route(@Observes Router router) {
        router.route("/graphql").order(-100).method(HttpMethod.POST).handler(BodyHandler.create(false));
        router.route("/graphql").order(-99).method(HttpMethod.POST).handler(context -> {
            String mistake = mistake(context.body().asString());
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

    /** What is wrong with a JSON request's shape, or null when it is fine or not JSON at all. */
    static String mistake(String body) {
        if (body == null || body.isBlank() || body.stripLeading().charAt(0) != '{') {
            return null;
        }
        JsonObject request;
        try {
            request = new JsonObject(body);
        } catch (DecodeException notJson) {
            return null;
        }
        Object query = request.getValue("query");
        if (query != null && !(query instanceof String)) {
            return "query must be a string";
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
