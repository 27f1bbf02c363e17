package io.parley.graphql;

import java.util.Set;

import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.PropertyDataFetcher;

/**
 * Plain fields — a getter or record component returning text, a number, a flag, an ID, an
 * object or a list of them — are read directly, with graphql-java's property fetcher, instead
 * of through SmallRye's field fetcher. SmallRye's rebuilds its request context for every field
 * of every object it returns (the selected fields as JSON, twice, and the field's path), which
 * profiling showed to be most of the CPU and allocation of a nested list query. Fields whose
 * values SmallRye converts (dates, enums, other scalars) and every resolver method keep
 * SmallRye's fetchers. Getters are reached the same way SmallRye reaches them (reflection on
 * the classes it registers for native images).
 */
final class PlainFields {

    private static final Set<String> DIRECT_SCALARS = Set.of("String", "ID", "Int", "Boolean", "Float");

    private PlainFields() {
    }

    static GraphQLSchema.Builder readDirectly(GraphQLSchema.Builder builder) {
        GraphQLSchema schema = builder.build();
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        GraphQLCodeRegistry direct = registry.transform(changes -> {
            for (GraphQLNamedType type : schema.getAllTypesAsList()) {
                if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
                    for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                        DataFetcher<?> fetcher = registry.getDataFetcher(object, field);
                        if (fetcher instanceof FieldDataFetcher && plain(field.getType())) {
                            changes.dataFetcher(FieldCoordinates.coordinates(object, field),
                                    PropertyDataFetcher.fetching(field.getName()));
                        }
                    }
                }
            }
        });
        return builder.codeRegistry(direct);
    }

    private static boolean plain(GraphQLOutputType output) {
        GraphQLType type = GraphQLTypeUtil.unwrapAll(output);
        if (type instanceof GraphQLScalarType scalar) {
            return DIRECT_SCALARS.contains(scalar.getName());
        }
        return GraphQLTypeUtil.isObjectType(type) || GraphQLTypeUtil.isInterfaceOrUnion(type);
    }
}
