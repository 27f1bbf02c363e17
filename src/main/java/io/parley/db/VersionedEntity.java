package io.parley.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Version;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.common.GlobalId;
import io.parley.common.NodeType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A top-level record, a Panache entity: numeric key inside, opaque global ID outside, optimistic
 * version and last-change time. Subclasses hold only columns and element collections, never
 * associations to other entities, so nothing can be lazily loaded behind the API's back: related
 * records are fetched in batches. Written through its feature's {@link RecordService}.
 */
@MappedSuperclass
public abstract class VersionedEntity extends PanacheEntityBase {

    /**
     * Keys a JVM takes from a table's key sequence at a time (V15 makes each sequence step by as
     * many): one nextval per 50 records created, not one round trip per record, and keys known
     * before the insert, which lets Hibernate send a flush's new records of a table as one
     * multi-row insert; an identity key is only known after each insert, one statement per row.
     * Each entity names its table's key sequence, the one its key column's default takes from,
     * so that a writer inserting without a key (PostGraphile, psql) takes a block of its own.
     */
    public static final int KEYS_PER_FETCH = 50;

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    @Column(name = "id")
    protected Long pk;

    @Version
    @Column(nullable = false)
    protected int version;

    @Column(name = "updated_at", nullable = false)
    protected Instant updatedAt;

    protected abstract NodeType nodeType();

    /** The numeric key; a method, not a getter, so it never shows in the schema. */
    public Long key() {
        return pk;
    }

    @Id
    @NonNull
    public String getId() {
        return GlobalId.encode(nodeType(), pk);
    }

    @Description("Increases on every change; pass it as expectedVersion to update safely.")
    public int getVersion() {
        return version;
    }

    @NonNull
    public OffsetDateTime getUpdatedAt() {
        return updatedAt.atOffset(ZoneOffset.UTC);
    }

    /** Panache's, kept out of the GraphQL schema (every entity is a GraphQL type). */
    @Ignore
    @Override
    public boolean isPersistent() {
        return super.isPersistent();
    }

    /** Marks the record changed: bumps updatedAt and, through it, the version. */
    @PrePersist
    public void touch() {
        updatedAt = Instant.now();
    }
}
