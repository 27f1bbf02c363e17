package io.parley.talk;

import io.parley.common.Location;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.db.VersionedEntity;
import io.parley.common.DatePrecision;
import io.parley.common.Node;
import io.parley.common.NodeType;
import io.parley.common.SearchResult;
import io.parley.common.TimelineItem;
import io.parley.source.Citation;

@Entity
@Table(name = "talk")
@SequenceGenerator(sequenceName = "talk_id_seq", allocationSize = VersionedEntity.KEYS_PER_FETCH)
@Description("A meeting, call or round of negotiations.")
public class Talk extends VersionedEntity implements Node, SearchResult, TimelineItem {

    @Column(nullable = false)
    @NonNull
    public String title;
    @Column(name = "track_id")
    Long trackKey;
    @Column(nullable = false)
    @NonNull
    public LocalDate date;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    @NonNull
    public DatePrecision datePrecision;
    // Instants; SmallRye GraphQL writes every DateTime in UTC, so an offset given on input is not kept.
    Instant startsAt;
    Instant endsAt;
    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "location_name"))
    @AttributeOverride(name = "city", column = @Column(name = "location_city"))
    @AttributeOverride(name = "countryCode", column = @Column(name = "location_country_code"))
    @AttributeOverride(name = "latitude", column = @Column(name = "location_latitude"))
    @AttributeOverride(name = "longitude", column = @Column(name = "location_longitude"))
    @AttributeOverride(name = "geonamesId", column = @Column(name = "location_geonames_id"))
    public Location location;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    @NonNull
    public TalkFormat format;
    public boolean closedDoor;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    @NonNull
    public TalkStatus status;
    public String summary;

    @ElementCollection
    @CollectionTable(name = "talk_participant", joinColumns = @JoinColumn(name = "talk_id"))
    @OrderColumn(name = "ordinal")
    List<Participant> participants = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "citation", joinColumns = @JoinColumn(name = "talk_id"))
    @OrderColumn(name = "ordinal")
    List<Citation> citations = new ArrayList<>();

    @Override
    protected NodeType nodeType() {
        return NodeType.TALK;
    }

    public Long trackKey() {
        return trackKey;
    }

    public OffsetDateTime getStartsAt() {
        return inUtc(startsAt);
    }

    public OffsetDateTime getEndsAt() {
        return inUtc(endsAt);
    }

    void setStartsAt(OffsetDateTime value) {
        startsAt = value == null ? null : value.toInstant();
    }

    void setEndsAt(OffsetDateTime value) {
        endsAt = value == null ? null : value.toInstant();
    }

    private static OffsetDateTime inUtc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
