package io.parley.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
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
@Table(name = "person")
@SequenceGenerator(sequenceName = "person_id_seq", allocationSize = VersionedEntity.KEYS_PER_FETCH)
public class Person extends VersionedEntity implements Node, SearchResult {

    @Column(nullable = false)
    @NonNull
    public String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    @NonNull
    public List<@NonNull String> aliases = new ArrayList<>();

    /** Each alias's language tag, or null, in the order of {@link #aliases}: read as {@code aliasesWithLanguage}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "alias_languages", nullable = false)
    List<String> aliasLanguages = new ArrayList<>();

    public LocalDate birthDate;
    @Description("ISO 3166-1 alpha-2 code of the person's country, e.g. US, RU.")
    public String countryCode;
    public String summary;
    @Description("Wikidata item id, e.g. Q7614318.")
    public String wikidataId;

    @ElementCollection
    @CollectionTable(name = "person_position", joinColumns = @JoinColumn(name = "person_id"))
    @OrderColumn(name = "ordinal")
    List<Position> positions = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "citation", joinColumns = @JoinColumn(name = "person_id"))
    @OrderColumn(name = "ordinal")
    List<Citation> citations = new ArrayList<>();

    @Override
    protected NodeType nodeType() {
        return NodeType.PERSON;
    }
}
