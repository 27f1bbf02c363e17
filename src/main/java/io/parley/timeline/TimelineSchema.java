package io.parley.timeline;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.parley.timeline.TimelineEntry;

/**
 * The reads of the timeline as the schema declares them: names, arguments, types and descriptions only.
 * Their one definition is {@link TimelineReads}; SmallRye builds the schema from these signatures, and
 * nothing implements them.
 */
@GraphQLApi
public interface TimelineSchema {

    @Query
    @NonNull
    @Description("Talks, trips, outcomes and statements in date order, optionally for one person or track. Items "
            + "sort by their period (date and datePrecision); from/to keep what is known to fall in the range; "
            + "first defaults to 20, at most 100.")
    List<@NonNull TimelineEntry> timeline(@Id String personId, @Id String trackId, LocalDate from, LocalDate to, Integer first);
}
