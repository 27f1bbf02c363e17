package io.parley.outcome;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.graphql.Page;
import io.parley.graphql.PageInfo;

public record OutcomeConnection(@NonNull List<@NonNull OutcomeEdge> edges, @NonNull List<@NonNull Outcome> nodes,
        @NonNull PageInfo pageInfo, int totalCount) {

    public record OutcomeEdge(@NonNull String cursor, @NonNull Outcome node) {
    }

    static OutcomeConnection of(Page<Outcome> page) {
        return new OutcomeConnection(page.edges(OutcomeEdge::new), page.nodes(), page.pageInfo(), page.totalCount());
    }
}
