package io.parley.graphql;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

/**
 * Gives every error of an execution a contract code. Resolver failures already carry one
 * ({@link ErrorMapping}); this covers what graphql-java and SmallRye report themselves:
 * validation errors and unusable argument values become BAD_USER_INPUT, and the "non-null
 * field returned null" echo such a failure leaves behind is dropped: it is never the cause.
 */
@ApplicationScoped
@Unremovable
public class ErrorCodes extends SimplePerformantInstrumentation {

    private static final Set<ErrorType> CLIENT_MISTAKES = EnumSet.of(ErrorType.InvalidSyntax, ErrorType.ValidationError,
            ErrorType.OperationNotSupported);

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty() || result.getErrors().stream().allMatch(ErrorCodes::hasContractCode)) {
            return CompletableFuture.completedFuture(result);
        }
        boolean hasCause = result.getErrors().stream().anyMatch(error -> !isNullEcho(error));
        List<GraphQLError> errors = new ArrayList<>();
        for (GraphQLError error : result.getErrors()) {
            if (isNullEcho(error) && hasCause) {
                continue;
            }
            errors.add(hasContractCode(error) ? error : withCode(error));
        }
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
    }

    private static boolean hasContractCode(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            return fetching.getException() instanceof ApiException;
        }
        Map<String, Object> extensions = error.getExtensions();
        return extensions != null && extensions.get("code") instanceof String code
                && EnumSet.allOf(ErrorCode.class).stream().anyMatch(c -> c.name().equals(code));
    }

    private static boolean isNullEcho(GraphQLError error) {
        return error.getErrorType() == ErrorType.NullValueInNonNullableField;
    }

    private static GraphQLError withCode(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        if (error instanceof ExceptionWhileDataFetching fetching) {
            ApiException mapped = ErrorMapping.translate(fetching.getException());
            return rebuilt(error, mapped.getMessage(), mapped.getExtensions());
        }
        boolean clientMistake = type instanceof ErrorType errorType && CLIENT_MISTAKES.contains(errorType)
                || "ValidationError".equals(type == null ? null : type.toString());
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", (clientMistake ? ErrorCode.BAD_USER_INPUT : ErrorCode.INTERNAL).name());
        extensions.put("classification", String.valueOf(type));
        return rebuilt(error, error.getMessage(), extensions);
    }

    private static GraphQLError rebuilt(GraphQLError error, String message, Map<String, Object> extensions) {
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().message(message).extensions(extensions);
        if (error.getLocations() != null) {
            builder.locations(error.getLocations());
        }
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        return builder.build();
    }
}
