package io.parley.graphql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.json.bind.Jsonb;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.parley.db.NamedParameters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLSchema;

/**
 * Reads compiled into one SQL statement, asked before SmallRye GraphQL by the HTTP endpoint (for
 * POST, GET and persisted queries alike). A query whose every field a feature describes
 * ({@link JsonReads}) is parsed and validated against the served schema (documents are cached),
 * held to the same {@link QueryLimits}, compiled by {@link ReadCompiler} and answered with the
 * JSON PostgreSQL builds: one statement, no entities, no per-field resolvers. Everything else,
 * and anything that goes wrong on the way (invalid documents, refused limits, bad arguments,
 * reads needing a role the caller lacks, a database error), takes the general path, so errors
 * are always the general path's own.
 */
@ApplicationScoped
public class CompiledReads {

    private static final Logger LOG = Logger.getLogger(CompiledReads.class);

    private final boolean enabled;
    private final boolean readsRequireReader;
    private final QueryLimits limits;
    private final DataSource database;
    private final Documents documents;
    private final Jsonb jsonb;
    private final Instance<GraphQLSchema> servedSchema;
    private final Instance<JsonReads> features;
    private volatile Described described;

    private record Described(GraphQLSchema schema, Map<String, JsonShape> shapes, Map<String, JsonReads.RootField> roots) {
    }

    private record Plan(String sql, Map<String, Object> parameters) {
    }

    public CompiledReads(@ConfigProperty(name = "parley.graphql.compiled-reads") boolean enabled,
            @ConfigProperty(name = "parley.auth.reads-require-reader") boolean readsRequireReader,
            QueryLimits limits, DataSource database, Documents documents, Jsonb jsonb, Instance<GraphQLSchema> servedSchema,
            Instance<JsonReads> features) {
        this.enabled = enabled;
        this.readsRequireReader = readsRequireReader;
        this.limits = limits;
        this.database = database;
        this.documents = documents;
        this.jsonb = jsonb;
        this.servedSchema = servedSchema;
        this.features = features;
    }

    /**
     * The whole response to a read ({@code {"data":...}}), or null when the general path should
     * answer it. The caller has already checked the request's shape and that it is a read.
     */
    public Future<String> answer(RoutingContext request, String query, String operationName, Map<String, Object> variables) {
        Plan plan = enabled ? plan(request, query, operationName, variables) : null;
        if (plan == null) {
            return Future.succeededFuture();
        }
        return request.vertx().executeBlocking(() -> run(plan, request), false)
                .map(data -> data == null ? null : ResponseExtensions.compiledBody(request, data))
                .otherwise((String) null);
    }

    /** The statement answering the request, or null when the general path should answer it. */
    private Plan plan(RoutingContext request, String query, String operationName, Map<String, Object> variables) {
        try {
            Described model = described();
            Documents.Parsed document = documents.parse(query);
            if (!document.isValid(model.schema())) {
                return null;
            }
            ExecutableNormalizedOperation operation = limits.check(model.schema(), document.document,
                    operationName, variables);
            request.put(ResponseExtensions.COST, QueryLimits.cost(operation, model.schema()));
            ReadCompiler compiler = new ReadCompiler(model.shapes(), model.roots(), jsonb);
            String sql = compiler.compile(operation);
            LOG.debugf("compiled: %s", sql);
            return new Plan(sql, compiler.parameters());
        } catch (ReadCompiler.NotCompilable reason) {
            LOG.debugf("general path: %s", reason.getMessage());
            return null;
        } catch (RuntimeException refused) {
            // Bad variables or arguments, or a refused limit: the general path words the error.
            return null;
        }
    }

    /** The statement's JSON, or null when the general path should answer. Runs on a worker thread. */
    private String run(Plan plan, RoutingContext request) {
        try {
            if (readsRequireReader && !ReadAccess.mayRead(QuarkusHttpUser.getSecurityIdentityBlocking(request, null))) {
                return null;
            }
            try (Connection connection = database.getConnection();
                    PreparedStatement statement = NamedParameters.prepare(connection, plan.sql(), plan.parameters());
                    ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        } catch (SQLException | RuntimeException failed) {
            LOG.debugf(failed, "general path after a failed compiled read");
            return null;
        }
    }

    private Described described() {
        Described model = described;
        if (model == null) {
            Map<String, JsonShape> shapes = new HashMap<>();
            Map<String, JsonReads.RootField> roots = new HashMap<>();
            JsonReads.Registry registry = new JsonReads.Registry() {
                @Override
                public void shape(JsonShape shape) {
                    shapes.put(shape.type, shape);
                }

                @Override
                public void root(String queryField, JsonReads.RootField field) {
                    roots.put(queryField, field);
                }
            };
            features.forEach(feature -> feature.describe(registry));
            model = new Described(servedSchema.get(), Map.copyOf(shapes), Map.copyOf(roots));
            described = model;
        }
        return model;
    }
}
