package io.parley.idempotency;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.parley.common.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import graphql.language.Document;

/**
 * Retry-safe writes, Stripe style: a write sent with an idempotency key (the
 * {@value IdempotencyKey#HEADER} header, or the {@value KeyArgument#NAME} argument of a mutation)
 * runs once; the same request sent again with the same key by the same caller gets the first
 * answer again, without writing, with the header {@value #REPLAYED}. Rules:
 * <ul>
 * <li>A key is kept only with a write that committed, in the same transaction
 * ({@link KeyedTransaction}). A request refused before it wrote (invalid, forbidden, a failed
 * check) or whose write rolled back leaves no key behind: sending it again runs it again, which
 * is safe because nothing was written. Unlike Stripe, which also replays errors of requests that
 * ran, Parley's errors are all of the kind a retry may cure (UNAVAILABLE, CONFLICT on a stale
 * version, NOT_FOUND), so replaying them would only pin a failure to the key.</li>
 * <li>The same key with a different request (document, operation name, variables, or for
 * POST /import the body) is refused: CONFLICT.</li>
 * <li>The same key while its first request is still running, on any replica, is refused:
 * CONFLICT, retry later.</li>
 * <li>Keys are per caller (the token's subject; anonymous callers share one scope) and kept for
 * {@code parley.idempotency.retention} (24 h), in PostgreSQL, so every replica honours them.
 * Older ones are deleted by the writes themselves, at most every 10 minutes per replica: no
 * scheduler needed.</li>
 * </ul>
 */
@ApplicationScoped
public class RetrySafeWrites {

    private static final Logger LOG = Logger.getLogger(RetrySafeWrites.class);
    /** Stripe's header on a replayed answer. */
    public static final String REPLAYED = "Idempotent-Replayed";
    /** How often one replica deletes expired keys: the table holds about a day of keyed writes. */
    private static final long PURGE_EVERY_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final TransactionManager transactions;
    private final DataSource database;
    private final EntityManager entities;
    private final Duration retention;
    private final AtomicLong lastPurge = new AtomicLong(System.nanoTime() - PURGE_EVERY_NANOS);

    public RetrySafeWrites(TransactionManager transactions, DataSource database, EntityManager entities,
            @ConfigProperty(name = "parley.idempotency.retention") Duration retention) {
        this.transactions = transactions;
        this.database = database;
        this.entities = entities;
        this.retention = retention;
    }

    /** A GraphQL execution, answering once with the response or with why it failed. */
    @FunctionalInterface
    public interface Execution {
        void run(Consumer<Answer> answered, Consumer<Throwable> failed);
    }

    /** Where a write's answer goes: the answer, and whether it is a replay of the first. */
    @FunctionalInterface
    public interface Respond {
        void with(Answer answer, boolean replayed);
    }

    /**
     * Runs a GraphQL mutation request: plainly when it carries no key, otherwise as a keyed
     * write. Called on the request's event loop; answers there too.
     */
    public void mutation(RoutingContext context, Document document, String query, String operationName,
            Map<String, Object> variables, Execution execution, Respond respond, Consumer<Throwable> fail) {
        String key;
        try {
            key = keyOf(context, document, operationName, variables);
        } catch (ApiException refused) {
            fail.accept(refused);
            return;
        }
        if (key == null) {
            execution.run(answer -> respond.with(answer, false), fail);
            return;
        }
        // The request's own (duplicated) context: the keyed steps run on its worker threads, and
        // their outcomes come back to its event loop, whichever thread SmallRye answered on.
        Context request = Vertx.currentContext() != null ? Vertx.currentContext() : context.vertx().getOrCreateContext();
        request.executeBlocking(() -> {
            SecurityIdentity caller = QuarkusHttpUser.getSecurityIdentityBlocking(context, null);
            return KeyedTransaction.begin(transactions, database, entities,
                    IdempotencyKey.of(caller, key, "graphql", query, operationName, variables), 0);
        }, false).onComplete(started -> {
            if (started.failed()) {
                fail.accept(started.cause());
                return;
            }
            KeyedTransaction.Start start = started.result();
            if (start instanceof KeyedTransaction.Replay replay) {
                context.response().putHeader(REPLAYED, "true");
                respond.with(replay.answer(), true);
            } else if (start instanceof KeyedTransaction.Proceed proceed) {
                run(request, proceed.transaction(), execution, respond, fail);
            } else {
                fail.accept(refusal(start));
            }
        });
    }

