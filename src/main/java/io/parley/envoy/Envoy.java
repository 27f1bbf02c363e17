package io.parley.envoy;

import java.time.LocalDate;
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

import io.parley.db.VersionedEntity;
import io.parley.common.DatePrecision;
import io.parley.common.Node;
import io.parley.common.NodeType;
import io.parley.common.SearchResult;
import io.parley.source.Citation;

@Entity
@Table(name = "envoy")
@SequenceGenerator(sequenceName = "envoy_id_seq", allocationSize = VersionedEntity.KEYS_PER_FETCH)
@Description("A person's appointment as an envoy: who sent them, for whom, with what mandate.")
public class Envoy extends VersionedEntity implements Node, SearchResult {

    @Column(name = "person_id", nullable = false)
    Long personKey;
    @Column(nullable = false)
    @NonNull
    @Description("e.g. United States Special Envoy to the Middle East.")
    public String title;
    @Column(nullable = false)
    @NonNull
    @Description("ISO 3166-1 alpha-2 code of the state the envoy represents.")
    public String represents;
    @Column(name = "appointed_by_id")
    Long appointedByKey;
    @Description("Region or portfolio, e.g. Middle East; Ukraine and Russia; investment and economic affairs.")
    public String mandate;
    public LocalDate announcedOn;
    @Enumerated(EnumType.STRING)
    @Description("How much of announcedOn is known.")
    public DatePrecision announcedOnPrecision;
    public LocalDate startDate;
    public LocalDate endDate;

    @ElementCollection
    @CollectionTable(name = "citation", joinColumns = @JoinColumn(name = "envoy_id"))
    @OrderColumn(name = "ordinal")
    List<Citation> citations = new ArrayList<>();

    @Override
    protected NodeType nodeType() {
        return NodeType.ENVOY;
    }

    public Long personKey() {
        return personKey;
    }
}
