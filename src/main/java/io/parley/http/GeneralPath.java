package io.parley.http;

import java.util.function.Consumer;

import jakarta.json.JsonObject;

import io.parley.graphql.WebSocketOperations;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.ext.web.RoutingContext;

/**
 * Executes a request through SmallRye GraphQL (field by field) and hands the response back
 * instead of writing it. Extends SmallRye's own handler base so each request gets what the
 * stock endpoint gives it: an active request context, the caller's identity and the current
 * Vert.x request. Must be called on the request's event loop.
 */
final class GeneralPath extends SmallRyeGraphQLAbstractHandler {

    private static final String PENDING = "parley.general-path";

    private record Pending(JsonObject request, Consumer<ExecutionResponse> answer, Consumer<Throwable> failure) {
    }

    GeneralPath(CurrentIdentityAssociation identities, CurrentVertxRequest currentRequest) {
        // Not blocking: SmallRye moves blocking resolvers to worker threads itself, as on its own route.
        super(identities, currentRequest, false);
    }

    void execute(RoutingContext context, GraphQLRequest request, Consumer<ExecutionResponse> answer,
            Consumer<Throwable> failure) {
        io.vertx.core.json.JsonObject input = new io.vertx.core.json.JsonObject().put("query", request.query())
                .put("variables", request.variables());
        if (request.operationName() != null) {
            input.put("operationName", request.operationName());
        }
        context.put(WebSocketOperations.OVER_HTTP, Boolean.TRUE);
        context.put(PENDING, new Pending(inputToJsonObject(input.encode()), answer, failure));
        handle(context);
    }

    @Override
    protected void doHandle(RoutingContext context) {
        Pending pending = context.get(PENDING);
        getExecutionService().executeAsync(pending.request(), getMetaData(context), new ExecutionResponseWriter() {
            @Override
            public void write(ExecutionResponse response) {
                pending.answer().accept(response);
            }

            @Override
            public void fail(Throwable failed) {
                pending.failure().accept(failed);
            }
        });
    }
}
