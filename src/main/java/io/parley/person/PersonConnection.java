package io.parley.person;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.paging.PageInfo;

public record PersonConnection(@NonNull List<@NonNull PersonEdge> edges, @NonNull List<@NonNull Person> nodes,
        @NonNull PageInfo pageInfo, int totalCount) {

    public record PersonEdge(@NonNull String cursor, @NonNull Person node) {
    }
}
