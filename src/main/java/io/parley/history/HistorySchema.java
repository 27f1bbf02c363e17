package io.parley.history;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.parley.history.Revision;

/**
 * The reads of a record's history as the schema declares them: names, arguments, types and descriptions only.
 * Their one definition is {@link HistoryReads}; SmallRye builds the schema from these signatures, and
 * nothing implements them.
 */
@GraphQLApi
public interface HistorySchema {

    @Query
    @NonNull
    @Description("Every change to a record, oldest first; kept after the record is deleted.")
    List<@NonNull Revision> history(@NonNull @Id String id);

    @NonNull
    @Id
    @Description("The IDs of the records this change merged into the record (mergePeople): deleted, they now answer with "
            + "it. Empty for every other change.")
    List<@NonNull String> mergedIds(@Source Revision revision);
}
