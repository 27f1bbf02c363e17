package io.parley.person;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import io.parley.graphql.Page;
import io.parley.graphql.PageInfo;

public record PersonConnection(@NonNull List<@NonNull PersonEdge> edges, @NonNull List<@NonNull Person> nodes,
        @NonNull PageInfo pageInfo, int totalCount) {

    public record PersonEdge(@NonNull String cursor, @NonNull Person node) {
    }

    static PersonConnection of(Page<Person> page) {
        return new PersonConnection(page.edges(PersonEdge::new), page.nodes(), page.pageInfo(), page.totalCount());
    }
}
