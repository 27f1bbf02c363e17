package io.parley.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import jakarta.transaction.Transactional;

import io.parley.common.ApiException;
import io.parley.common.GlobalId;
import io.parley.common.Inputs;
import io.parley.common.Node;
import io.parley.common.NodeLoader;
import io.parley.common.NodeType;
import io.parley.sql.Sql;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The skeleton every feature service shares, generic over its entity {@code E} and its input
 * {@code I}, so that a feature's service keeps only its rules ({@link #apply}): lookups by key,
 * and writes (create, update with the optimistic version check, delete, checks that referenced
 * records exist) through Panache; each service is its entity's Panache repository.
 *
 * <p>Every write names the writer to the database, whose triggers (V3) keep the audit history.
 * Writes run in a transaction and flush at each step, so that a constraint violation surfaces
 * here, where {@code ErrorMapping} can name it, and not at commit.
 */
public abstract class RecordService<E extends VersionedEntity & Node, I>
        implements PanacheRepositoryBase<E, Long>, NodeLoader<E> {

    private final NodeType nodeType;
    private final Supplier<E> newRecord;
    private final SecurityIdentity identity;

    /** {@code identity} is the caller's, named to the audit triggers as the writer. */
    protected RecordService(NodeType nodeType, Supplier<E> newRecord, SecurityIdentity identity) {
        this.nodeType = nodeType;
        this.newRecord = newRecord;
        this.identity = identity;
    }

    /** For the client proxy CDI makes of each service (it delegates every call, so it needs no state). */
    protected RecordService() {
        this(null, null, null);
    }

    /** The feature's rules: checks the input and sets every field of the record from it. */
    protected abstract E apply(E record, I input);

    @Override
    public NodeType nodeType() {
        return nodeType;
    }

    @Override
    public Map<Long, E> byKeys(Collection<Long> keys) {
        Map<Long, E> result = new LinkedHashMap<>();
        if (!keys.isEmpty()) {
            list("pk in ?1", keys).forEach(record -> result.put(record.pk, record));
        }
        return result;
    }

    /** Stores a new record made from the input. */
    @Transactional
    public E create(I input) {
        E record = apply(newRecord.get(), input);
        nameWriter();
        persistAndFlush(record);
        return record;
    }

    /** Changes the record {@code id} names to the input, at {@code expectedVersion} when given. */
    @Transactional
    public E update(String id, I input, Integer expectedVersion) {
        return saved(apply(forUpdate(id, expectedVersion), input));
    }

    /** Deletes the record {@code id} names, whatever its version. */
    @Transactional
    public String delete(String id) {
        return delete(id, (Integer) null);
    }

    /**
     * Deletes the record {@code id} names, at {@code expectedVersion} when given. A record others
     * still refer to is kept: the database's foreign keys refuse the delete, which
     * {@code ErrorMapping} reports as CONFLICT naming the referring records.
     */
    @Transactional
    public String delete(String id, Integer expectedVersion) {
        delete(forUpdate(id, expectedVersion));
        flush();
        return id;
    }

    /** Loads the record {@code id} names, failing with NOT_FOUND or, on a stale version, CONFLICT. */
    protected E forUpdate(String id, Integer expectedVersion) {
        nameWriter();
        Long key = GlobalId.keyIfType(id, nodeType, "id");
        E record = key == null ? null : findById(key);
        if (record == null) {
            throw ApiException.notFound("id", "No " + nodeType.label() + " has ID " + id);
        }
        if (expectedVersion != null && expectedVersion != record.version) {
            throw ApiException.conflict(nodeType.label() + " " + id + " is at version " + record.version
                    + ", not the expected " + expectedVersion + "; reload it and try again");
        }
        return record;
    }

    /** Writes a changed record: bumps updatedAt and, through it, the version. */
    protected E saved(E record) {
        record.touch();
        flush();
        return record;
    }

    /** The key of the existing record of this type that {@code id} (input {@code field}) must name. */
    public long reference(String field, String id) {
        long key = GlobalId.keyOf(id, nodeType, field);
        requireExisting(field, key);
        return key;
    }

    /** The same for an optional reference: null when {@code id} is. */
    public Long optionalReference(String field, String id) {
        return id == null ? null : reference(field, id);
    }

    /** The keys of the existing records of this type that {@code ids} name, in order; none when absent. */
    public List<Long> references(String field, List<String> ids) {
        List<Long> keys = Inputs.keys(field, ids, nodeType);
        requireExisting(field, keys);
        return keys == null ? new ArrayList<>() : keys;
    }

    /** Fails with BAD_USER_INPUT on {@code field} unless {@code key} (if given) names a record of this type. */
    public void requireExisting(String field, Long key) {
        if (key != null) {
            requireExisting(field, List.of(key));
        }
    }

    /** Fails with BAD_USER_INPUT on {@code field}, naming the first key without a record of this type. */
    public void requireExisting(String field, Collection<Long> keys) {
        if (keys != null) {
            requireEachExisting(List.copyOf(keys), index -> field);
        }
    }

    /**
     * Fails with BAD_USER_INPUT unless every key names a record of this type, on the field of the
     * first that does not (its index in {@code keys}); one statement however many keys.
     */
    public void requireEachExisting(List<Long> keys, IntFunction<String> field) {
        if (keys.isEmpty()) {
            return;
        }
        Set<Long> wanted = new LinkedHashSet<>(keys);
        if (count("pk in ?1", wanted) == wanted.size()) {
            return;
        }
        Set<Long> found = byKeys(wanted).keySet();
        for (int i = 0; i < keys.size(); i++) {
            if (!found.contains(keys.get(i))) {
                throw ApiException.badInput(field.apply(i), "no " + nodeType.label() + " has ID "
                        + GlobalId.encode(nodeType, keys.get(i)));
            }
        }
    }

    /** Tells the audit triggers (V3) who is writing, for the rest of this transaction. */
    private void nameWriter() {
        String actor = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        Sql.of("select set_config('parley.actor', ", Sql.value(actor), ", true)")
                .nativeQuery(getEntityManager()).getSingleResult();
    }
}
