package io.parley.common;

import java.util.function.Supplier;

import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * What the current JTA transaction keeps for its own duration and drops with it: one object per
 * class, made on first use. Narayana's registry is looked up, not injected, so that plain
 * classes and every service's constructor stay as they are; nothing is read at build time.
 */
public final class TransactionMemory {

    private TransactionMemory() {
    }

    /**
     * The current transaction's {@code type}, made by {@code made} on first use; null outside a
     * transaction, or in one past its active life (which then keeps nothing: callers ask again).
     */
    public static <T> T of(Class<T> type, Supplier<T> made) {
        TransactionSynchronizationRegistry transactions = com.arjuna.ats.jta.common.jtaPropertyManager
                .getJTAEnvironmentBean().getTransactionSynchronizationRegistry();
        if (transactions.getTransactionKey() == null) {
            return null;
        }
        try {
            T kept = type.cast(transactions.getResource(type));
            if (kept == null) {
                kept = made.get();
                transactions.putResource(type, kept);
            }
            return kept;
        } catch (IllegalStateException ending) {
            return null;
        }
    }

    /** The current transaction's {@code type} if it made one; null otherwise. */
    public static <T> T ifKept(Class<T> type) {
        return of(type, () -> null);
    }
}
