package io.parley.trip;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.db.VersionedEntity;
import io.parley.common.Node;
import io.parley.common.NodeType;
import io.parley.common.SearchResult;
import io.parley.common.TimelineItem;
import io.parley.source.Citation;
import io.parley.common.Location;

@Entity
@Table(name = "trip")
@SequenceGenerator(sequenceName = "trip_id_seq", allocationSize = VersionedEntity.KEYS_PER_FETCH)
@Description("An envoy's journey to a place, e.g. a visit to Moscow or a leg of shuttle diplomacy.")
public class Trip extends VersionedEntity implements Node, SearchResult, TimelineItem {

    @Column(name = "envoy_id", nullable = false)
    Long envoyKey;
    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "destination_name"))
    @AttributeOverride(name = "city", column = @Column(name = "destination_city"))
    @AttributeOverride(name = "countryCode", column = @Column(name = "destination_country_code"))
    @AttributeOverride(name = "latitude", column = @Column(name = "destination_latitude"))
    @AttributeOverride(name = "longitude", column = @Column(name = "destination_longitude"))
    @AttributeOverride(name = "geonamesId", column = @Column(name = "destination_geonames_id"))
    @NonNull
    public Location destination;
    public LocalDate arrivedOn;
    public LocalDate departedOn;
    public String purpose;
    @Description("What the sources report about the trip beyond its purpose.")
    public String summary;

    @ElementCollection
    @CollectionTable(name = "trip_talk", joinColumns = @JoinColumn(name = "trip_id"))
    @OrderColumn(name = "ordinal")
    @Column(name = "talk_id")
    List<Long> talkKeys = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "citation", joinColumns = @JoinColumn(name = "trip_id"))
    @OrderColumn(name = "ordinal")
    List<Citation> citations = new ArrayList<>();

    @Override
    protected NodeType nodeType() {
        return NodeType.TRIP;
    }

    public Long envoyKey() {
        return envoyKey;
    }
}
