package io.parley.talk;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.parley.envoy.Envoy;
import io.parley.person.Person;
import io.parley.source.Citation;
import io.parley.talk.Counterpart;
import io.parley.talk.MonthCount;
import io.parley.talk.Participant;
import io.parley.talk.Talk;
import io.parley.track.Track;

/**
 * The reads of talks, their participants, and of people's, appointments' and tracks' talks as the schema declares them: names, arguments, types and descriptions only.
 * Their one definition is {@link TalkReads}; SmallRye builds the schema from these signatures, and
 * nothing implements them.
 */
@GraphQLApi
public interface TalkSchema {

    @Query
    Talk talk(@NonNull @Id String id);

    @Query
    @NonNull
    @Description("Talks matching the filter, most recent first unless orderBy says otherwise.")
    TalkConnection talks(TalkFilter filter, TalkOrder orderBy, Integer first, String after);

    @Query
    @NonNull
    @Description("Number of talks per month matching the filter, oldest month first. Talks dated only to the year "
            + "belong to no month and are not counted.")
    List<@NonNull MonthCount> talkActivity(TalkFilter filter);

    @Query
    @NonNull
    @Description("Everyone a person has met in talks, most meetings first.")
    List<@NonNull Counterpart> counterparts(@NonNull @Id String personId);

    @NonNull
    @Description("Everyone this person has met in talks, most meetings first.")
    List<@NonNull Counterpart> counterparts(@Source Person person);

    Track track(@Source Talk talk);

    @NonNull
    List<@NonNull Citation> citations(@Source Talk talk);

    @Description("The envoy appointment the person acted under, if any.")
    Envoy asEnvoy(@Source Participant participant);

    @NonNull
    @Description("Talks the person took part in, most recent first.")
    TalkConnection talks(@Source Person person, Integer first, String after);

    @NonNull
    @Name("talks")
    @Description("Talks in which someone took part in the capacity of this appointment.")
    TalkConnection envoyTalks(@Source Envoy envoy, Integer first, String after);

    @NonNull
    @Name("talks")
    @Description("The track's talks, most recent first.")
    TalkConnection trackTalks(@Source Track track, Integer first, String after);

    @NonNull
    List<@NonNull Participant> participants(@Source Talk talk);
}
