package io.parley.graphql;

import io.parley.common.ErrorCode;

import io.parley.common.ApiException;

import io.parley.errors.ErrorMapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/** Failures that are hard to provoke over HTTP on demand, mapped as the contract says. */
class ErrorMappingTest {

    @Test
    void aCancelledStatementIsALimit() {
        ApiException mapped = ErrorMapping.translate(new RuntimeException("query failed",
                new PSQLException("canceling statement due to statement timeout", PSQLState.QUERY_CANCELED)));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, mapped.code());
    }

    @Test
    void aLostConnectionIsUnavailable() {
        ApiException mapped = ErrorMapping.translate(new PSQLException("Connection refused",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT));
        assertEquals(ErrorCode.UNAVAILABLE, mapped.code());
    }

    @Test
    void aCommitCutByADatabaseRestartIsUnavailable() {
        // As Narayana reports it: the reason is suppressed in the RollbackException, not its cause.
        jakarta.transaction.RollbackException rollback = new jakarta.transaction.RollbackException(
                "ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new javax.transaction.xa.XAException("Error trying to transactionCommit local transaction")
                .initCause(new PSQLException(new ServerErrorMessage(
                        "SFATAL\u0000C57P01\u0000Mterminating connection due to administrator command"))));
        assertEquals(ErrorCode.UNAVAILABLE, ErrorMapping.translate(new RuntimeException(rollback)).code());
    }

    @Test
    void aCommitWhoseConnectionBrokeWithoutAnAnswerIsUnknown() {
        // As Narayana reports a one-phase commit whose connection dropped (UnknownCommitTest provokes it for real).
        jakarta.transaction.RollbackException rollback = new jakarta.transaction.RollbackException(
                "ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new javax.transaction.xa.XAException("Error trying to transactionCommit local transaction")
                .initCause(new PSQLException("An I/O error occurred while sending to the backend.",
                        PSQLState.CONNECTION_FAILURE, new java.io.EOFException())));
        ApiException mapped = ErrorMapping.translate(new RuntimeException(rollback));
        assertEquals(ErrorCode.COMMIT_UNKNOWN, mapped.code());
        assertTrue(mapped.getMessage().contains("same idempotency key"), mapped.getMessage());
        // The same I/O failure before any COMMIT (the write surely did not happen) is UNAVAILABLE.
        assertEquals(ErrorCode.UNAVAILABLE, ErrorMapping.translate(new PSQLException(
                "An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)).code());
    }

    @Test
    void anythingElseIsInternalWithACorrelationIdAndNoInternals() {
        ApiException mapped = ErrorMapping.translate(new IllegalStateException("secret table name t_x"));
        assertEquals(ErrorCode.INTERNAL, mapped.code());
        Object correlationId = mapped.getExtensions().get("correlationId");
        assertNotNull(correlationId);
        assertTrue(mapped.getMessage().contains(correlationId.toString()));
        assertFalse(mapped.getMessage().contains("secret"), mapped.getMessage());
    }
}
