package io.parley.search;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.parley.search.SearchHit;

/**
 * The reads of search as the schema declares them: names, arguments, types and descriptions only.
 * Their one definition is {@link SearchReads}; SmallRye builds the schema from these signatures, and
 * nothing implements them.
 */
@GraphQLApi
public interface SearchSchema {

    @Query
    @NonNull
    @Description("Full-text search across every kind of record, best match first. Websearch syntax: words, "
            + "\"quoted phrases\", or, -excluded; names and titles tolerate typos.")
    List<@NonNull SearchHit> search(@NonNull String query, Integer first);
}
