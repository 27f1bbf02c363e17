package io.parley.read;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.parley.sql.Sql;

import graphql.normalized.ExecutableNormalizedOperation;

/**
 * Read operations already checked and compiled, so that a document asked again with the same
 * variables goes straight to the database. Clients ask the same few operations again and again (a
 * front page, a track page, a persisted query), and for a small read the checking and compiling
 * cost more than the statement: for "person by id" in bench/ they were a quarter of the CPU a
 * request took (normalizing 15%, compiling 9%, JFR), and the database's own share is 80 of 320
 * CPU-microseconds.
 *
 * <p>A plan holds the checked operation, its cost, and its statement for each set of caller
 * roles (what a read shows may depend on them: history actors). Compiling depends on nothing
 * else (no clock, no caller name), and every value the statement uses comes from the document or
 * the variables, which are the key. Bounded in entries and in the SQL text held: when either is
 * full the cache starts again, so a client sending endless variations pins nothing.
 */
final class OperationPlans {

    private static final int MAX_PLANS = 500;
    /** SQL text held, in characters (bytes, as Java holds ASCII): a long compiled read (a page of nested connections) is 10-30 kB. */
    private static final long MAX_CHARACTERS = 4_000_000;
    /** Variables longer than this (as text) are planned every time rather than held. */
    private static final int MAX_VARIABLES_LENGTH = 2_048;
    /** Documents longer than this are planned every time (as {@code graphql.Documents} parses them). */
    private static final int MAX_DOCUMENT_LENGTH = 8_192;

    record Key(String query, String operationName, Map<String, Object> variables) {
    }

    /** One operation checked against the schema and the limits, and its statements. */
    static final class Plan {
        final ExecutableNormalizedOperation operation;
        final long cost;
        private final Map<Set<String>, Sql> statements = new ConcurrentHashMap<>(2);

        Plan(ExecutableNormalizedOperation operation, long cost) {
            this.operation = operation;
            this.cost = cost;
        }
    }

    private final Map<Key, Plan> plans = new ConcurrentHashMap<>();
    private final AtomicLong characters = new AtomicLong();

    /** The key a request's plan is held under, or null when it is not to be held. */
    static Key key(String query, String operationName, Map<String, Object> variables) {
        if (query.length() > MAX_DOCUMENT_LENGTH
                || (variables != null && !variables.isEmpty() && variables.toString().length() > MAX_VARIABLES_LENGTH)) {
            return null;
        }
        // A copy: the request's own map goes on to SmallRye when the compiled path declines.
        return new Key(query, operationName,
                variables == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(variables)));
    }

    /** The plan held under {@code key} (null: never held), or the one {@code planning} makes, held from then on. */
    Plan plan(Key key, Supplier<Plan> planning) {
        Plan known = key == null ? null : plans.get(key);
        if (known != null) {
            return known;
        }
        Plan planned = planning.get();
        if (key != null && planned != null) {
            if (plans.size() >= MAX_PLANS) {
                clear();
            }
            plans.put(key, planned);
        }
        return planned;
    }

    /** The plan's statement for a caller with {@code roles}, compiled the first time. */
    Sql statement(Plan plan, Set<String> roles, Supplier<Sql> compiling) {
        Sql known = plan.statements.get(roles);
        if (known != null) {
            return known;
        }
        Sql compiled = compiling.get();
        if (characters.addAndGet(compiled.text().length()) > MAX_CHARACTERS) {
            clear();
        } else {
            plan.statements.put(Set.copyOf(roles), compiled);
        }
        return compiled;
    }

    private void clear() {
        plans.clear();
        characters.set(0);
    }
}
