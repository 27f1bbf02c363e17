package io.parley.source;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;


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
