package io.parley.timeline;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.control.ActivateRequestContext;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.parley.graphql.GraphQLBoundary;

@GraphQLApi
@GraphQLBoundary
// Records pushed to subscribers are resolved outside any HTTP request.
@ActivateRequestContext
public class TimelineGraphQL {

    private final TimelineService timeline;

    public TimelineGraphQL(TimelineService timeline) {
        this.timeline = timeline;
    }

    @Query
    @NonNull
    @Description("Talks, trips, outcomes and statements in date order, optionally for one person or track. Items "
            + "sort by their period (date and datePrecision); from/to keep what is known to fall in the range; "
            + "first defaults to 20, at most 100.")
    public List<@NonNull TimelineEntry> timeline(@Id String personId, @Id String trackId, LocalDate from, LocalDate to,
            Integer first) {
        return timeline.timeline(personId, trackId, from, to, first);
    }
}
