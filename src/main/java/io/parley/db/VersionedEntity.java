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

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
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
