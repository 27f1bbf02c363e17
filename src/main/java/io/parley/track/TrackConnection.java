package io.parley.track;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.paging.PageInfo;

public record TrackConnection(@NonNull List<@NonNull TrackEdge> edges, @NonNull List<@NonNull Track> nodes,
        @NonNull PageInfo pageInfo, int totalCount) {

    public record TrackEdge(@NonNull String cursor, @NonNull Track node) {
    }
}
