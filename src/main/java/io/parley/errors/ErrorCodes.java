package io.parley.errors;

import io.parley.common.ApiException;

import io.parley.common.ErrorCode;
import io.parley.common.TraceIds;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorHelper;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.GoodFaithIntrospection;
import graphql.language.SourceLocation;

/**
 * Gives every error of an execution a contract code. Resolver failures already carry one
 * ({@link ErrorMapping}); this covers what graphql-java and SmallRye report themselves:
 * validation errors and unusable argument values become BAD_USER_INPUT, introspection refused
 * as not in good faith LIMIT_EXCEEDED, and the "non-null
 * field returned null" echo such a failure leaves behind is dropped: it is never the cause. Each
 * error carries the request's {@code traceId}.
 */
@ApplicationScoped
@Unremovable
public class ErrorCodes extends SimplePerformantInstrumentation {

    private static final Set<ErrorType> CLIENT_MISTAKES = EnumSet.of(ErrorType.InvalidSyntax, ErrorType.ValidationError,
            ErrorType.OperationNotSupported);

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        boolean hasCause = result.getErrors().stream().anyMatch(error -> !isNullEcho(error));
        List<GraphQLError> errors = new ArrayList<>();
        for (GraphQLError error : result.getErrors()) {
            if (isNullEcho(error) && hasCause) {
                continue;
            }
            if (!hasContractCode(error)) {
                errors.add(withCode(error));
            } else if (error instanceof ExceptionWhileDataFetching) {
                errors.add(error);
            } else {
                errors.add(rebuilt(error, error.getMessage(), error.getExtensions()));
            }
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
        if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            // graphql-java refuses introspection that repeats its cycles (__Type.fields inside
            // __Type.fields...) the way it refuses any too-large operation: the client asked too much.
            return rebuilt(error, "Refused: " + error.getMessage(), Map.of("code", ErrorCode.LIMIT_EXCEEDED.name()));
        }
        boolean clientMistake = type instanceof ErrorType errorType && CLIENT_MISTAKES.contains(errorType)
                || "ValidationError".equals(type == null ? null : type.toString());
        // No classification: its values (DataFetchingException, ...) are graphql-java's class names.
        return rebuilt(error, error.getMessage(),
                Map.of("code", (clientMistake ? ErrorCode.BAD_USER_INPUT : ErrorCode.INTERNAL).name()));
    }

    /**
     * The error as the contract words it, without graphql-java's {@code extensions.classification}:
     * its values (DataFetchingException, ...) are class names.
     */
    private static GraphQLError rebuilt(GraphQLError error, String message, Map<String, Object> extensions) {
        return new ContractError(readable(message), error.getLocations(), error.getPath(), withTraceId(extensions));
    }

    /** The extensions with the request's trace ID, as {@link ApiException} carries it, so every error can be looked up. */
    private static Map<String, Object> withTraceId(Map<String, Object> extensions) {
        String traceId = TraceIds.current();
        if (traceId == null || extensions.containsKey("traceId")) {
            return extensions;
        }
        Map<String, Object> with = new LinkedHashMap<>(extensions);
        with.put("traceId", traceId);
        return with;
    }

    /** graphql-java's printout of a literal, {@code StringValue{value='x'}}: the value is what the client wrote. */
    private static final Pattern LITERAL = Pattern.compile("\\b[A-Z][A-Za-z]*Value\\{(?:value|name)=('?)(.*?)\\1}",
            Pattern.DOTALL);
    /** A printout of a literal the rule above cannot unwrap, {@code ObjectValue{objectFields=[...]}}. */
    private static final Pattern SYNTAX_TREE = Pattern.compile("\\b[A-Z][A-Za-z]*(?:Value|Field)\\{");
    /** Where graphql-java quotes the literal in a message: left out when it is such a printout. */
    private static final Pattern QUOTED_LITERAL = Pattern.compile(" with value '.*?'(?= (?:is|has)\\b)", Pattern.DOTALL);
    /** SmallRye's name for an input type it could not read: {@code Unknown Scalar Type [io.parley.talk.TalkFilter]}. */
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unknown Scalar Type \\[(?:[\\w$]+\\.)*([\\w$]+)]");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z][\\w$]*\\.)+([A-Z][\\w$]*)");

    /**
     * A graphql-java or SmallRye message without the Java in it: literals as the client wrote
     * them and types by their GraphQL names (Parley's Java classes are named as its GraphQL types).
     */
    static String readable(String message) {
        if (message == null) {
            return null;
        }
        String literals = LITERAL.matcher(message).replaceAll(match -> Matcher.quoteReplacement(match.group(2)));
        if (SYNTAX_TREE.matcher(literals).find()) {
            literals = QUOTED_LITERAL.matcher(literals).replaceAll("");
        }
        String types = UNKNOWN_TYPE.matcher(literals).replaceAll("$1");
        return QUALIFIED_NAME.matcher(types).replaceAll("$1");
    }

    private record ContractError(String message, List<SourceLocation> locations, List<Object> path,
            Map<String, Object> extensions) implements GraphQLError {

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public List<SourceLocation> getLocations() {
            return locations;
        }

        @Override
        public List<Object> getPath() {
            return path;
        }

        @Override
        public Map<String, Object> getExtensions() {
            return extensions;
        }

        /** The contract code: SmallRye needs a type (it looks for aborted executions), clients never see it. */
        @Override
        public ErrorClassification getErrorType() {
            return ErrorClassification.errorClassification(String.valueOf(extensions.get("code")));
        }

        @Override
        public Map<String, Object> toSpecification() {
            Map<String, Object> specification = new LinkedHashMap<>();
            specification.put("message", message);
            if (locations != null) {
                specification.put("locations", GraphqlErrorHelper.locations(locations));
            }
            if (path != null) {
                specification.put("path", path);
            }
            specification.put("extensions", extensions);
            return specification;
        }
    }
}
