package io.parley.replica;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.OperationDefinition;

/**
 * Tells the writer where its write landed, so its next read can ask to see it ({@link ReadAfter}):
 * once a mutation over HTTP has run (its transactions committed), the primary's WAL position, in
 * the {@value #HEADER} header and in {@code extensions.commitPosition}. Only when a read replica
 * is configured; without one every read sees every committed write, and a mutation costs nothing more.
 */
@ApplicationScoped
@Unremovable
public class CommitPositions extends SimplePerformantInstrumentation {

    public static final String HEADER = "Parley-Commit-Position";
    /** The response extension that carries the same position. */
    public static final String EXTENSION = "commitPosition";
    private static final Logger LOG = Logger.getLogger(CommitPositions.class);

    private final ReadRouting routing;

    public CommitPositions(ReadRouting routing) {
        this.routing = routing;
    }

    /** A mutation sent over HTTP: the request to answer. */
    private static final class Write implements InstrumentationState {
        final RoutingContext request;
        volatile boolean mutation;

        Write(RoutingContext request) {
            this.request = request;
        }
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        if (!routing.replicated() || !Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext request = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        return request == null ? null : new Write(request);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        if (state instanceof Write write) {
            write.mutation = parameters.getExecutionContext().getOperationDefinition()
                    .getOperation() == OperationDefinition.Operation.MUTATION;
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (!(state instanceof Write write) || !write.mutation) {
            return CompletableFuture.completedFuture(result);
        }
        return CompletableFuture.supplyAsync(() -> {
            CommitPosition position;
            try {
                position = routing.commitPosition();
            } catch (SQLException | RuntimeException unknown) {
                // The write's own answer stands; without a position the next read may be stale.
                LOG.debugf(unknown, "no commit position for a write");
                return result;
            }
            if (position == null) {
                return result;
            }
            write.request.response().putHeader(HEADER, position.toString());
            Map<Object, Object> extensions = new LinkedHashMap<>();
            if (result.getExtensions() != null) {
                extensions.putAll(result.getExtensions());
            }
            extensions.put(EXTENSION, position.toString());
            return result.transform(builder -> builder.extensions(extensions));
        }, Infrastructure.getDefaultWorkerPool());
    }

    /** The position of a write made outside GraphQL (POST /import) on its response; call after commit, on a worker thread. */
    public void tell(RoutingContext request) {
        if (!routing.replicated()) {
            return;
        }
        try {
            CommitPosition position = routing.commitPosition();
            if (position != null) {
                request.response().putHeader(HEADER, position.toString());
            }
        } catch (SQLException | RuntimeException unknown) {
            LOG.debugf(unknown, "no commit position for an import");
        }
    }
}
