package io.parley.node;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.parley.common.Node;

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
