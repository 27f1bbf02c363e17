package io.parley.read;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

import java.util.concurrent.Flow.Publisher;
import io.parley.common.GlobalId;
import io.parley.common.Node;
import io.parley.graphql.QueryLimits;
import io.parley.idempotency.KeyedTransaction;
import io.parley.access.ReadAccess;
import io.parley.replica.CommitPosition;
import io.parley.replica.ReadAfter;
import io.quarkus.arc.Arc;
import mutiny.zero.flow.adapters.AdaptersToFlow;
import mutiny.zero.flow.adapters.AdaptersToReactiveStreams;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

import graphql.TrivialDataFetcher;
import graphql.TypeResolutionEnvironment;
import graphql.execution.DataFetcherResult;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.TypeResolver;

/**
 * Makes SmallRye GraphQL answer reads from the same definitions as the compiled path, so each
 * field has one read definition wherever it appears. Installed once when the schema is built:
 * <ul>
 * <li>a Query field is compiled into one statement (with everything it selects);</li>
 * <li>a mutation runs its write through SmallRye, then the record it returns is read as its
 * payload selects it, once the write has committed;</li>
 * <li>a subscription's events are read the same way as they arrive;</li>
 * <li>every other field takes its value from the JSON its parent was read as.</li>
 * </ul>
 * Values that are not records read from the database (the rate-limit budget, an import's
 * report) keep SmallRye's own fetchers.
 */
public final class ReadFetchers {

    private ReadFetchers() {
    }

