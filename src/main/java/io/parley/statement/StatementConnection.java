package io.parley.statement;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.paging.PageInfo;

public record StatementConnection(@NonNull List<@NonNull StatementEdge> edges, @NonNull List<@NonNull Statement> nodes,
        @NonNull PageInfo pageInfo, int totalCount) {

    public record StatementEdge(@NonNull String cursor, @NonNull Statement node) {
    }
}
