package io.parley.outcome;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.parley.outcome.Figure;
import io.parley.outcome.Outcome;
import io.parley.person.Person;
import io.parley.source.Citation;
import io.parley.talk.Talk;
import io.parley.track.Track;

/**
 * The reads of outcomes, and of a talk's and a track's outcomes as the schema declares them: names, arguments, types and descriptions only.
 * Their one definition is {@link OutcomeReads}; SmallRye builds the schema from these signatures, and
 * nothing implements them.
 */
@GraphQLApi
public interface OutcomeSchema {

    @Query
    Outcome outcome(@NonNull @Id String id);

    @Query
    @NonNull
    @Description("Outcomes in the order they were recorded.")
    OutcomeConnection outcomes(OutcomeFilter filter, Integer first, String after);

    Track track(@Source Outcome outcome);

    @NonNull
    List<@NonNull Talk> talks(@Source Outcome outcome);

    @NonNull
    List<@NonNull Figure> figures(@Source Outcome outcome);

    @NonNull
    @Description("People the outcome freed or directly benefited, e.g. a released prisoner.")
    List<@NonNull Person> beneficiaries(@Source Outcome outcome);

    @NonNull
    @Description("People credited with bringing the outcome about.")
    List<@NonNull Person> creditedTo(@Source Outcome outcome);

    @NonNull
    List<@NonNull Citation> citations(@Source Outcome outcome);

    @NonNull
    @Name("outcomes")
    @Description("The track's outcomes, in the order recorded.")
    OutcomeConnection trackOutcomes(@Source Track track, Integer first, String after);

    @NonNull
    List<@NonNull Outcome> outcomes(@Source Talk talk);
}
