package io.parley.http;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.parley.common.ApiException;
import io.parley.db.DatabaseReachability;
import io.parley.read.CompiledReads;
import io.parley.graphql.Documents;
import io.parley.errors.ErrorMapping;
import io.parley.common.Roles;
import io.parley.http.persisted.PersistedDocuments;
import io.parley.idempotency.Answer;
import io.parley.idempotency.RetrySafeWrites;
import io.parley.limits.RateLimitCharges;
import io.parley.replica.ReadAfter;
import io.parley.telemetry.OperationTelemetry;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import graphql.ExecutionResult;

/**
 * GraphQL over HTTP, in front of SmallRye's own route: POST (JSON, or a bare
 * {@code application/graphql} document) and GET with the parameters in the URL, as the GraphQL
 * over HTTP spec has them; Apollo's automatic persisted queries on both; the trusted-documents
 * mode; the response media type and status the client's Accept header asks for; HTTP caching
 * of reads ({@link HttpCaching}). Reads go to {@link CompiledReads} first and to SmallRye
 * ({@link GeneralPath}) when it cannot answer them. A mutation is never executed over GET (405).
 * WebSocket upgrades (subscriptions) pass through to SmallRye. What operators see of each request
 * (its span's name and attributes, metrics per operation) is {@link OperationTelemetry}'s.
 */
@ApplicationScoped
public class GraphQLEndpoint {

    private final String path;
    private final long maxBody;
    private final boolean trustedOnly;
    private final Documents documents;
    private final CompiledReads compiled;
    private final PersistedDocuments persisted;
    private final HttpCaching caching;
    private final RateLimitCharges rateLimits;
    private final RetrySafeWrites writes;
    private final OperationTelemetry telemetry;
    private volatile GeneralPath general;

    public GraphQLEndpoint(@ConfigProperty(name = "quarkus.smallrye-graphql.root-path") String path,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody,
            @ConfigProperty(name = "parley.trusted-documents.enabled") boolean trustedOnly,
            Documents documents, CompiledReads compiled, PersistedDocuments persisted, HttpCaching caching,
            RateLimitCharges rateLimits, RetrySafeWrites writes, OperationTelemetry telemetry) {
        this.path = path;
        this.maxBody = maxBody.asLongValue();
        this.trustedOnly = trustedOnly;
        this.documents = documents;
        this.compiled = compiled;
        this.persisted = persisted;
        this.caching = caching;
        this.rateLimits = rateLimits;
        this.writes = writes;
        this.telemetry = telemetry;
    }

    void route(@Observes Router router) {
        router.route(path).order(-100).method(HttpMethod.POST).handler(BodyHandler.create(false).setBodyLimit(maxBody));
        router.route(path).order(-99).method(HttpMethod.GET).method(HttpMethod.POST).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        if ("websocket".equalsIgnoreCase(context.request().getHeader(HttpHeaders.UPGRADE))) {
            context.next();
            return;
        }
        telemetry.begin(context);
        HttpCaching.vary(context);
        ResponseType type = ResponseType.negotiate(context);
        if (type == null) {
            refuse(context, ResponseType.JSON, new Refusal(ApiException.badInput("Accept",
                    "Parley answers application/graphql-response+json or application/json"), 406, 406, Map.of()));
            return;
        }
        GraphQLRequest request;
        try {
            request = read(context);
        } catch (Refusal refusal) {
            refuse(context, type, refusal);
            return;
        }
        resolve(context, request).onComplete(resolved -> {
            if (resolved.succeeded()) {
                execute(context, type, resolved.result());
            } else {
                refuse(context, type, refusal(resolved.cause()));
            }
        });
    }

    private static GraphQLRequest read(RoutingContext context) {
        if (context.request().method() == HttpMethod.GET) {
            return GraphQLRequest.fromUrl(context.queryParams());
        }
        String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String body = context.body().asString();
        if (contentType != null && contentType.startsWith("application/json")) {
            return GraphQLRequest.fromBody(body);
        }
        if (contentType != null && contentType.startsWith("application/graphql")) {
            return GraphQLRequest.fromDocument(body);
        }
        throw new Refusal(ApiException.badInput("Content-Type", "send application/json (or application/graphql)"),
                415, 415, Map.of());
    }

