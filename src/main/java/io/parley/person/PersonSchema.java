package io.parley.person;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.parley.source.Citation;

/**
 * The reads of people as the schema declares them: names, arguments, types and descriptions
 * only. Their one definition is {@link PersonReads}; SmallRye builds the schema from these
 * signatures, and nothing implements them.
 */
@GraphQLApi
public interface PersonSchema {

    @Query
    Person person(@NonNull @Id String id);

    @Query
    @NonNull
    @Description("People ordered by name.")
    PersonConnection people(PersonFilter filter, Integer first, String after);

    @NonNull
    List<@NonNull Position> positions(@Source Person person);

    @NonNull
    @Description("The person's aliases (the names in `aliases`, in that order), each with its language where known.")
    List<@NonNull Alias> aliasesWithLanguage(@Source Person person);

    @NonNull
    @Description("Sources for the facts about this person.")
    List<@NonNull Citation> citations(@Source Person person);
}
