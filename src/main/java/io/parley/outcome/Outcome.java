package io.parley.outcome;

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

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.db.VersionedEntity;
import io.parley.common.DatePrecision;
import io.parley.common.Node;
import io.parley.common.NodeType;
import io.parley.common.SearchResult;
import io.parley.common.TimelineItem;
import io.parley.source.Citation;

@Entity
@Table(name = "outcome")
@SequenceGenerator(sequenceName = "outcome_id_seq", allocationSize = VersionedEntity.KEYS_PER_FETCH)
public class Outcome extends VersionedEntity implements Node, SearchResult, TimelineItem {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    @NonNull
    public OutcomeKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    @NonNull
    public OutcomeStatus status;
    @Column(nullable = false)
    @NonNull
    public String title;
    public String description;
    public LocalDate date;
    @Enumerated(EnumType.STRING)
    public DatePrecision datePrecision;
    @Column(name = "track_id")
    Long trackKey;

    @ElementCollection
    @CollectionTable(name = "outcome_talk", joinColumns = @JoinColumn(name = "outcome_id"))
    @OrderColumn(name = "ordinal")
    @Column(name = "talk_id")
    List<Long> talkKeys = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "outcome_figure", joinColumns = @JoinColumn(name = "outcome_id"))
    @OrderColumn(name = "ordinal")
    List<Figure> figures = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "outcome_beneficiary", joinColumns = @JoinColumn(name = "outcome_id"))
    @OrderColumn(name = "ordinal")
    @Column(name = "person_id")
    List<Long> beneficiaryKeys = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "outcome_credit", joinColumns = @JoinColumn(name = "outcome_id"))
    @OrderColumn(name = "ordinal")
    @Column(name = "person_id")
    List<Long> creditedKeys = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "citation", joinColumns = @JoinColumn(name = "outcome_id"))
    @OrderColumn(name = "ordinal")
    List<Citation> citations = new ArrayList<>();

    @Override
    protected NodeType nodeType() {
        return NodeType.OUTCOME;
    }

    public Long trackKey() {
        return trackKey;
    }
}
