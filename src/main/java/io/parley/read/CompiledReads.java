package io.parley.read;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.parley.graphql.Documents;
import io.parley.graphql.QueryLimits;
import io.parley.access.ReadAccess;
import io.parley.graphql.ResponseExtensions;
import io.parley.replica.ReadAfter;
import io.parley.sql.Sql;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import graphql.normalized.ExecutableNormalizedOperation;

/**
 * A whole query operation answered with one SQL statement, asked before SmallRye GraphQL by the
 * HTTP endpoint (for POST, GET and persisted queries alike): parsed and validated against the
 * served schema (documents are cached), held to the same {@link QueryLimits}, compiled by
 * {@link ReadCompiler} (operations asked again are planned once: {@link OperationPlans}) and answered with the JSON PostgreSQL builds, without SmallRye's
 * execution. Anything else (mutations, introspection) and anything that goes wrong on the way
 * (invalid documents, refused limits, bad arguments, reads needing a role the caller lacks, a
 * database error) goes to SmallRye, whose Query fields are answered from the same definitions
 * ({@link ReadFetchers}) and whose errors are the API's: so errors are always worded one way.
 */
@ApplicationScoped
public class CompiledReads {

    private static final Logger LOG = Logger.getLogger(CompiledReads.class);

    private final boolean enabled;
    private final boolean readsRequireReader;
    private final QueryLimits limits;
    private final Documents documents;
    private final Reads reads;
    private final OperationPlans plans = new OperationPlans();

    public CompiledReads(@ConfigProperty(name = "parley.graphql.compiled-reads") boolean enabled,
            @ConfigProperty(name = "parley.auth.reads-require-reader") boolean readsRequireReader,
            QueryLimits limits, Documents documents, Reads reads) {
        this.enabled = enabled;
        this.readsRequireReader = readsRequireReader;
        this.limits = limits;
        this.documents = documents;
        this.reads = reads;
    }

    /**
     * The whole response to a read ({@code {"data":...}}), or null when SmallRye should answer
     * it. The caller has already checked the request's shape and that it is a read.
     */
    public Future<String> answer(RoutingContext request, String query, String operationName, Map<String, Object> variables) {
        OperationPlans.Plan plan = enabled
                ? plans.plan(OperationPlans.key(query, operationName, variables), () -> plan(query, operationName, variables))
                : null;
        if (plan == null) {
            return Future.succeededFuture();
        }
        request.put(ResponseExtensions.COST, plan.cost);
        return request.vertx().executeBlocking(() -> run(plan, request), false)
                .map(data -> data == null ? null : ResponseExtensions.compiledBody(request, data))
                .otherwise((String) null);
    }

    /** The operation checked against the schema and the limits, or null when SmallRye should answer it. */
    private OperationPlans.Plan plan(String query, String operationName, Map<String, Object> variables) {
        try {
            ReadCompiler.ReadModel model = reads.model();
            Documents.Parsed document = documents.parse(query);
            if (!document.isValid(model.schema())) {
                return null;
            }
            ExecutableNormalizedOperation operation = limits.check(model.schema(), document.document,
                    operationName, variables);
            return new OperationPlans.Plan(operation, QueryLimits.cost(operation, model.schema()));
        } catch (RuntimeException refused) {
            // Bad variables or arguments, or a refused limit: SmallRye words the error.
            return null;
        }
    }

    /** The operation's data as JSON, or null when SmallRye should answer. Runs on a worker thread. */
    private String run(OperationPlans.Plan plan, RoutingContext request) {
        try {
            SecurityIdentity caller = QuarkusHttpUser.getSecurityIdentityBlocking(request, null);
            if (readsRequireReader && !ReadAccess.mayRead(caller)) {
                return null;
            }
            Set<String> roles = caller == null || caller.isAnonymous() ? Set.of() : caller.getRoles();
            Sql statement = plans.statement(plan, roles, () -> reads.compiler(caller).operation(plan.operation));
            LOG.debugf("compiled: %s", statement);
            return reads.json(statement, ReadAfter.of(request));
        } catch (ReadCompiler.NotCompilable reason) {
            LOG.debugf("SmallRye answers: %s", reason.getMessage());
            return null;
        } catch (SQLException | RuntimeException failed) {
            LOG.debugf(failed, "SmallRye answers after a failed compiled read");
            return null;
        }
    }
}
