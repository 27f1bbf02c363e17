package io.parley.trip;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.parley.changes.RecordChange;
import io.parley.envoy.Envoy;
import io.parley.graphql.Node;
import io.parley.history.Revision;
import io.parley.outcome.Figure;
import io.parley.outcome.Outcome;
import io.parley.person.Person;
import io.parley.search.SearchHit;
import io.parley.source.Citation;
import io.parley.statement.Statement;
import io.parley.talk.Counterpart;
import io.parley.talk.MonthCount;
import io.parley.talk.Participant;
import io.parley.talk.Talk;
import io.parley.timeline.TimelineEntry;
import io.parley.track.Track;
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
