package io.parley.read;

import io.parley.graphql.ResponseExtensions;

import io.parley.graphql.QueryLimits;

import io.parley.errors.ErrorCodes;

import io.parley.graphql.IdListArguments;

import io.parley.graphql.WebSocketOperations;

import io.parley.idempotency.KeyArgument;

import io.parley.read.ReadFetchers;
import io.parley.replica.CommitPositions;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.GraphQLSchema;

/**
 * Adjusts the schema and the GraphQL engine once, at start-up, through SmallRye's service
 * interface (registered in META-INF/services, which Quarkus also registers for native images).
 * Not through SmallRye's CDI events: enabling those fires CDI events around every field of
 * every request, which profiling showed to be a fifth of all allocation on nested queries.
 */
public class GraphQLHooks implements EventingService {

    /** Always on: there is nothing to switch. */
    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        return ReadFetchers.install(KeyArgument.declare(bean(IdListArguments.class).useStandardIdScalar(builder)));
    }

    /** Chains ours after the instrumentation SmallRye already installed (its query cache). */
    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        return builder.instrumentation(new ChainedInstrumentation(builder.build().getInstrumentation(),
                bean(ErrorCodes.class), bean(WebSocketOperations.class), bean(QueryLimits.class),
                bean(ResponseExtensions.class), bean(CommitPositions.class)));
    }

    private static <T> T bean(Class<T> type) {
        return Arc.container().instance(type).get();
    }
}
