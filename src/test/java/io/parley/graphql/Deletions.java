package io.parley.graphql;

import io.parley.common.Roles;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.error;
import static io.parley.graphql.GraphQLClient.postAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

/**
 * What every admin-only delete mutation must do: refuse editors, stale versions and records
 * others still refer to (the record stays), delete an unreferenced one, and report an unknown
 * one as NOT_FOUND.
 */
public final class Deletions {

    private Deletions() {
    }

    /**
     * Checks {@code mutation} (e.g. {@code deleteSource}) on {@code unused}, a record nothing refers
     * to, and {@code referenced}, one that {@code referrers} (words of the CONFLICT message) refer to.
     */
    public static void check(String mutation, String unused, String referenced, String referrers) {
        String delete = "mutation($id: ID!, $v: Int) { " + mutation + "(id: $id, expectedVersion: $v) }";

        assertEquals(List.of("FORBIDDEN"), postAs(Tokens.withRoles(Roles.EDITOR), delete, "id", unused, "v", null)
                .getList("errors.extensions.code"), "an editor may not delete");
        assertTrue(exists(unused));

        error("CONFLICT", delete, "id", unused, "v", 7);
        assertTrue(exists(unused), "a stale expectedVersion deletes nothing");

        Map<String, Object> conflict = error("CONFLICT", delete, "id", referenced, "v", null);
        assertTrue(((String) conflict.get("message")).contains(referrers), conflict::toString);
        assertTrue(exists(referenced), "a record still referred to is kept");

        assertEquals(unused, data(delete, "id", unused, "v", 0).getString(mutation));
        assertNull(data("query($id: ID!) { node(id: $id) { id } }", "id", unused).get("node"));
        error("NOT_FOUND", delete, "id", unused, "v", null);
    }

    private static boolean exists(String id) {
        return id.equals(data("query($id: ID!) { node(id: $id) { id } }", "id", id).getString("node.id"));
    }
}
