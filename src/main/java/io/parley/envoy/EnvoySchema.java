package io.parley.envoy;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.parley.person.Person;
import io.parley.source.Citation;

/**
 * The reads of envoy appointments as the schema declares them: names, arguments, types and
 * descriptions only. Their one definition is {@link EnvoyReads}; SmallRye builds the schema
 * from these signatures, and nothing implements them.
 */
@GraphQLApi
public interface EnvoySchema {

    @Query
    Envoy envoy(@NonNull @Id String id);

    @Query
    @NonNull
    @Description("Envoy appointments in the order they were recorded.")
    EnvoyConnection envoys(EnvoyFilter filter, Integer first, String after);

    @NonNull
    Person person(@Source Envoy appointment);

    Person appointedBy(@Source Envoy appointment);

    @Description("Serving today: started (or start unknown) and not ended.")
    boolean active(@Source Envoy appointment);

    @NonNull
    List<@NonNull Citation> citations(@Source Envoy appointment);

    @NonNull
    List<@NonNull Envoy> envoyAppointments(@Source Person person);
}
