package io.parley.envoy;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.graphql.Page;
import io.parley.graphql.PageInfo;

public record EnvoyConnection(@NonNull List<@NonNull EnvoyEdge> edges, @NonNull List<@NonNull Envoy> nodes,
        @NonNull PageInfo pageInfo, int totalCount) {

    public record EnvoyEdge(@NonNull String cursor, @NonNull Envoy node) {
    }

    static EnvoyConnection of(Page<Envoy> page) {
        return new EnvoyConnection(page.edges(EnvoyEdge::new), page.nodes(), page.pageInfo(), page.totalCount());
    }
}
