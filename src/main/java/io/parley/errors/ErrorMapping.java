package io.parley.errors;

import io.parley.common.ApiException;
import io.parley.common.Failures;

import io.parley.common.GraphQLBoundary;
import io.parley.db.DatabaseReachability;
import io.parley.idempotency.CommitOutcomeUnknown;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.transaction.xa.XAException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where failures become contract errors. API exceptions pass through; a missing
 * or invalid token becomes UNAUTHENTICATED and a missing role FORBIDDEN; stale
 * versions and references that block a delete become CONFLICT; constraint violations the
 * validation did not foresee become BAD_USER_INPUT; a lost database becomes UNAVAILABLE, and a
 * connection lost while a write committed COMMIT_UNKNOWN (the write may have been made: retry
 * with the same idempotency key); and
 * anything else becomes INTERNAL with a correlation id that is also logged, so nothing
 * internal reaches the client.
 */
@GraphQLBoundary
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class ErrorMapping {

    private static final Logger LOG = Logger.getLogger(ErrorMapping.class);

    /** Tables that reference others, named as a client knows them. */
    private static final Map<String, String> REFERRERS = Map.ofEntries(
            Map.entry("envoy", "envoy appointments"),
            Map.entry("talk", "talks"),
            Map.entry("talk_participant", "talk participants"),
            Map.entry("trip", "trips"),
            Map.entry("trip_talk", "trips"),
            Map.entry("outcome", "outcomes"),
            Map.entry("outcome_talk", "outcomes"),
            Map.entry("outcome_beneficiary", "outcome beneficiaries"),
            Map.entry("outcome_credit", "outcome credits"),
            Map.entry("statement", "statements"),
            Map.entry("citation", "citations"));

    @AroundInvoke
    Object map(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (ApiException e) {
            throw e;
        } catch (Exception | Error e) {
            throw translate(e);
        }
    }

    /** The contract error a failure stands for; unexpected ones are logged with a correlation id. */
    public static ApiException translate(Throwable failure) {
        List<Throwable> chain = Failures.chain(failure);
        if (brokeWhileCommitting(chain)) {
            DatabaseReachability.suspect();
            return ApiException.commitUnknown(failure);
        }
        for (Throwable cause : chain) {
            if (cause instanceof ApiException api) {
                return api;
            }
            if (cause instanceof UnauthorizedException || cause instanceof AuthenticationFailedException) {
                return ApiException.unauthenticated();
            }
            if (cause instanceof ForbiddenException) {
                return ApiException.forbidden();
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return ApiException.conflict("The record was changed by someone else meanwhile; reload it and try again");
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                ApiException mapped = fromSqlState(sql);
                if (mapped != null) {
                    return mapped;
                }
            }
            if (cause instanceof jakarta.validation.ConstraintViolationException violations) {
                var first = violations.getConstraintViolations().iterator().next();
                return ApiException.badInput(first.getPropertyPath().toString(), first.getMessage());
            }
            if (isLostDatabase(cause)) {
                DatabaseReachability.suspect();
                return ApiException.unavailable(failure);
            }
        }
        String correlationId = UUID.randomUUID().toString();
        if (chain.stream().anyMatch(ContextNotActiveException.class::isInstance)) {
            // Each time seen, Vert.x had ended the request (its client closed the connection) while
            // the operation ran, so the caller's request-scoped identity could no longer be read:
            // twice in about 25,000 writes under the benchmark's load. The transaction rolls back on this
            // exception and nobody waits for the answer, so a line is enough, not a stack trace.
            LOG.warnf("Operation abandoned: its request ended before it finished (%s), correlation id %s",
                    failure.getMessage(), correlationId);
            return ApiException.internal(correlationId, failure);
        }
        LOG.errorf(failure, "Unexpected failure, correlation id %s", correlationId);
        return ApiException.internal(correlationId, failure);
    }

    /**
     * Whether the connection broke while a write's COMMIT was on its way, so that PostgreSQL may
     * have committed it: a keyed write says so itself ({@link CommitOutcomeUnknown}); for any other,
     * the pool's XA resource failed to commit (Agroal's "Error trying to transactionCommit") with
     * an I/O error under it, no answer from the server. Narayana then reports a RollbackException,
     * which is not what happened when PostgreSQL had committed before the connection dropped (the
     * test behind a proxy that cuts it there, UnknownCommitTest, sees exactly that). A server that
     * answers the COMMIT with an error of its own (57P01, shutting down) stays UNAVAILABLE.
     */
    private static boolean brokeWhileCommitting(List<Throwable> chain) {
        boolean committing = false;
        boolean ioFailure = false;
        boolean serverAnswered = false;
        for (Throwable cause : chain) {
            if (cause instanceof CommitOutcomeUnknown) {
                return true;
            }
            committing |= cause instanceof XAException && cause.getMessage() != null
                    && cause.getMessage().contains("transactionCommit");
            ioFailure |= cause instanceof IOException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
            // PostgreSQL answered the COMMIT with an error of its own (57P01 when its session is
            // terminated while deferred triggers run): it did not commit, whatever broke after.
            serverAnswered |= cause instanceof PSQLException psql && psql.getServerErrorMessage() != null;
        }
        return committing && ioFailure && !serverAnswered;
    }

    private static ApiException fromSqlState(SQLException sql) {
        if (!(sql instanceof PSQLException) && sql.getNextException() instanceof PSQLException server) {
            // A batched write (rows of one table flushed together) fails as a BatchUpdateException
            // with the server's own error, which names the table and constraint, next to it.
            return fromSqlState(server);
        }
        String state = sql.getSQLState();
        ServerErrorMessage detail = sql instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        String table = detail == null ? null : detail.getTable();
        return switch (state) {
            case "23503" -> sql.getMessage() != null && sql.getMessage().contains("is still referenced")
                    ? ApiException.conflict("The record is still referenced by "
                            + (table == null ? "other records" : REFERRERS.getOrDefault(table, "other records"))
                            + "; remove those references first")
                    : ApiException.badInput("input", "refers to a record that does not exist");
            case "23505" -> ApiException.conflict("A record with the same unique value already exists"
                    + (detail != null && detail.getConstraint() != null ? " (" + detail.getConstraint() + ")" : ""));
            case "23502", "23514", "22001", "22003", "22007", "22008", "22P02" ->
                ApiException.badInput("input", "a value breaks a rule of the stored data"
                        + (detail != null && detail.getConstraint() != null ? " (" + detail.getConstraint() + ")" : ""));
            case "57014" -> ApiException.limitExceeded("query", "the statement took too long and was cancelled");
            default -> {
                if (Failures.connectionLost(sql)) {
                    DatabaseReachability.suspect();
                    yield ApiException.unavailable(sql);
                }
                yield null;
            }
        };
    }

    /**
     * The database is out of reach when Hibernate says so, or when the pool cannot hand out a
     * working connection; Agroal reports the latter without an SQLState.
     */
    private static boolean isLostDatabase(Throwable cause) {
        if (cause instanceof JDBCConnectionException || cause instanceof java.net.SocketException
                || cause instanceof java.net.SocketTimeoutException) {
            return true;
        }
        // pgjdbc's loginTimeout interrupts a connection attempt that got no answer (a stalled
        // network) and reports it as "Something unusual has occurred" around this cause.
        if (cause instanceof RuntimeException && "Interrupted while attempting to connect.".equals(cause.getMessage())) {
            return true;
        }
        String message = cause.getMessage();
        return message != null && (cause instanceof SQLException || cause instanceof PersistenceException)
                && (message.contains("Acquisition timeout") || message.contains("Unable to acquire JDBC Connection")
                        || message.contains("connection has been closed") || message.contains("Failed to enlist"));
    }
}
