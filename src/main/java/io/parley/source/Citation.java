package io.parley.source;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Transient;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A source backing one fact, with the passage that supports it. */
@Embeddable
@Description("A source backing one fact, with the passage that supports it.")
public class Citation {

    @Column(name = "source_id", nullable = false)
    private Long sourceKey;

    public String excerpt;

    /** Declares {@code Citation.source} in the schema; its value is read by {@code SourceReads}, never set here. */
    @Transient
    @NonNull
    public Source source;

    protected Citation() {
    }

    public Citation(long sourceKey, String excerpt) {
        this.sourceKey = sourceKey;
        this.excerpt = excerpt;
    }

    public Long sourceKey() {
        return sourceKey;
    }

    /** Same source and passage: what a stored citation is ({@code RecordService.kept}). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Citation that && Objects.equals(sourceKey, that.sourceKey)
                && Objects.equals(excerpt, that.excerpt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceKey, excerpt);
    }
}
