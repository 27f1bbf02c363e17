package io.parley.db;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.parley.graphql.ApiException;
import io.parley.graphql.GlobalId;
import io.parley.graphql.NodeType;
import io.parley.sql.Sql;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The write-side steps every record shares: create, load for update with the optimistic
 * version check, save, delete, and checks that referenced records exist. Each names the
 * writer to the database, whose triggers keep the audit history. Callers run inside
 * a transaction; each step flushes so that constraint violations surface here, where
 * {@code ErrorMapping} can name them, and not at commit.
 */
@ApplicationScoped
public class Store {

    private final EntityManager em;
    private final Lookup lookup;
    private final SecurityIdentity identity;

    public Store(EntityManager em, Lookup lookup, SecurityIdentity identity) {
        this.em = em;
        this.lookup = lookup;
        this.identity = identity;
    }

    public <E extends VersionedEntity> E create(E entity) {
        nameActor();
        em.persist(entity);
        em.flush();
        return entity;
    }

    /** Loads the record {@code id} names, failing with NOT_FOUND or, on a stale version, CONFLICT. */
    public <E extends VersionedEntity> E forUpdate(Class<E> type, NodeType nodeType, String id,
            Integer expectedVersion) {
        nameActor();
        E entity = existing(type, nodeType, id);
        if (expectedVersion != null && expectedVersion != entity.version) {
            throw ApiException.conflict(nodeType.label() + " " + id + " is at version " + entity.version
                    + ", not the expected " + expectedVersion + "; reload it and try again");
        }
        return entity;
    }

    public <E extends VersionedEntity> E save(E entity) {
        entity.touch();
        em.flush();
        return entity;
    }

    public <E extends VersionedEntity> String delete(Class<E> type, NodeType nodeType, String id) {
        return delete(type, nodeType, id, null);
    }

    /**
     * Deletes the record {@code id} names, at {@code expectedVersion} when given. A record others
     * still refer to is kept: the database's foreign keys refuse the delete, which
     * {@code ErrorMapping} reports as CONFLICT naming the referring records.
     */
    public <E extends VersionedEntity> String delete(Class<E> type, NodeType nodeType, String id,
            Integer expectedVersion) {
        em.remove(forUpdate(type, nodeType, id, expectedVersion));
        em.flush();
        return id;
    }

    /** Fails with BAD_USER_INPUT on {@code field} unless every key names a record of {@code type}. */
    public void requireExisting(Class<? extends VersionedEntity> type, NodeType nodeType, String field,
            Collection<Long> keys) {
        if (keys == null || keys.isEmpty()) {
            return;
        }
        List<Long> missing = lookup.missing(type, keys);
        if (!missing.isEmpty()) {
            throw ApiException.badInput(field, "no " + nodeType.label() + " has ID "
                    + GlobalId.encode(nodeType, missing.get(0)));
        }
    }

    public void requireExisting(Class<? extends VersionedEntity> type, NodeType nodeType, String field, Long key) {
        if (key != null) {
            requireExisting(type, nodeType, field, List.of(key));
        }
    }

    /** Tells the audit triggers (V3) who is writing, for the rest of this transaction. */
    private void nameActor() {
        String actor = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        Sql.of("select set_config('parley.actor', ", Sql.value(actor == null ? "" : actor), ", true)")
                .nativeQuery(em).getSingleResult();
    }

    private <E extends VersionedEntity> E existing(Class<E> type, NodeType nodeType, String id) {
        Long key = GlobalId.keyIfType(id, nodeType, "id");
        E entity = key == null ? null : em.find(type, key);
        if (entity == null) {
            throw ApiException.notFound("id", "No " + nodeType.label() + " has ID " + id);
        }
        return entity;
    }
}
