package io.parley.source;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.db.VersionedEntity;
import io.parley.common.Node;
import io.parley.common.NodeType;
import io.parley.common.SearchResult;

@Entity
@Table(name = "source")
@SequenceGenerator(sequenceName = "source_id_seq", allocationSize = VersionedEntity.KEYS_PER_FETCH)
@Description("A publication a fact was taken from, e.g. a TASS report.")
public class Source extends VersionedEntity implements Node, SearchResult {

    @Column(nullable = false)
    @NonNull
    public String publisher;
    public String title;
    public String url;
    public LocalDate publishedOn;
    @Description("BCP 47 language tag of the publication, e.g. en, ru.")
    public String language;

    @Override
    protected NodeType nodeType() {
        return NodeType.SOURCE;
    }
}
