package io.parley.talk;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.paging.PageInfo;

public record TalkConnection(@NonNull List<@NonNull TalkEdge> edges, @NonNull List<@NonNull Talk> nodes,
        @NonNull PageInfo pageInfo, int totalCount) {

    public record TalkEdge(@NonNull String cursor, @NonNull Talk node) {
    }
}
