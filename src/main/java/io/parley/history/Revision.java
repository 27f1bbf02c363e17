package io.parley.history;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One change to a record, kept for audit.")
public record Revision(int number, @NonNull OffsetDateTime at,
        @Description("The authenticated subject that made the change; shown to editors and admins only.") String actor,
        @NonNull RevisionAction action, @NonNull List<@NonNull FieldChange> changes) {
}