    public static GraphQLSchema.Builder install(GraphQLSchema.Builder builder) {
        GraphQLSchema schema = builder.build();
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        GraphQLCodeRegistry installed = registry.transform(changes -> {
            for (GraphQLNamedType type : schema.getAllTypesAsList()) {
                if (type instanceof GraphQLInterfaceType || type instanceof GraphQLUnionType) {
                    TypeResolver original = type instanceof GraphQLInterfaceType face ? registry.getTypeResolver(face)
                            : registry.getTypeResolver((GraphQLUnionType) type);
                    changes.typeResolver(type.getName(), new JsonType(original));
                }
                if (!(type instanceof GraphQLObjectType object) || object.getName().startsWith("__")) {
                    continue;
                }
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    DataFetcher<?> original = registry.getDataFetcher(object, field);
                    DataFetcher<?> fetcher;
                    if (object == schema.getQueryType()) {
                        fetcher = new QueryField(original);
                    } else if (object == schema.getMutationType()) {
                        fetcher = new Payload(original);
                    } else if (object == schema.getSubscriptionType()) {
                        fetcher = new Events(original);
                    } else {
                        fetcher = new JsonField(original);
                    }
                    changes.dataFetcher(FieldCoordinates.coordinates(object, field), fetcher);
                }
            }
        });
        return builder.codeRegistry(installed);
    }

    /** The object type of an interface or union value read as JSON: the type it carries. */
    private record JsonType(TypeResolver original) implements TypeResolver {
        @Override
        public GraphQLObjectType getType(TypeResolutionEnvironment env) {
            if (env.getObject() instanceof JsonObject json) {
                return env.getSchema().getObjectType(json.getString(ReadCompiler.TYPE_KEY));
            }
            return original.getType(env);
        }
    }

    /** A field of an object read as JSON: its value under the field's result key. */
    private record JsonField(DataFetcher<?> original) implements TrivialDataFetcher<Object> {
        @Override
        public Object get(DataFetchingEnvironment env) throws Exception {
            if (env.getSource() instanceof JsonObject json) {
                return json.getValue(env.getField().getResultKey());
            }
            return original.get(env);
        }
    }

    /** A Query field: one statement with everything it selects. */
    private record QueryField(DataFetcher<?> original) implements DataFetcher<Object> {
        @Override
        public Object get(DataFetchingEnvironment env) throws Exception {
            Reads reads = reads();
            if (!reads.model().roots().containsKey(env.getField().getName())) {
                return original.get(env);
            }
            ExecutableNormalizedField field = normalized(env);
            // Taken here, where the HTTP request is current: a replica answers only once it has the caller's write.
            CommitPosition after = ReadAfter.current();
            return readFor(reads, caller -> {
                if (reads.readsRequireReader()) {
                    ReadAccess.requireReader(caller);
                }
                return parse(reads.json(reads.compiler(caller).rootField(field), after));
            });
        }
    }

    /** A mutation: the write through SmallRye, then the record it returns read as its payload. */
    private record Payload(DataFetcher<?> original) implements DataFetcher<Object> {
        @Override
        public Object get(DataFetchingEnvironment env) throws Exception {
            Object result = original.get(env);
            Reads reads = reads();
            String type = readType(env, reads);
            if (type == null) {
                return result;
            }
            ExecutableNormalizedField field = normalized(env);
            Uni<SecurityIdentity> caller = identities().getDeferredIdentity();
            // A keyed write's payload is read in its transaction, before it commits (KeyedTransaction).
            Function<Object, Object> read = KeyedTransaction.around(written -> {
                Object data = written instanceof DataFetcherResult<?> wrapped ? wrapped.getData() : written;
                if (!(data instanceof Node record)) {
                    return written;
                }
                try {
                    long key = GlobalId.decode(record.getId(), "id").key();
                    Object json = parse(reads.json(reads.compiler(caller.await().indefinitely()).record(type, key, field)));
                    return written instanceof DataFetcherResult<?> wrapped
                            ? DataFetcherResult.newResult().data(json).errors(wrapped.getErrors()).build()
                            : json;
                } catch (java.sql.SQLException failed) {
                    throw new IllegalStateException(failed);
                }
            });
            if (result instanceof CompletionStage<?> pending) {
                return pending.thenApplyAsync(read, worker());
            }
            return Uni.createFrom().item(result).emitOn(worker()).map(read).subscribeAsCompletionStage();
        }
    }

    /** A subscription: each announced record read as the subscription selects it, as it arrives. */
    private record Events(DataFetcher<?> original) implements DataFetcher<Object> {
        @Override
        public Object get(DataFetchingEnvironment env) throws Exception {
            Object result = original.get(env);
            Reads reads = reads();
            String type = readType(env, reads);
            // SmallRye hands graphql-java a Reactive Streams publisher adapted from its Multi.
            if (!(result instanceof org.reactivestreams.Publisher<?> published) || type == null) {
                return result;
            }
            Publisher<?> events = AdaptersToFlow.publisher(published);
            ExecutableNormalizedField field = normalized(env);
            Uni<SecurityIdentity> caller = identities().getDeferredIdentity();
            // SmallRye hands each event over as a DataFetcherResult holding the record.
            return Multi.createFrom().publisher(events).onItem().transformToUniAndConcatenate(item -> {
                Object data = item instanceof DataFetcherResult<?> wrapped ? wrapped.getData() : item;
                if (!(data instanceof Node record)) {
                    return Uni.createFrom().item(item);
                }
                long key = GlobalId.decode(record.getId(), "id").key();
                return caller.emitOn(worker()).map(identity -> {
                    try {
                        Object json = parse(reads.json(reads.compiler(identity).record(type, key, field)));
                        return item instanceof DataFetcherResult<?> wrapped
                                ? DataFetcherResult.newResult().data(json).errors(wrapped.getErrors()).build()
                                : json;
                    } catch (java.sql.SQLException failed) {
                        throw new IllegalStateException(failed);
                    }
                });
            }).convert().with(AdaptersToReactiveStreams::publisher);
        }
    }

    @FunctionalInterface
    private interface Read {
        Object apply(SecurityIdentity caller) throws Exception;
    }

    /** Runs a read on a worker thread once the caller's identity is known. */
    private static CompletionStage<Object> readFor(Reads reads, Read read) {
        return identities().getDeferredIdentity().emitOn(worker()).map(caller -> {
            try {
                return read.apply(caller);
            } catch (RuntimeException failed) {
                throw failed;
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        }).subscribeAsCompletionStage();
    }

    /** The field as normalized when the operation was checked ({@link QueryLimits}). */
    private static ExecutableNormalizedField normalized(DataFetchingEnvironment env) {
        ExecutableNormalizedOperation operation = env.getGraphQlContext().get(QueryLimits.NORMALIZED);
        return operation.getNormalizedField(env.getMergedField(), (GraphQLFieldsContainer) env.getParentType(),
                env.getExecutionStepInfo().getPath());
    }

    /** The object type the field returns when the reads define it; null for any other type. */
    private static String readType(DataFetchingEnvironment env, Reads reads) {
        return GraphQLTypeUtil.unwrapAll(env.getFieldType()) instanceof GraphQLObjectType object
                && reads.model().shapes().containsKey(object.getName()) ? object.getName() : null;
    }

    /** JSON text as the values graphql-java walks: objects, arrays, text, numbers. */
    private static Object parse(String json) {
        return json == null ? null : Json.decodeValue(json);
    }

    private static Reads reads() {
        return Arc.container().instance(Reads.class).get();
    }

    private static CurrentIdentityAssociation identities() {
        return Arc.container().instance(CurrentIdentityAssociation.class).get();
    }

    private static Executor worker() {
        return Infrastructure.getDefaultWorkerPool();
    }
}
