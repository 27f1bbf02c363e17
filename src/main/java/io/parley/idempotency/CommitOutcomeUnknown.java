package io.parley.idempotency;

/**
 * The connection to PostgreSQL failed while a keyed write's COMMIT was on its way: the write may
 * have committed or not, and only PostgreSQL knows. ErrorMapping answers COMMIT_UNKNOWN, telling
 * the client to send the request again with the same idempotency key, which either returns the
 * answer kept with the committed write or writes it now, once.
 */
public final class CommitOutcomeUnknown extends RuntimeException {

    CommitOutcomeUnknown(Throwable cause) {
        super("The connection failed while committing; the write's outcome is unknown", cause);
    }
}
