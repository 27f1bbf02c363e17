package io.parley.track;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.graphql.Page;
import io.parley.graphql.PageInfo;

public record TrackConnection(@NonNull List<@NonNull TrackEdge> edges, @NonNull List<@NonNull Track> nodes,
        @NonNull PageInfo pageInfo, int totalCount) {

    public record TrackEdge(@NonNull String cursor, @NonNull Track node) {
    }

    static TrackConnection of(Page<Track> page) {
        return new TrackConnection(page.edges(TrackEdge::new), page.nodes(), page.pageInfo(), page.totalCount());
    }
}
