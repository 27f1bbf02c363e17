package io.parley.trip;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.parley.envoy.Envoy;
import io.parley.source.Citation;
import io.parley.talk.Talk;
import io.parley.trip.Trip;

/**
 * The reads of trips, and of an appointment's trips as the schema declares them: names, arguments, types and descriptions only.
 * Their one definition is {@link TripReads}; SmallRye builds the schema from these signatures, and
 * nothing implements them.
 */
@GraphQLApi
public interface TripSchema {

    @Query
    Trip trip(@NonNull @Id String id);

    @Query
    @NonNull
    @Description("Trips in the order they were recorded.")
    TripConnection trips(TripFilter filter, Integer first, String after);

    @NonNull
    Envoy envoy(@Source Trip trip);

    @NonNull
    List<@NonNull Talk> talks(@Source Trip trip);

    @NonNull
    List<@NonNull Citation> citations(@Source Trip trip);

    @NonNull
    @Description("Trips made under this appointment, in the order recorded.")
    TripConnection trips(@Source Envoy envoy, Integer first, String after);
}
