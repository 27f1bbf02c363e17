package io.parley.graphql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.json.bind.Jsonb;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.parley.db.NamedParameters;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLSchema;

/**
 * Reads compiled into one SQL statement, in front of SmallRye GraphQL. A POSTed query whose every
 * field a feature describes ({@link JsonReads}) is parsed and validated against the served
 * schema (documents are cached), held to the same {@link QueryLimits}, compiled by
 * {@link ReadCompiler} and answered with the JSON PostgreSQL builds: one statement, no entities,
 * no per-field resolvers. Everything else, and anything that goes wrong on the way (invalid
 * documents, refused limits, bad arguments, reads needing a role the caller lacks, a database
 * error), takes the general path, so errors are always the general path's own.
 */
@ApplicationScoped
public class CompiledReads {

    private static final Logger LOG = Logger.getLogger(CompiledReads.class);
    /** After RequestShape (-100, -99), which leaves the parsed request in the context; before SmallRye's route. */
    private static final int ROUTE_ORDER = -50;
    private static final String DEFAULT_CONTENT_TYPE = "application/graphql-response+json; charset=UTF-8";

    private final boolean enabled;
    private final boolean readsRequireReader;
    private final String path;
    private final QueryLimits limits;
    private final DataSource database;
    private final Documents documents;
    private final Jsonb jsonb;
    private final Instance<GraphQLSchema> servedSchema;
    private final Instance<JsonReads> features;
    private volatile Described described;

    private record Described(GraphQLSchema schema, Map<String, JsonShape> shapes, Map<String, JsonReads.RootField> roots) {
    }

    private record Plan(String sql, Map<String, Object> parameters, String contentType) {
    }

    public CompiledReads(@ConfigProperty(name = "parley.graphql.compiled-reads") boolean enabled,
            @ConfigProperty(name = "parley.auth.reads-require-reader") boolean readsRequireReader,
            @ConfigProperty(name = "quarkus.smallrye-graphql.root-path") String path,
            QueryLimits limits, DataSource database, Documents documents, Jsonb jsonb, Instance<GraphQLSchema> servedSchema,
            Instance<JsonReads> features) {
        this.enabled = enabled;
        this.readsRequireReader = readsRequireReader;
        this.path = path;
        this.limits = limits;
        this.database = database;
        this.documents = documents;
        this.jsonb = jsonb;
        this.servedSchema = servedSchema;
        this.features = features;
    }

    void route(@Observes Router router) {
        if (enabled) {
            router.post(path).order(ROUTE_ORDER).handler(this::answer);
        }
    }

    private void answer(RoutingContext request) {
        Plan plan = plan(request);
        if (plan == null) {
            request.next();
            return;
        }
        request.vertx().executeBlocking(() -> run(plan, request), false).onComplete(result -> {
            if (result.succeeded() && result.result() != null) {
                request.response().putHeader("content-type", plan.contentType())
                        .end(ResponseExtensions.compiledBody(request, result.result()));
            } else {
                request.next();
            }
        });
    }

    /** The statement answering the request, or null when the general path should answer it. */
    private Plan plan(RoutingContext request) {
        JsonObject body = request.get(RequestShape.REQUEST);
        String contentType = responseType(request);
        if (body == null || contentType == null || body.getValue("extensions") != null
                || !(body.getValue("query") instanceof String query)) {
            return null;
        }
        try {
            Described model = described();
            Documents.Parsed document = documents.parse(query);
            if (!document.isValid(model.schema())) {
                return null;
            }
            JsonObject variables = body.getJsonObject("variables");
            ExecutableNormalizedOperation operation = limits.check(model.schema(), document.document,
                    body.getString("operationName"), variables == null ? null : variables.getMap());
            request.put(ResponseExtensions.COST, QueryLimits.cost(operation, model.schema()));
            ReadCompiler compiler = new ReadCompiler(model.shapes(), model.roots(), jsonb);
            String sql = compiler.compile(operation);
            LOG.debugf("compiled: %s", sql);
            return new Plan(sql, compiler.parameters(), contentType);
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
            if (readsRequireReader && !isReader(QuarkusHttpUser.getSecurityIdentityBlocking(request, null))) {
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

    private static boolean isReader(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous() && (identity.hasRole(Roles.READER)
                || identity.hasRole(Roles.EDITOR) || identity.hasRole(Roles.ADMIN));
    }

    /** The content type SmallRye would answer with, or null for anything but plain JSON requests. */
    private static String responseType(RoutingContext request) {
        String sent = request.request().getHeader("content-type");
        if (sent == null || !sent.toLowerCase().startsWith("application/json")) {
            return null;
        }
        List<MIMEHeader> accepted = request.parsedHeaders().accept();
        if (accepted.isEmpty() || accepted.get(0).rawValue().equals("*/*")) {
            return DEFAULT_CONTENT_TYPE;
        }
        String first = accepted.get(0).value();
        return first.equals("application/json") || first.equals("application/graphql-response+json")
                ? accepted.get(0).rawValue() : null;
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
