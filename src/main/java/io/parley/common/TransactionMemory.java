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
        TransactionSynchronizationRegistry transactions = registry();
        if (transactions == null) {
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

    /**
     * The current transaction's {@code type} if it made one; null otherwise. Only reads: a single
     * mutation asks on every write whether its notifications are held, and leaves nothing behind.
     */
    public static <T> T ifKept(Class<T> type) {
        TransactionSynchronizationRegistry transactions = registry();
        if (transactions == null) {
            return null;
        }
        try {
            return type.cast(transactions.getResource(type));
        } catch (IllegalStateException ending) {
            return null;
        }
    }

    /** Narayana's registry while a transaction is current; null otherwise. */
    private static TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry transactions = com.arjuna.ats.jta.common.jtaPropertyManager
                .getJTAEnvironmentBean().getTransactionSynchronizationRegistry();
        return transactions.getTransactionKey() == null ? null : transactions;
    }
}
