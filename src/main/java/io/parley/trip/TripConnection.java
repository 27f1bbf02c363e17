package io.parley.trip;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.paging.PageInfo;

public record TripConnection(@NonNull List<@NonNull TripEdge> edges, @NonNull List<@NonNull Trip> nodes,
        @NonNull PageInfo pageInfo, int totalCount) {

    public record TripEdge(@NonNull String cursor, @NonNull Trip node) {
    }
}
