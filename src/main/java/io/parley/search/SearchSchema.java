package io.parley.search;

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
