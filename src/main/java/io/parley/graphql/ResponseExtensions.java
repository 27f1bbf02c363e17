package io.parley.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

/**
 * What a response tells the client about itself, in {@code extensions}, on both read paths:
 * {@code cost}, the operation's cost as {@link QueryLimits#cost} counts it, and whatever other
 * concerns left for the request under {@link #EXTENSIONS} (the rate limit's budget).
 */
@ApplicationScoped
@Unremovable
public class ResponseExtensions extends SimplePerformantInstrumentation {

    /** The operation's cost: in the GraphQL context on the general path, in the request on the compiled one. */
    public static final String COST = "parley.cost";
    /** A {@code Map<String, Object>} of further extensions, left in the HTTP request's context. */
    public static final String EXTENSIONS = "parley.extensions";

    /** The HTTP request an execution answers, when there is one. */
    private record Request(RoutingContext context) implements InstrumentationState {
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        // SmallRye starts executing on the request's thread with its request context active.
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext context = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        return context == null ? null : new Request(context);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        Object cost = parameters.getGraphQLContext().get(COST);
        Map<String, Object> more = state instanceof Request request ? request.context().get(EXTENSIONS) : null;
        if (cost == null && more == null) {
            return CompletableFuture.completedFuture(result);
        }
        Map<Object, Object> extensions = new LinkedHashMap<>();
        if (result.getExtensions() != null) {
            extensions.putAll(result.getExtensions());
        }
        if (cost != null) {
            extensions.put("cost", cost);
        }
        if (more != null) {
            extensions.putAll(more);
        }
        return CompletableFuture.completedFuture(result.transform(builder -> builder.extensions(extensions)));
    }

    /** The compiled path's response: PostgreSQL's {@code data} and the same extensions the general path gives. */
    public static String compiledBody(RoutingContext request, String data) {
        Long cost = request.get(COST);
        Map<String, Object> more = request.get(EXTENSIONS);
        if (more == null) {
            // Most reads carry only their cost: a number needs no JSON encoder (Jackson's was 9% of
            // the event loop's samples for a page of 50 talks).
            return "{\"data\":" + data + ",\"extensions\":{\"cost\":" + cost + "}}";
        }
        JsonObject extensions = new JsonObject().put("cost", cost);
        more.forEach(extensions::put);
        return "{\"data\":" + data + ",\"extensions\":" + extensions.encode() + "}";
    }
}
