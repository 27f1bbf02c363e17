package io.parley.source;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Transient;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.db.Lookup;

/** A source backing one fact, with the passage that supports it. */
@Embeddable
@Description("A source backing one fact, with the passage that supports it.")
public class Citation {

    @Column(name = "source_id", nullable = false)
    private Long sourceKey;

    private String excerpt;

    /** Loaded with the citation (see {@link #SOURCE}); never stored through this field. */
    @Transient
    private Source source;

    /** How citation loaders fetch each citation's source in the same statement. */
    public static final Lookup.Reference<Citation, Source> SOURCE = new Lookup.Reference<>("sourceKey", Source.class,
            (citation, source) -> citation.source = source);

    protected Citation() {
    }

    public Citation(long sourceKey, String excerpt) {
        this.sourceKey = sourceKey;
        this.excerpt = excerpt;
    }

    Long sourceKey() {
        return sourceKey;
    }

    public String getExcerpt() {
        return excerpt;
    }

    @NonNull
    public Source getSource() {
        return source;
    }
}
