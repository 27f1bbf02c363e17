package io.parley.graphql;

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
 * The reads of any record by its global ID as the schema declares them: names, arguments, types and descriptions only.
 * Their one definition is {@link NodeReads}; SmallRye builds the schema from these signatures, and
 * nothing implements them.
 */
@GraphQLApi
public interface NodeSchema {

    @Query
    Node node(@NonNull @Id String id);

    @Description("Answers in the order of the IDs, null where none exists.")
    @Query
    @NonNull
    List<Node> nodes(@NonNull List<@NonNull String> ids);
}
