package io.parley.track;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.parley.source.Citation;
import io.parley.track.Track;

/**
 * The reads of tracks as the schema declares them: names, arguments, types and descriptions only.
 * Their one definition is {@link TrackReads}; SmallRye builds the schema from these signatures, and
 * nothing implements them.
 */
@GraphQLApi
public interface TrackSchema {

    @Query
    Track track(@NonNull @Id String id);

    @Query
    @NonNull
    @Description("Tracks ordered by name.")
    TrackConnection tracks(Integer first, String after);

    @NonNull
    @Description("Sources for the track's description.")
    List<@NonNull Citation> citations(@Source Track track);
}
