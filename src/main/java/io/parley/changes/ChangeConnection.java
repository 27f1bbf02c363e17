package io.parley.changes;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.paging.PageInfo;

@Description("A page of the change feed. pageInfo.endCursor is set even when the page is empty: poll again with it.")
public record ChangeConnection(@NonNull List<@NonNull ChangeEdge> edges, @NonNull List<@NonNull RecordChange> nodes,
        @NonNull PageInfo pageInfo) {

    public record ChangeEdge(@NonNull String cursor, @NonNull RecordChange node) {
    }
}
