package io.parley.statement;

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
import io.parley.common.TimelineItem;
import io.parley.source.Citation;

@Entity
@Table(name = "statement")
@SequenceGenerator(sequenceName = "statement_id_seq", allocationSize = VersionedEntity.KEYS_PER_FETCH)
public class Statement extends VersionedEntity implements Node, SearchResult, TimelineItem {

    @Column(name = "speaker_id", nullable = false)
    Long speakerKey;
    @Column(nullable = false)
    @NonNull
    public String quote;
    @Description("false when the source reports the words indirectly.")
    public boolean verbatim;
    @Column(nullable = false)
    @NonNull
    public LocalDate saidOn;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    @NonNull
    @Description("How much of saidOn is known.")
    public DatePrecision saidOnPrecision;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    @NonNull
    public Tone tone;
    @Column(name = "talk_id")
    Long talkKey;
    @Column(name = "track_id")
    Long trackKey;

    @ElementCollection
    @CollectionTable(name = "citation", joinColumns = @JoinColumn(name = "statement_id"))
    @OrderColumn(name = "ordinal")
    List<Citation> citations = new ArrayList<>();

    @Override
    protected NodeType nodeType() {
        return NodeType.STATEMENT;
    }

    public Long speakerKey() {
        return speakerKey;
    }

    public Long talkKey() {
        return talkKey;
    }

    public Long trackKey() {
        return trackKey;
    }
}
