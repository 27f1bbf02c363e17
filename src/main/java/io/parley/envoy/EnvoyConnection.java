package io.parley.envoy;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.paging.PageInfo;

public record EnvoyConnection(@NonNull List<@NonNull EnvoyEdge> edges, @NonNull List<@NonNull Envoy> nodes,
        @NonNull PageInfo pageInfo, int totalCount) {

    public record EnvoyEdge(@NonNull String cursor, @NonNull Envoy node) {
    }
}
