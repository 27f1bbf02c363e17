package io.parley.graphql;

import io.parley.common.ErrorCode;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.paging.PageRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.Unremovable;

import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.RawVariables;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Document;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.GraphQLSchema;

/**
 * Refuses, before anything runs, an operation that is too deep, asks for too many fields or
 * aliases, or could return too many records: every field counts as many times as the page
 * sizes ({@code first}, 20 when unsaid) of the lists around it allow, in the spirit of
 * GitHub's node limit. Refusals are LIMIT_EXCEEDED errors naming the limit. That count is also
 * the operation's {@link #cost cost}.
 */
@ApplicationScoped
@Unremovable
public class QueryLimits extends SimplePerformantInstrumentation {

    /** Where the checked, normalized operation is kept in the execution's GraphQL context, for compiled reads. */
    public static final String NORMALIZED = "parley.normalized-operation";

    private final int maxDepth;
    private final int maxFields;
    private final int maxAliases;
    private final long maxNodes;

    public QueryLimits(@ConfigProperty(name = "parley.limits.max-depth") int maxDepth,
            @ConfigProperty(name = "parley.limits.max-fields") int maxFields,
            @ConfigProperty(name = "parley.limits.max-aliases") int maxAliases,
            @ConfigProperty(name = "parley.limits.max-nodes") long maxNodes) {
        this.maxDepth = maxDepth;
        this.maxFields = maxFields;
        this.maxAliases = maxAliases;
        this.maxNodes = maxNodes;
    }

    @Override
    public InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        GraphQLSchema schema = execution.getGraphQLSchema();
        ExecutableNormalizedOperation operation = check(() -> ExecutableNormalizedOperationFactory
                .createExecutableNormalizedOperation(schema, execution.getOperationDefinition(),
                        execution.getFragmentsByName(), execution.getCoercedVariables(), options()),
                schema);
        execution.getGraphQLContext().put(ResponseExtensions.COST, cost(operation, schema));
        execution.getGraphQLContext().put(NORMALIZED, operation);
        return super.beginExecuteOperation(parameters, state);
    }

    /** Options that stop normalizing an operation with too many fields. */
    ExecutableNormalizedOperationFactory.Options options() {
        return ExecutableNormalizedOperationFactory.Options.defaultOptions().maxFieldsCount(maxFields);
    }

    /** The operation normalized (with {@link #options()}) if it is within every limit; otherwise the refusal. */
    ExecutableNormalizedOperation check(Supplier<ExecutableNormalizedOperation> normalize, GraphQLSchema schema) {
        ExecutableNormalizedOperation operation;
        try {
            operation = normalize.get();
        } catch (AbortExecutionException tooLarge) {
            throw refused("the operation has more than " + maxFields + " fields");
        }
        int aliases = 0;
        for (ExecutableNormalizedField field : operation.getFieldToNormalizedField().values()) {
            if (field.getLevel() > maxDepth) {
                throw refused("the operation nests fields deeper than " + maxDepth + " levels");
            }
            if (field.getAlias() != null && ++aliases > maxAliases) {
                throw refused("the operation uses more than " + maxAliases + " aliases");
            }
        }
        if (cost(operation, schema) > maxNodes) {
            throw refused("the operation could return more than " + maxNodes
                    + " records; ask for smaller pages (first) or fewer nested lists");
        }
        return operation;
    }

    /** A document normalized with these limits' options and {@link #check checked}; otherwise the refusal. */
    public ExecutableNormalizedOperation check(GraphQLSchema schema, Document document, String operationName,
            Map<String, Object> variables) {
        return check(() -> ExecutableNormalizedOperationFactory.createExecutableNormalizedOperationWithRawVariables(
                schema, document, operationName, RawVariables.of(variables == null ? Map.of() : variables), options()),
                schema);
    }

    /**
     * What an operation costs: the records it could return, every field counted as many times as
     * the page sizes of the lists around it allow. Clients see it in {@code extensions.cost}, and
     * rate limits charge it. Bounded by the field limit (1,000 fields), so counting is cheap.
     */
    public static long cost(ExecutableNormalizedOperation operation, GraphQLSchema schema) {
        long nodes = 0;
        for (ExecutableNormalizedField top : operation.getTopLevelFields()) {
            nodes += nodes(top, 1, schema);
        }
        return nodes;
    }

    private static long nodes(ExecutableNormalizedField field, long multiplier, GraphQLSchema schema) {
        long total = multiplier;
        long inner = multiplier * pageSize(field, schema);
        for (ExecutableNormalizedField child : field.getChildren()) {
            total += nodes(child, inner, schema);
        }
        return total;
    }

    private static long pageSize(ExecutableNormalizedField field, GraphQLSchema schema) {
        // A field on an interface or union may stand for several definitions; any with a page counts.
        boolean paged = field.getFieldDefinitions(schema).stream().anyMatch(d -> d.getArgument("first") != null);
        if (!paged) {
            return 1;
        }
        Object first = field.getResolvedArguments().get("first");
        return first instanceof Number number ? Math.max(1, number.longValue()) : PageRequest.DEFAULT_SIZE;
    }

    private static AbortExecutionException refused(String message) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().message("Refused: " + message)
                .extensions(Map.of("code", ErrorCode.LIMIT_EXCEEDED.name())).build()));
    }
}
