package io.parley.statement;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.graphql.Page;
import io.parley.graphql.PageInfo;

public record StatementConnection(@NonNull List<@NonNull StatementEdge> edges, @NonNull List<@NonNull Statement> nodes,
        @NonNull PageInfo pageInfo, int totalCount) {

    public record StatementEdge(@NonNull String cursor, @NonNull Statement node) {
    }

    static StatementConnection of(Page<Statement> page) {
        return new StatementConnection(page.edges(StatementEdge::new), page.nodes(), page.pageInfo(),
                page.totalCount());
    }
}
