package io.parley.trip;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.graphql.Page;
import io.parley.graphql.PageInfo;

public record TripConnection(@NonNull List<@NonNull TripEdge> edges, @NonNull List<@NonNull Trip> nodes,
        @NonNull PageInfo pageInfo, int totalCount) {

    public record TripEdge(@NonNull String cursor, @NonNull Trip node) {
    }

    static TripConnection of(Page<Trip> page) {
        return new TripConnection(page.edges(TripEdge::new), page.nodes(), page.pageInfo(), page.totalCount());
    }
}
