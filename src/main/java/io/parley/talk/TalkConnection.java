package io.parley.talk;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.graphql.Page;
import io.parley.graphql.PageInfo;

public record TalkConnection(@NonNull List<@NonNull TalkEdge> edges, @NonNull List<@NonNull Talk> nodes,
        @NonNull PageInfo pageInfo, int totalCount) {

    public record TalkEdge(@NonNull String cursor, @NonNull Talk node) {
    }

    public static TalkConnection of(Page<Talk> page) {
        return new TalkConnection(page.edges(TalkEdge::new), page.nodes(), page.pageInfo(), page.totalCount());
    }
}