    /**
     * The request with its document: looked up or registered when it names a persisted one, and
     * checked against the trusted documents when only those may run. Database work and waiting
     * for the caller's identity happen on a worker thread, and only when there is any.
     */
    private Future<GraphQLRequest> resolve(RoutingContext context, GraphQLRequest request) {
        Map<String, Object> persistedQuery;
        try {
            persistedQuery = request.persistedQuery();
        } catch (Refusal refusal) {
            return Future.failedFuture(refusal);
        }
        if (persistedQuery == null && request.documentId() == null && !trustedOnly) {
            return Future.succeededFuture(request);
        }
        return context.vertx().executeBlocking(() -> {
            String document = request.query();
            boolean trusted = false;
            if (persistedQuery != null || request.documentId() != null) {
                PersistedDocuments.Stored stored = persistedQuery != null
                        ? persisted.resolve(persistedQuery, document)
                        : persisted.byId(request.documentId());
                document = stored.document();
                trusted = stored.trusted();
            }
            if (trustedOnly && !trusted && !persisted.isTrusted(document) && !mayRunAnything(context)) {
                throw ApiException.forbidden("Only trusted documents may run here without an editor or admin token;"
                        + " this operation is not one of them");
            }
            return request.withQuery(document);
        }, false);
    }

    private static boolean mayRunAnything(RoutingContext context) {
        SecurityIdentity identity = QuarkusHttpUser.getSecurityIdentityBlocking(context, null);
        return identity != null && (identity.hasRole(Roles.EDITOR) || identity.hasRole(Roles.ADMIN));
    }

    private void execute(RoutingContext context, ResponseType type, GraphQLRequest request) {
        Documents.Parsed parsed = documents.parse(request.query());
        if (parsed.syntaxError() != null) {
            refuse(context, type, Refusal.refused(
                    ApiException.badInput("request", "the query does not parse: " + parsed.syntaxError()), 400));
            return;
        }
        String kind = parsed.operationKind(request.operationName());
        telemetry.operation(context, parsed, request.operationName(), kind);
        boolean read = "query".equals(kind);
        try {
            ReadAfter.accept(context, request.extensions());
        } catch (ApiException malformed) {
            refuse(context, type, refusal(malformed));
            return;
        }
        if (context.request().method() == HttpMethod.GET && kind != null && !read) {
            refuse(context, type, new Refusal(ApiException.badInput("request",
                    "only queries may be sent with GET; send mutations and subscriptions with POST"), 405, 405,
                    Map.of(HttpHeaders.ALLOW.toString(), "POST")));
            return;
        }
        if (kind != null && DatabaseReachability.unreachable()) {
            // Refused at once while the database is known to be away, instead of each request
            // holding a worker thread for the pool's 3 s wait (DatabaseReachability).
            refuse(context, type, new Refusal(ApiException.unavailable(null), 200, 503,
                    Map.of(HttpHeaders.RETRY_AFTER.toString(), "1")));
            return;
        }
        // Charged before anything runs, once the document is known (sent or persisted).
        rateLimits.charge(context, request.query(), request.variables(), request.operationName()).onComplete(charged -> {
            if (charged.succeeded()) {
                run(context, type, request, read);
            } else {
                refuse(context, type, refusal(charged.cause()));
            }
        });
    }

    private void run(RoutingContext context, ResponseType type, GraphQLRequest request, boolean read) {
        if (!read || !request.onlyPersistedExtension()) {
            executeGenerally(context, type, request, read);
            return;
        }
        compiled.answer(context, request.query(), request.operationName(), request.variables()).onComplete(answer -> {
            if (answer.succeeded() && answer.result() != null) {
                respond(context, type, answer.result(), true, false, true);
            } else {
                executeGenerally(context, type, request, true);
            }
        });
    }

