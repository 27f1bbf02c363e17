package io.parley.graphql;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;

/**
 * SmallRye GraphQL cannot take a top-level {@code @Id List<String>} argument: it converts each
 * element as if it were a {@code java.util.List} and rejects every value. So
 * {@code Query.nodes(ids:)} is declared in Java as a list of strings, and its schema type is
 * turned into the contract's {@code [ID!]!} here; on the wire an ID is a string, so the Java
 * side receives the same values.
 */
@ApplicationScoped
@Unremovable
public class IdListArguments {

    public GraphQLSchema.Builder useStandardIdScalar(GraphQLSchema.Builder builder) {
        GraphQLSchema schema = builder.build();
        GraphQLType id = schema.getType("ID");
        GraphQLObjectType query = schema.getQueryType();
        GraphQLFieldDefinition nodes = query.getFieldDefinition("nodes");
        if (id == null || nodes == null) {
            return builder;
        }
        GraphQLArgument ids = nodes.getArgument("ids").transform(argument -> argument
                .type(GraphQLNonNull.nonNull(GraphQLList.list(GraphQLNonNull.nonNull(id)))));
        GraphQLFieldDefinition fixed = nodes.transform(field -> field.replaceArguments(java.util.List.of(ids)));
        return builder.query(query.transform(type -> type.field(fixed)));
    }
}
