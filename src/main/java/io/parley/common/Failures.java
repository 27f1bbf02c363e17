package io.parley.common;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** What a failure is made of, for the places that decide what it means (ErrorMapping, KeyedTransaction). */
public final class Failures {

    /** 64 is far more than any real chain; it bounds a pathological one. */
    private static final int MOST = 64;

    private Failures() {
    }

    /**
     * Whether PostgreSQL's SQLSTATE says the connection itself failed, not the statement: class 08
     * (connection exception), 57P01-57P05 (the server shut down or ended the session) or 53300 (too
     * many connections). The one definition for the primary (ErrorMapping: UNAVAILABLE) and the
     * read replica (ReadRouting: the primary answers instead).
     */
    public static boolean connectionLost(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
    }

    /**
     * The failure and everything behind it, nearest first: causes, an SQLException's next
     * exceptions, and suppressed exceptions too, because a failed commit hides its reason there
     * (Narayana's RollbackException carries the flush's "terminating connection" error as
     * suppressed, not as cause).
     */
    public static List<Throwable> chain(Throwable failure) {
        List<Throwable> found = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> waiting = new ArrayDeque<>(List.of(failure));
        while (!waiting.isEmpty() && found.size() < MOST) {
            Throwable next = waiting.removeFirst();
            if (!seen.add(next)) {
                continue;
            }
            found.add(next);
            if (next.getCause() != null) {
                waiting.addLast(next.getCause());
            }
            if (next instanceof SQLException sql && sql.getNextException() != null) {
                waiting.addLast(sql.getNextException());
            }
            waiting.addAll(Arrays.asList(next.getSuppressed()));
        }
        return found;
    }
}
