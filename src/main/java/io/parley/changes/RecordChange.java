package io.parley.changes;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.common.GlobalId;
import io.parley.history.FieldChange;
import io.parley.history.RevisionAction;

/** One created, updated or deleted record in the change feed. */
@Description("One created, updated or deleted record, in commit order.")
public record RecordChange(
        @NonNull @Id @Description("The record's global ID; it keeps resolving through node(id) until the record is deleted.") String id,
        @NonNull @Description("The record's GraphQL type, e.g. Talk.") String type,
        @NonNull RevisionAction operation,
        @Description("The record's version after the change (for DELETED, the version deleted).") int version,
        @NonNull OffsetDateTime changedAt,
        @NonNull @Description("The fields the change set, with their values before and after, as history(id:) lists them.") List<@NonNull FieldChange> changes) {

    GlobalId globalId() {
        return GlobalId.decode(id, "id");
    }
}
