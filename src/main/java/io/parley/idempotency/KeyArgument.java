package io.parley.idempotency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parley.common.ApiException;

import graphql.Scalars;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.NullValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

/**
 * The idempotency key as a GraphQL argument, for clients that cannot set the
 * {@code Idempotency-Key} header (some GraphQL clients, persisted documents run by id): an
 * optional {@code idempotencyKey: String} on every Mutation field. Declared here on the served
 * schema rather than on each Java resolver: an optional argument added to every field keeps the
 * schema a compatible superset of the contract, and SmallRye's fetchers pass only the arguments
 * their Java methods declare, so the resolvers never see it. The endpoint reads it from the
 * document before executing ({@link #in}).
 */
public final class KeyArgument {

    public static final String NAME = "idempotencyKey";

    static final String DESCRIPTION = "Makes this write safe to retry: a key of your choosing (a fresh UUID per"
            + " write; at most 255 characters). The same request sent again with the same key by the same caller"
            + " within 24 hours returns the first answer without writing again (the response then carries the"
            + " header Idempotent-Replayed: true); the same key with a different request is refused with CONFLICT,"
            + " as is a retry while the first is still running. Only a write that committed keeps its key: a"
            + " request refused or rolled back may be retried with it. The Idempotency-Key HTTP header does the"
            + " same (if both are sent they must agree). A keyed operation runs one mutation field, in one"
            + " transaction with its answer.";

    private KeyArgument() {
    }

    /** Adds the optional argument to every Mutation field that lacks it. */
    public static GraphQLSchema.Builder declare(GraphQLSchema.Builder builder) {
        GraphQLObjectType mutation = builder.build().getMutationType();
        if (mutation == null) {
            return builder;
        }
        GraphQLArgument argument = GraphQLArgument.newArgument().name(NAME).type(Scalars.GraphQLString)
                .description(DESCRIPTION).build();
        List<GraphQLFieldDefinition> fields = new ArrayList<>();
        for (GraphQLFieldDefinition field : mutation.getFieldDefinitions()) {
            fields.add(field.getArgument(NAME) != null ? field : field.transform(changed -> changed.argument(argument)));
        }
        return builder.mutation(mutation.transform(type -> type.replaceFields(fields)));
    }

    /** What a mutation operation asks of idempotency: its top-level fields and the keys they carry. */
    record Found(int fields, Set<String> keys) {
    }

    /**
     * The top-level fields of the operation a request runs, and the idempotency keys their
     * arguments carry (inline or through variables, with variables' defaults); null when the
     * document names no such operation (execution refuses it then).
     */
    static Found in(Document document, String operationName, Map<String, Object> variables) {
        if (document == null) {
            return null;
        }
        OperationDefinition operation = null;
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        for (OperationDefinition candidate : operations) {
            if (operationName == null ? operations.size() == 1 : operationName.equals(candidate.getName())) {
                operation = candidate;
            }
        }
        if (operation == null) {
            return null;
        }
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        List<Field> fields = new ArrayList<>();
        // Fragments spread into fragments: 16 levels are more than any real mutation has, and bound a cycle.
        collect(operation.getSelectionSet(), fragments, fields, 16);
        Map<String, Value<?>> defaults = new HashMap<>();
        for (VariableDefinition definition : operation.getVariableDefinitions()) {
            if (definition.getDefaultValue() != null) {
                defaults.put(definition.getName(), definition.getDefaultValue());
            }
        }
        int count = 0;
        Set<String> keys = new LinkedHashSet<>();
        for (Field field : fields) {
            if (field.getName().startsWith("__")) {
                continue;
            }
            count++;
            for (Argument argument : field.getArguments()) {
                if (NAME.equals(argument.getName())) {
                    String key = value(argument.getValue(), variables, defaults);
                    if (key != null) {
                        keys.add(IdempotencyKey.checked(NAME, key));
                    }
                }
            }
        }
        return new Found(count, keys);
    }

    private static void collect(SelectionSet selections, Map<String, FragmentDefinition> fragments, List<Field> into,
            int depth) {
        if (selections == null || depth == 0) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                into.add(field);
            } else if (selection instanceof InlineFragment inline) {
                collect(inline.getSelectionSet(), fragments, into, depth - 1);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                collect(fragments.get(spread.getName()).getSelectionSet(), fragments, into, depth - 1);
            }
        }
    }

    private static String value(Value<?> value, Map<String, Object> variables, Map<String, Value<?>> defaults) {
        if (value instanceof StringValue text) {
            return text.getValue();
        }
        if (value instanceof NullValue) {
            return null;
        }
        if (value instanceof VariableReference reference) {
            if (variables.containsKey(reference.getName())) {
                Object given = variables.get(reference.getName());
                if (given == null || given instanceof String) {
                    return (String) given;
                }
                throw ApiException.badInput(NAME, "must be a string");
            }
            Value<?> fallback = defaults.get(reference.getName());
            return fallback == null ? null : value(fallback, Map.of(), Map.of());
        }
        throw ApiException.badInput(NAME, "must be a string");
    }
}
