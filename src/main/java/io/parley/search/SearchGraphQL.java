package io.parley.search;

import java.util.List;

import jakarta.enterprise.context.control.ActivateRequestContext;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.parley.graphql.GraphQLBoundary;

@GraphQLApi
@GraphQLBoundary
// Records pushed to subscribers are resolved outside any HTTP request.
@ActivateRequestContext
public class SearchGraphQL {

    private final SearchService search;

    public SearchGraphQL(SearchService search) {
        this.search = search;
    }

    @Query
    @NonNull
    @Description("Full-text search across every kind of record, best match first. Websearch syntax: words, "
            + "\"quoted phrases\", or, -excluded; names and titles tolerate typos.")
    public List<@NonNull SearchHit> search(@NonNull String query, Integer first) {
        return search.search(query, first);
    }
}
