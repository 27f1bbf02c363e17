package io.parley.source;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.paging.PageInfo;

public record SourceConnection(@NonNull List<@NonNull SourceEdge> edges, @NonNull List<@NonNull Source> nodes,
        @NonNull PageInfo pageInfo, int totalCount) {

    public record SourceEdge(@NonNull String cursor, @NonNull Source node) {
    }
}