    private void run(Context request, KeyedTransaction keyed, Execution execution, Respond respond,
            Consumer<Throwable> fail) {
        keyed.attach();
        execution.run(answer -> {
            keyed.detach();
            request.executeBlocking(() -> {
                keyed.finish(answer);
                purgeNowAndThen();
                return answer;
            }, false).onComplete(finished -> {
                if (finished.succeeded()) {
                    respond.with(answer, false);
                } else {
                    fail.accept(finished.cause());
                }
            });
        }, failure -> {
            keyed.detach();
            request.executeBlocking(() -> {
                keyed.abandon();
                return null;
            }, false).onComplete(ignored -> fail.accept(failure));
        });
    }

    /**
     * Runs {@code work} (a POST /import, already on a worker thread, as the caller) as a keyed
     * write when the request carries the header: its answer is the JSON text {@code work} returns,
     * kept in the same transaction as the import. {@code request} is what the key is bound to;
     * the transaction ends after {@code timeoutSeconds}.
     */
    public String work(RoutingContext context, SecurityIdentity caller, Object request, int timeoutSeconds,
            Callable<String> work) throws Exception {
        String header = context.request().getHeader(IdempotencyKey.HEADER);
        if (header == null) {
            return work.call();
        }
        IdempotencyKey key = IdempotencyKey.of(caller, IdempotencyKey.checked(IdempotencyKey.HEADER, header),
                context.request().path(), request);
        KeyedTransaction.Start start = KeyedTransaction.begin(transactions, database, entities, key, timeoutSeconds);
        if (start instanceof KeyedTransaction.Replay replay) {
            return replay.answer().body();
        }
        if (!(start instanceof KeyedTransaction.Proceed proceed)) {
            throw refusal(start);
        }
        String answer;
        try {
            answer = proceed.transaction().within(work);
        } catch (Exception | Error failed) {
            proceed.transaction().abandon();
            throw failed;
        }
        proceed.transaction().finish(new Answer(answer, true, false));
        purgeNowAndThen();
        return answer;
    }

    /**
     * The request's key, from the header or the mutation's argument, or null. Both may be sent
     * but must agree; a keyed request runs one mutation field, in one transaction with its answer.
     */
    private static String keyOf(RoutingContext context, Document document, String operationName,
            Map<String, Object> variables) {
        String header = context.request().getHeader(IdempotencyKey.HEADER);
        if (header != null) {
            IdempotencyKey.checked(IdempotencyKey.HEADER, header);
        }
        KeyArgument.Found found = KeyArgument.in(document, operationName, variables);
        Set<String> arguments = found == null ? Set.of() : found.keys();
        if (arguments.size() > 1 || header != null && !arguments.isEmpty() && !arguments.contains(header)) {
            throw ApiException.badInput(KeyArgument.NAME,
                    "the request carries different idempotency keys; one request has one key");
        }
        String key = header != null ? header : arguments.isEmpty() ? null : arguments.iterator().next();
        if (key != null && found != null && found.fields() > 1) {
            throw ApiException.badInput(KeyArgument.NAME, "a request with an idempotency key runs one mutation"
                    + " field; send each write as a request of its own, with a key of its own");
        }
        return key;
    }

    private static ApiException refusal(KeyedTransaction.Start start) {
        return start instanceof KeyedTransaction.InProgress
                ? ApiException.conflict("A request with this idempotency key is still running; send it again"
                        + " later with the same key to get its answer")
                : ApiException.conflict("This idempotency key was used with a different request; a new write"
                        + " needs a new key (keys are kept for 24 hours per caller)");
    }

    /**
     * Deletes expired keys, at most every 10 minutes per replica, on the thread of a write that
     * has just finished (its transaction has ended: the delete commits on its own).
     */
    private void purgeNowAndThen() {
        long last = lastPurge.get();
        long now = System.nanoTime();
        if (now - last < PURGE_EVERY_NANOS || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        try (Connection connection = database.getConnection()) {
            int deleted = StoredAnswers.purge(connection, retention);
            LOG.debugf("deleted %d idempotency keys older than %s", deleted, retention);
        } catch (Exception failed) {
            // The next write tries again in 10 minutes; an expired key kept longer harms nobody.
            LOG.warn("Could not delete expired idempotency keys", failed);
        }
    }
}
