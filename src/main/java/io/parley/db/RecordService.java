package io.parley.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hibernate.SessionCheckMode;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.query.NativeQuery;

import io.parley.common.ApiException;
import io.parley.common.GlobalId;
import io.parley.common.Inputs;
import io.parley.common.Node;
import io.parley.common.NodeLoader;
import io.parley.common.NodeType;
import io.parley.common.TransactionMemory;
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
 *
 * <p>A transaction remembers what it has already asked the database ({@link Checked}): that it
 * named its writer, and which records it found to exist as themselves (or created). A bundle
 * import writes thousands of records in one transaction, most referring to the same few hundred
 * people, sources and tracks; asking again for each was four of a new talk's dozen statements.
 */
public abstract class RecordService<E extends VersionedEntity & Node, I>
        implements PanacheRepositoryBase<E, Long>, NodeLoader<E> {

    private final NodeType nodeType;
    private final Supplier<E> newRecord;
    private final SecurityIdentity identity;

    /**
     * What the current transaction already knows, kept with it and gone with it: the writer it
     * named (set_config with is_local lasts until the transaction ends, and a savepoint rolled
     * back after it was named cannot undo it; naming it inside a savepoint is not remembered, as
     * BundleImporter names it first) and, per record type, the keys found to name records of
     * their own, neither missing nor merged into another. Such a key stays so until the
     * transaction deletes or merges a record of the type, which forgets them all; a concurrent
     * transaction's delete is refused by the foreign keys as it was before this memory.
     */
    private static final class Checked {
        String writer;
        /** Set by {@link #holdInserts}: new records wait for the next flush instead of each flushing. */
        boolean holdInserts;
        final Map<NodeType, Set<Long>> existing = new java.util.EnumMap<>(NodeType.class);

        Set<Long> existing(NodeType type) {
            return existing.computeIfAbsent(type, t -> new HashSet<>());
        }
    }

    /** The current transaction's memory, or null outside a transaction. */
    private static Checked checked() {
        return TransactionMemory.of(Checked.class, Checked::new);
    }

    /**
     * From now on in the current transaction, records {@link #create created} wait for the next
     * flush instead of each flushing on its own: keys come from sequence blocks (V15), so Hibernate
     * sends a flush's new rows of a table as one multi-row insert. For a caller that writes many
     * records, has checked them first, and flushes itself (a bundle import): a refusal by the
     * database then surfaces at that flush, for all of them at once. It holds every type's
     * inserts: the transaction's, not one service's.
     */
    public static void holdInserts() {
        Checked checked = checked();
        if (checked == null) {
            throw new IllegalStateException("inserts can only be held in a transaction");
        }
        checked.holdInserts = true;
    }

    /** Forgets which records of this type the current transaction found: call after deleting or merging one. */
    public void forgetChecked() {
        Checked checked = checked();
        if (checked != null) {
            checked.existing.remove(nodeType);
        }
    }

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

    /**
     * The records of these keys that exist, by key. Records the persistence context already holds
     * are taken from it, so only the others are read (one statement): a bundle's thousands of
     * talks name the same few hundred envoy appointments, read once per slice, not once per talk.
     */
    @Override
    public Map<Long, E> byKeys(Collection<Long> keys) {
        Map<Long, E> result = new LinkedHashMap<>();
        if (!keys.isEmpty()) {
            List<Long> distinct = List.copyOf(new LinkedHashSet<>(keys));
            for (E record : getEntityManager().unwrap(Session.class).findMultiple(entityClass(), distinct,
                    SessionCheckMode.ENABLED)) {
                if (record != null) {
                    result.put(record.pk, record);
                }
            }
        }
        return result;
    }

    /** The entity class, as the class of a new record (set once, on first use). */
    private Class<E> entityClass;

    @SuppressWarnings("unchecked")
    private Class<E> entityClass() {
        if (entityClass == null) {
            entityClass = (Class<E>) newRecord.get().getClass();
        }
        return entityClass;
    }

    /**
     * Stores a new record made from the input. Its insert is sent at once, so that a constraint
     * the database refuses surfaces here, where {@code ErrorMapping} names it; unless the
     * transaction {@link #holdInserts holds inserts}, when it waits for the next flush.
     */
    @Transactional
    public E create(I input) {
        E record = apply(newRecord.get(), input);
        nameWriter();
        Checked checked = checked();
        if (checked != null && checked.holdInserts) {
            persist(record);
        } else {
            persistAndFlush(record);
        }
        if (checked != null) {
            checked.existing(nodeType).add(record.pk);
        }
        return record;
    }

    /** Changes the record {@code id} names to the input, at {@code expectedVersion} when given. */
    @Transactional
    public E update(String id, I input, Integer expectedVersion) {
        E record = forUpdate(id, expectedVersion, this::loadWhole);
        noteReferences(record);
        return saved(apply(record, input));
    }

    /**
     * Notes ({@link #known}) the records {@code record} refers to as stored, with their services,
     * before an edit checks its input: an edit mostly repeats them (a talk's title edit names the
     * same track, people and sources), and they need no lookup (docs/benchmarks.md, Writes). None
     * by default.
     */
    protected void noteReferences(E record) {
    }

    /**
     * Notes, for the rest of the transaction, that {@code keys} (nulls ignored) name records of this
     * type of their own, neither missing nor merged into another, as if checked: for the keys a
     * record read from the database refers to. Its foreign keys held them when it was written, a
     * record referred to cannot be deleted, and a merge moves every reference to the merged person
     * onto the kept one (PersonMerger) before deleting it. A concurrent delete or merge is refused
     * or waits as it would after a lookup: its foreign keys and locks decide, not this memory.
     */
    public void known(Collection<Long> keys) {
        Checked checked = checked();
        if (checked != null) {
            for (Long key : keys) {
                if (key != null) {
                    checked.existing(nodeType).add(key);
                }
            }
        }
    }

    /** The same for one key (none when null). */
    public void known(Long key) {
        if (key != null) {
            known(List.of(key));
        }
    }

    /** Deletes the record {@code id} names, whatever its version. */
    @Transactional
    public String delete(String id) {
        return delete(id, (Integer) null);
    }

    /**
     * Deletes the record {@code id} names, at {@code expectedVersion} when given. A record others
     * still refer to is kept: the database's foreign keys refuse the delete, which
     * {@code ErrorMapping} reports as CONFLICT naming the referring records. The ID of a record
     * merged into another is NOT_FOUND: it names no record of its own any more, and deleting the
     * one it answers with is too much to do by a stale ID.
     */
    @Transactional
    public String delete(String id, Integer expectedVersion) {
        Long named = GlobalId.keyIfType(id, nodeType, "id");
        long now = named == null ? 0 : current(named);
        if (named != null && now != named) {
            throw ApiException.notFound("id", nodeType.label() + " " + id + " was merged into "
                    + GlobalId.encode(nodeType, now) + "; delete that ID if that is what you mean");
        }
        delete(forUpdate(id, expectedVersion));
        flush();
        forgetChecked();
        return id;
    }

    /**
     * Loads the record {@code id} names (or, for a record merged into another, the one it
     * answers with), failing with NOT_FOUND or, on a stale version, CONFLICT.
     */
    protected E forUpdate(String id, Integer expectedVersion) {
        return forUpdate(id, expectedVersion, key -> findById(key));
    }

    /** The same, the record loaded by {@code load}: an edit's with what it compares ({@link #loadWhole}). */
    private E forUpdate(String id, Integer expectedVersion, LongFunction<E> load) {
        nameWriter();
        Long key = GlobalId.keyIfType(id, nodeType, "id");
        E record = key == null ? null : load.apply(current(key));
        if (record == null) {
            throw ApiException.notFound("id", "No " + nodeType.label() + " has ID " + id);
        }
        if (expectedVersion != null && expectedVersion != record.version) {
            throw ApiException.conflict(nodeType.label() + " " + id + " is at version " + record.version
                    + ", not the expected " + expectedVersion + "; reload it and try again");
        }
        return record;
    }

    /**
     * The record of this key with what an edit compares, or null: by default its row, its element
     * collections loaded when first read (one select each); a type whose edits always read them
     * can fetch them with the row. Only {@link #update} loads this way: a delete or a
     * one-field change ({@link #forUpdate(String, Integer)}) compares no collection.
     */
    protected E loadWhole(long key) {
        return findById(key);
    }

    /**
     * {@code proposed}, or {@code current} when it holds equal elements in the same order: Hibernate
     * rewrites a collection it is handed anew whole (a delete of every row, then an insert of every
     * row, each row's indexes with it) and leaves one it is handed back alone. A talk's title edit
     * repeats its participants and citations (its input replaces the whole talk): left alone, they
     * cost two reads instead of two deletes and three inserts (docs/benchmarks.md, Writes).
     * Elements without an {@code equals} of their own are never equal, and replaced as before.
     */
    protected static <T> List<T> kept(List<T> current, List<T> proposed) {
        return current.equals(proposed) ? current : proposed;
    }

    /** Writes a changed record: bumps updatedAt and, through it, the version. */
    protected E saved(E record) {
        record.touch();
        flush();
        return record;
    }

    /**
     * The key of the existing record of this type that {@code id} (input {@code field}) must name;
     * for a record merged into another, the key of that one.
     */
    public long reference(String field, String id) {
        long key = current(GlobalId.keyOf(id, nodeType, field));
        requireExisting(field, key);
        return key;
    }

    /** The same for an optional reference: null when {@code id} is. */
    public Long optionalReference(String field, String id) {
        return id == null ? null : reference(field, id);
    }

    /**
     * The keys of the existing records of this type that {@code ids} name, in order (for records
     * merged into others, the keys of those); none when absent. Two IDs that answer with the same
     * record are refused as a record listed twice.
     */
    public List<Long> references(String field, List<String> ids) {
        List<Long> keys = Inputs.keys(field, ids, nodeType);
        if (keys == null) {
            return new ArrayList<>();
        }
        List<Long> current = current(keys);
        distinct(current, index -> field + "[" + index + "]");
        requireExisting(field, current);
        return current;
    }

    /**
     * Fails with BAD_USER_INPUT on the field of the second of two keys that are the same record
     * (once merged records answer with the ones they were merged into).
     */
    public void distinct(List<Long> keys, IntFunction<String> field) {
        Map<Long, Integer> first = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Integer earlier = first.putIfAbsent(keys.get(i), i);
            if (earlier != null) {
                throw ApiException.badInput(field.apply(i), "is listed twice: it names the same " + nodeType.label()
                        + " as " + field.apply(earlier) + ", which it was merged into or with");
            }
        }
    }

    /**
     * The keys records of this type answer with now, in the order of {@code keys}: a record's own
     * key, or for one merged into another, that one's ({@link #mergedInto}).
     */
    public List<Long> current(List<Long> keys) {
        Checked checked = checked();
        List<Long> unknown = checked == null ? keys
                : keys.stream().filter(key -> !checked.existing(nodeType).contains(key)).toList();
        Map<Long, Long> merged = unknown.isEmpty() ? Map.of() : mergedInto(unknown);
        return keys.stream().map(key -> merged.getOrDefault(key, key)).toList();
    }

    /** The key the record {@code key} answers with now (see {@link #current(List)}). */
    public long current(long key) {
        return current(List.of(key)).get(0);
    }

    /**
     * For those of {@code keys} that name records merged into others, the key of the record each
     * answers with now. Records of most types are never merged: none by default.
     */
    protected Map<Long, Long> mergedInto(Collection<Long> keys) {
        return Map.of();
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
        Checked checked = checked();
        Set<Long> wanted = new LinkedHashSet<>(keys);
        if (checked != null) {
            wanted.removeAll(checked.existing(nodeType));
        }
        if (wanted.isEmpty()) {
            return;
        }
        if (countExisting(wanted) == wanted.size()) {
            // Each its own record too: merging deletes the record merged.
            if (checked != null) {
                checked.existing(nodeType).addAll(wanted);
            }
            return;
        }
        Set<Long> found = byKeys(wanted).keySet();
        for (int i = 0; i < keys.size(); i++) {
            // keys not in wanted were known to exist, so the first missing one is among wanted
            if (wanted.contains(keys.get(i)) && !found.contains(keys.get(i))) {
                throw ApiException.badInput(field.apply(i), "no " + nodeType.label() + " has ID "
                        + GlobalId.encode(nodeType, keys.get(i)));
            }
        }
    }

    /**
     * How many of {@code keys} name a record of this type, in one native statement. Panache's
     * {@code count("pk in ?1", ...)} translated its HQL to SQL afresh on every call (Hibernate
     * caches no plan for a count over a parameter list): 15% of the server's CPU samples in a
     * talk's title edit, which checks its track, people and sources. The session is flushed first
     * only if it holds changes to this type's records, as for that HQL query: records created in
     * this transaction and not yet sent are already known ({@link Checked}).
     */
    private long countExisting(Collection<Long> keys) {
        return ((Number) Sql.of(countExistingText(), Sql.values(keys), ")")
                .nativeQuery(getEntityManager()).unwrap(NativeQuery.class).addSynchronizedEntityClass(entityClass())
                .getSingleResult()).longValue();
    }

    /** The count's text up to its keys, from Hibernate's mapping of the entity (set once, on first use). */
    private String countExistingText;

    private String countExistingText() {
        if (countExistingText == null) {
            EntityPersister entity = getEntityManager().getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                    .getMappingMetamodel().getEntityDescriptor(entityClass());
            countExistingText = "select count(*) from " + entity.getTableName() + " where "
                    + entity.getIdentifierColumnNames()[0] + " in (";
        }
        return countExistingText;
    }

    /**
     * Tells the audit triggers (V3) who is writing, for the rest of this transaction; once per
     * transaction and writer ({@link Checked}).
     */
    public void nameWriter() {
        String actor = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        Checked checked = checked();
        if (checked != null && actor.equals(checked.writer)) {
            return;
        }
        Sql.of("select set_config('parley.actor', ", Sql.value(actor), ", true)")
                .nativeQuery(getEntityManager()).getSingleResult();
        if (checked != null) {
            checked.writer = actor;
        }
    }
}
