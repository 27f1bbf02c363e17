package io.parley.track;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.parley.db.VersionedEntity;
import io.parley.common.Node;
import io.parley.common.NodeType;
import io.parley.common.SearchResult;
import io.parley.source.Citation;

@Entity
@Table(name = "track")
@SequenceGenerator(sequenceName = "track_id_seq", allocationSize = VersionedEntity.KEYS_PER_FETCH)
@Description("A negotiation track or dossier, e.g. Russia-Ukraine peace talks.")
public class Track extends VersionedEntity implements Node, SearchResult {

    @Column(nullable = false)
    @NonNull
    public String name;
    public String summary;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    @NonNull
    public List<@NonNull String> parties = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    @NonNull
    public TrackStatus status;

    @ElementCollection
    @CollectionTable(name = "citation", joinColumns = @JoinColumn(name = "track_id"))
    @OrderColumn(name = "ordinal")
    List<Citation> citations = new ArrayList<>();

    @Override
    protected NodeType nodeType() {
        return NodeType.TRACK;
    }
}
