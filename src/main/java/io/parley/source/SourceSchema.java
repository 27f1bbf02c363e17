package io.parley.source;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.parley.common.Node;

/**
 * The reads of sources as the schema declares them: names, arguments, types and descriptions only.
 * Their one definition is {@link SourceReads}; SmallRye builds the schema from these signatures, and
 * nothing implements them.
 */
@GraphQLApi
public interface SourceSchema {

    @Query
    Source source(@NonNull @Id String id);

    @Query
    @NonNull
    SourceConnection sources(Integer first, String after);

    @Description("Every record that cites this source (people, tracks, envoy appointments, talks, trips, outcomes, "
            + "statements), each once, grouped by type; its citations give the excerpts.")
    @NonNull
    List<@NonNull Node> citedBy(
            // Spelled out: the annotation shares its simple name with this package's Source.
            @org.eclipse.microprofile.graphql.Source Source source);
}
