package io.parley.graphql;

import io.parley.common.ErrorCode;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;

/**
 * Over WebSocket only subscriptions run. The graphql-transport-ws and graphql-ws protocols
 * also carry queries and mutations, and SmallRye would run them, but past everything the HTTP
 * endpoint holds requests to: the rate-limit charge, the trusted-documents allow-list, HTTP
 * caching. Queries and mutations belong on HTTP (POST, or GET for queries), so over a socket
 * they are refused with BAD_USER_INPUT before anything runs.
 */
@ApplicationScoped
@Unremovable
public class WebSocketOperations extends SimplePerformantInstrumentation {

    /** Left on the HTTP request by the GraphQL endpoint for every operation it executes. */
    public static final String OVER_HTTP = "parley.over-http";

    /** Whether the execution answers an HTTP request of the endpoint's. */
    private record Transport(boolean overHttp) implements InstrumentationState {
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        // SmallRye starts executing on the request's thread with its request context active
        // (see ResponseExtensions); a WebSocket message has no endpoint request behind it.
        if (!Arc.container().requestContext().isActive()) {
            return new Transport(false);
        }
        RoutingContext request = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        return new Transport(request != null && Boolean.TRUE.equals(request.get(OVER_HTTP)));
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        OperationDefinition.Operation kind = parameters.getExecutionContext().getOperationDefinition().getOperation();
        if (kind != OperationDefinition.Operation.SUBSCRIPTION && !(state instanceof Transport t && t.overHttp())) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .message("Only subscriptions run over WebSocket; send queries and mutations over HTTP"
                            + " (POST, or GET for queries)")
                    .extensions(Map.of("code", ErrorCode.BAD_USER_INPUT.name())).build()));
        }
        return super.beginExecuteOperation(parameters, state);
    }
}
