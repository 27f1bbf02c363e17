package io.parley.source;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.eclipse.microprofile.graphql.Description;

/** A source backing one fact, with the passage that supports it. */
@Embeddable
@Description("A source backing one fact, with the passage that supports it.")
public class Citation {

    @Column(name = "source_id", nullable = false)
    private Long sourceKey;

    private String excerpt;

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
}
