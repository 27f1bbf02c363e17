package io.parley.idempotency;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.function.Function;

import javax.sql.DataSource;
import javax.transaction.xa.XAException;

import jakarta.persistence.EntityManager;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.Status;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import org.jboss.logging.Logger;

import io.parley.common.Failures;

import io.smallrye.common.vertx.ContextLocals;

/**
 * One keyed write: a single JTA transaction that holds the key's lock, the write, the reading of
 * its answer and the keeping of that answer, and commits them together.
 *
 * <p>Why one transaction for all of it, rather than marking the key in the write's own
 * transaction and storing the answer after it: the answer is only known once the payload has been
 * read after the write, and a process that dies (or loses its connection) between the write's
 * commit and the answer's would leave a key with no answer to give, which a retry could then
 * neither replay nor safely run again. With one transaction there is no such moment: the key and
 * its answer exist exactly when the write committed ({@code StoredAnswers.keep} runs just before
 * COMMIT), and a rolled-back write leaves nothing behind, so its retry simply runs.
 *
 * <p>A request hops threads while it executes (the resolver on a worker, its payload read on
 * another, the endpoint's own work on a third), and a JTA transaction belongs to one thread at a
 * time. So the transaction is begun and then suspended, and each step {@linkplain #within resumes}
 * it on its own thread and suspends it again. Every step of a request is sequential (one mutation
 * field, then its payload), so the transaction is never on two threads at once. While resumed,
 * the pool (Agroal) hands out the one connection enlisted in it, and Hibernate the one session,
 * so the write, the payload read (which sees the uncommitted write) and the key are all one
 * PostgreSQL transaction.
 */
public final class KeyedTransaction {

    private static final Logger LOG = Logger.getLogger(KeyedTransaction.class);
    /** Where the endpoint leaves a request's keyed transaction, in the request's Vert.x context. */
    private static final String LOCAL = "parley.keyed-transaction";

    /** How a keyed request starts. */
    sealed interface Start permits Proceed, Replay, InProgress, OtherRequest {
    }

    /** First time for this key: go ahead, within the transaction. */
    record Proceed(KeyedTransaction transaction) implements Start {
    }

    /** The key's write committed before: its answer, given again. */
    record Replay(Answer answer) implements Start {
    }

    /** Another request with the key is still running. */
    record InProgress() implements Start {
    }

    /** The key was used with a different request. */
    record OtherRequest() implements Start {
    }

    private final TransactionManager manager;
    private final DataSource database;
    private final EntityManager entities;
    private final IdempotencyKey key;
    private final Transaction transaction;
    /** The request's Vert.x context while attached. */
    private volatile io.vertx.core.Context context;

    private KeyedTransaction(TransactionManager manager, DataSource database, EntityManager entities,
            IdempotencyKey key, Transaction transaction) {
        this.manager = manager;
        this.database = database;
        this.entities = entities;
        this.key = key;
        this.transaction = transaction;
    }

    /**
     * Begins the key's transaction on this (worker) thread, with a timeout in seconds (0: the
     * default), and takes the key's lock in it; then either hands the transaction on, suspended,
     * or ends it and says why not.
     */
    static Start begin(TransactionManager manager, DataSource database, EntityManager entities, IdempotencyKey key,
            int timeoutSeconds) throws Exception {
        // The write joins this transaction, so its own @TransactionConfiguration timeout does not
        // apply: the caller passes it (0: the default, 60 s).
        manager.setTransactionTimeout(timeoutSeconds);
        try {
            manager.begin();
        } finally {
            manager.setTransactionTimeout(0);
        }
        Transaction transaction = manager.getTransaction();
        Start start;
        try (Connection connection = database.getConnection()) {
            if (!StoredAnswers.lock(connection, key)) {
                start = new InProgress();
            } else {
                StoredAnswers.Stored stored = StoredAnswers.find(connection, key);
                start = stored == null ? null : stored.answers(key) ? new Replay(stored.answer()) : new OtherRequest();
            }
        } catch (Exception | Error failed) {
            rollbackQuietly(manager);
            throw failed;
        }
        if (start != null) {
            manager.rollback();
            return start;
        }
        manager.suspend();
        return new Proceed(new KeyedTransaction(manager, database, entities, key, transaction));
    }

    /** Runs one step of the request in the transaction, on the calling thread. */
    public <T> T within(Callable<T> step) throws Exception {
        if (manager.getTransaction() == transaction) {
            return step.call();
        }
        manager.resume(transaction);
        try {
            return step.call();
        } finally {
            manager.suspend();
        }
    }

