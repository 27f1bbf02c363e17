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
    @Description("Full-text search across every kind of record, best match first: a name or title matching every "
            + "word as written, then the last word completed, then typos forgiven (one in words of 5 to 8 letters, two "
            + "from 9 to 32), then the same in other text; accents and case ignored, names matched through their aliases in "
            + "any script and their nickname variants. Websearch syntax (\"quoted phrases\", or, -excluded) is taken as "
            + "written.")
    List<@NonNull SearchHit> search(@NonNull String query, Integer first);

    @Query
    @NonNull
    @Description("Did you mean: up to `first` (default 3, at most 10) queries close to this one whose every word "
            + "Parley holds, closest first; empty when every word is already known or forgiven.")
    List<@NonNull String> searchSuggestions(@NonNull String query, Integer first);
}
