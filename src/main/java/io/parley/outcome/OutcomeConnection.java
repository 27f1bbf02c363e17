package io.parley.outcome;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.paging.PageInfo;

public record OutcomeConnection(@NonNull List<@NonNull OutcomeEdge> edges, @NonNull List<@NonNull Outcome> nodes,
        @NonNull PageInfo pageInfo, int totalCount) {

    public record OutcomeEdge(@NonNull String cursor, @NonNull Outcome node) {
    }
}