    private void executeGenerally(RoutingContext context, ResponseType type, GraphQLRequest request, boolean read) {
        Documents.Parsed parsed = read ? null : documents.parse(request.query());
        if (parsed != null && "mutation".equals(parsed.operationKind(request.operationName()))) {
            // Retry-safe when keyed (Idempotency-Key header or idempotencyKey argument).
            writes.mutation(context, parsed.document, request.query(), request.operationName(), request.variables(),
                    (answered, failed) -> generalPath().execute(context, request, response -> {
                        telemetry.failed(context, response.getExecutionResult().getErrors());
                        answered.accept(answer(response));
                    }, failed),
                    (answer, replayed) -> respond(context, type, answer.body(), answer.hasData(), answer.hasErrors(),
                            false),
                    failure -> refuse(context, type, refusal(failure)));
            return;
        }
        generalPath().execute(context, request, response -> {
            telemetry.failed(context, response.getExecutionResult().getErrors());
            Answer answer = answer(response);
            respond(context, type, answer.body(), answer.hasData(), answer.hasErrors(), read);
        }, context::fail);
    }

    private static Answer answer(ExecutionResponse response) {
        ExecutionResult result = response.getExecutionResult();
        return new Answer(response.getExecutionResultAsString(), result.isDataPresent(), !result.getErrors().isEmpty());
    }

    /**
     * A GraphQL response: in application/graphql-response+json, one without data (the request
     * failed to parse, validate or pass a limit) is 400; application/json is always 200.
     */
    private void respond(RoutingContext context, ResponseType type, String body, boolean hasData, boolean hasErrors,
            boolean read) {
        if (context.response().headWritten()) {
            // A resolver's lazy authentication refused a token that does not verify, and
            // TokenFailures has answered 401 already.
            return;
        }
        context.response().setStatusCode(type == ResponseType.GRAPHQL_RESPONSE_JSON && !hasData ? 400 : 200)
                .putHeader(HttpHeaders.CONTENT_TYPE, type.contentType);
        if (read && hasData && !hasErrors) {
            if (caching.cacheableRead(context, type, body)) {
                context.response().setStatusCode(304).end();
                return;
            }
        } else {
            caching.notCacheable(context);
        }
        context.response().end(body);
    }

    private void refuse(RoutingContext context, ResponseType type, Refusal refusal) {
        if (context.response().headWritten()) {
            // Quarkus already refused a token that does not verify (HTTP 401) while we waited for the identity.
            return;
        }
        caching.notCacheable(context);
        telemetry.failed(context, refusal.error.code().name());
        refusal.headers.forEach(context.response()::putHeader);
        context.response().setStatusCode(refusal.status(type)).putHeader(HttpHeaders.CONTENT_TYPE, type.contentType)
                .end(new JsonObject().put("errors", new JsonArray().add(new JsonObject()
                        .put("message", refusal.error.getMessage())
                        .put("extensions", new JsonObject(refusal.error.getExtensions())))).encode());
    }

    /** How a failure while resolving a request is answered; ErrorMapping words anything unexpected. */
    private static Refusal refusal(Throwable failure) {
        if (failure instanceof Refusal refusal) {
            return refusal;
        }
        if (failure instanceof RateLimitCharges.Refused spent) {
            return new Refusal(spent.error, 429, 429,
                    Map.of(HttpHeaders.RETRY_AFTER.toString(), Long.toString(spent.retryAfterSeconds)));
        }
        ApiException error = failure instanceof AuthenticationFailedException
                ? ApiException.unauthenticated()
                : ErrorMapping.translate(failure);
        return switch (error.code()) {
            case BAD_USER_INPUT -> new Refusal(error, 400, 400, Map.of());
            case PERSISTED_QUERY_NOT_FOUND -> Refusal.refused(error, 404);
            case UNAUTHENTICATED -> new Refusal(error, 401, 401,
                    Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
            case FORBIDDEN -> Refusal.refused(error, 403);
            case CONFLICT -> Refusal.refused(error, 409);
            case UNAVAILABLE, COMMIT_UNKNOWN -> Refusal.refused(error, 503);
            default -> Refusal.refused(error, 500);
        };
    }

    private GeneralPath generalPath() {
        GeneralPath path = general;
        if (path == null) {
            path = new GeneralPath(Arc.container().instance(CurrentIdentityAssociation.class).get(),
                    Arc.container().instance(CurrentVertxRequest.class).get());
            general = path;
        }
        return path;
    }
}
