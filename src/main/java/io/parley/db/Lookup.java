package io.parley.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Batch reads for the GraphQL layer: the element collections of many owners, and the records
 * referring to or containing many keys, each in one statement. Records by key are their
 * {@link RecordService}'s.
 */
@ApplicationScoped
public class Lookup {

    private final EntityManager em;

    public Lookup(EntityManager em) {
        this.em = em;
    }

    /** The named element collection of each owner, in stored order. */
    public <C> Map<Long, List<C>> children(Class<? extends VersionedEntity> owner, String collection,
            Class<C> elementType, Collection<Long> ownerKeys) {
        return children(owner, collection, elementType, ownerKeys, null);
    }

    /**
     * The same, with the record each element refers to loaded in the same statement and handed
     * to the element, so the reference costs neither a second statement nor a batch resolver.
     */
    public <C, R extends VersionedEntity> Map<Long, List<C>> children(Class<? extends VersionedEntity> owner,
            String collection, Class<C> elementType, Collection<Long> ownerKeys, Reference<C, R> reference) {
        Map<Long, List<C>> result = new LinkedHashMap<>();
        if (ownerKeys.isEmpty()) {
            return result;
        }
        String hql = "select o.pk, c" + (reference == null ? "" : ", r") + " from " + owner.getSimpleName() + " o join o."
                + collection + " c"
                + (reference == null ? ""
                        : " join " + reference.type().getSimpleName() + " r on r.pk = c." + reference.attribute())
                + " where o.pk in :keys order by o.pk, index(c)";
        for (Object[] row : em.createQuery(hql, Object[].class).setParameter("keys", ownerKeys).getResultList()) {
            C element = elementType.cast(row[1]);
            if (reference != null) {
                reference.attach().accept(element, reference.type().cast(row[2]));
            }
            result.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(element);
        }
        return result;
    }

    /** An element's reference to a record: the attribute holding its key, and where the record goes. */
    public record Reference<C, R extends VersionedEntity>(String attribute, Class<R> type, BiConsumer<C, R> attach) {
    }

    /** Records of {@code type} whose {@code column} holds one of the keys, grouped by that key. */
    public <E extends VersionedEntity> Map<Long, List<E>> referring(Class<E> type, String attribute,
            Collection<Long> keys, String orderBy) {
        Map<Long, List<E>> result = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return result;
        }
        String hql = "select e." + attribute + ", e from " + type.getSimpleName() + " e where e." + attribute
                + " in :keys order by " + orderBy;
        for (Object[] row : em.createQuery(hql, Object[].class).setParameter("keys", keys).getResultList()) {
            result.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(type.cast(row[1]));
        }
        return result;
    }

    /** Owners whose element collection of keys contains one of {@code keys}, grouped by that key. */
    public <E extends VersionedEntity> Map<Long, List<E>> containing(Class<E> type, String collection,
            Collection<Long> keys) {
        Map<Long, List<E>> result = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return result;
        }
        String hql = "select c, e from " + type.getSimpleName() + " e join e." + collection
                + " c where c in :keys order by e.pk";
        for (Object[] row : em.createQuery(hql, Object[].class).setParameter("keys", keys).getResultList()) {
            result.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(type.cast(row[1]));
        }
        return result;
    }
}