    /**
     * Ends the transaction with the request's answer: rolled back when the write failed (a
     * resolver's error marks it so, and then nothing was written and no key is kept); otherwise
     * the answer is kept, when anything was written, and everything commits. A connection lost
     * during COMMIT makes the outcome unknown: {@link CommitOutcomeUnknown}.
     */
    void finish(Answer answer) throws Exception {
        manager.resume(transaction);
        boolean committing = false;
        try {
            if (transaction.getStatus() != Status.STATUS_ACTIVE) {
                manager.rollback();
                return;
            }
            // Whatever Hibernate still holds goes to the database now, so that "wrote" sees it and
            // a failure surfaces here, before the answer is kept, rather than at commit.
            entities.flush();
            try (Connection connection = database.getConnection()) {
                if (StoredAnswers.wrote(connection)) {
                    StoredAnswers.keep(connection, key, answer);
                }
            }
            committing = true;
            manager.commit();
        } catch (Exception | Error failed) {
            if (manager.getTransaction() != null) {
                rollbackQuietly(manager);
            }
            if (committing && connectionLost(failed)) {
                // For operators: the client is told COMMIT_UNKNOWN and retries with its key.
                LOG.warn("The connection to PostgreSQL broke while a keyed write was committing; its outcome is unknown",
                        failed);
                throw new CommitOutcomeUnknown(failed);
            }
            throw failed;
        }
    }

    /** Rolls the transaction back: the request failed before it had an answer. */
    void abandon() {
        try {
            manager.resume(transaction);
            manager.rollback();
        } catch (Exception failed) {
            LOG.debugf(failed, "rolling back the keyed transaction of %s", key.key());
        }
    }

    /**
     * Makes the transaction the request's, for the steps that run in it ({@link #current}); called
     * on the request's event loop, in its duplicated context.
     */
    void attach() {
        context = io.vertx.core.Vertx.currentContext();
        ContextLocals.put(LOCAL, this);
    }

    /** The request has its answer: no step runs in the transaction any more. From any thread. */
    void detach() {
        io.vertx.core.Context attached = context;
        if (attached == null) {
            return;
        }
        if (io.vertx.core.Vertx.currentContext() == attached) {
            ContextLocals.remove(LOCAL);
        } else {
            attached.runOnContext(ignored -> ContextLocals.remove(LOCAL));
        }
    }

    /**
     * The keyed transaction of the request being handled, or null: found in the request's Vert.x
     * (duplicated) context, which the worker threads running its resolvers share.
     */
    public static KeyedTransaction current() {
        if (io.vertx.core.Vertx.currentContext() == null) {
            return null;
        }
        try {
            return ContextLocals.<KeyedTransaction> get(LOCAL).orElse(null);
        } catch (UnsupportedOperationException notDuplicated) {
            return null;
        }
    }

    /**
     * {@code step} to be run later, possibly on another thread, in the keyed transaction of the
     * request being handled now, if it has one (a mutation's payload read, which must see the
     * uncommitted write).
     */
    public static <T, R> Function<T, R> around(Function<T, R> step) {
        KeyedTransaction keyed = current();
        if (keyed == null) {
            return step;
        }
        return input -> {
            try {
                return keyed.within(() -> step.apply(input));
            } catch (RuntimeException | Error failed) {
                throw failed;
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        };
    }

    private static void rollbackQuietly(TransactionManager manager) {
        try {
            manager.rollback();
        } catch (Exception failed) {
            LOG.debug("rolling back after a failure", failed);
        }
    }

    /**
     * Whether a failure of COMMIT says the connection broke (so PostgreSQL may or may not have
     * committed), rather than that the transaction was refused: an I/O error, a connection-class
     * SQLState (08, or 57P for a server shutting down), or the transaction manager reporting a
     * resource failure or a heuristic outcome.
     */
    static boolean connectionLost(Throwable failure) {
        for (Throwable cause : Failures.chain(failure)) {
            if (cause instanceof IOException || cause instanceof HeuristicMixedException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause instanceof XAException xa && (xa.errorCode == XAException.XAER_RMFAIL
                    || xa.errorCode == XAException.XA_HEURHAZ || xa.errorCode == XAException.XA_HEURMIX
                    || xa.errorCode == XAException.XA_RBCOMMFAIL)) {
                return true;
            }
        }
        return false;
    }
}
