package io.parley.changes;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.parley.changes.RecordChange;
import io.parley.common.Node;

/**
 * The reads of the change feed as the schema declares them: names, arguments, types and descriptions only.
 * Their one definition is {@link ChangeReads}; SmallRye builds the schema from these signatures, and
 * nothing implements them.
 */
@GraphQLApi
public interface ChangesSchema {

    @Query
    @NonNull
    @Description("Every created, updated and deleted record in commit order, oldest first: a change committed after "
            + "a page was read always comes after that page's endCursor. Keep the endCursor and poll with it to keep "
            + "a copy in sync; cursors survive restarts and work on every replica. first defaults to 20, at most 100.")
    ChangeConnection changes(String after, Integer first);

    @Description("The record as it is now; null once it is deleted.")
    Node record(@Source RecordChange recordChange);

    @Description("For a record deleted by merging it into another (mergePeople), that record as it is now, which its ID "
            + "answers with in node(id:); null for every other change.")
    Node mergedInto(@Source RecordChange recordChange);
}
