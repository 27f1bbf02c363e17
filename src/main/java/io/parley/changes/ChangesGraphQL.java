package io.parley.changes;

import java.util.List;

import jakarta.enterprise.context.control.ActivateRequestContext;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.parley.graphql.GraphQLBoundary;
import io.parley.graphql.Node;
import io.parley.graphql.Nodes;

@GraphQLApi
@GraphQLBoundary
@ActivateRequestContext
public class ChangesGraphQL {

    private final ChangeFeed feed;
    private final Nodes nodes;

    public ChangesGraphQL(ChangeFeed feed, Nodes nodes) {
        this.feed = feed;
        this.nodes = nodes;
    }

    @Query
    @NonNull
    @Description("Every created, updated and deleted record in commit order, oldest first: a change committed after "
            + "a page was read always comes after that page's endCursor. Keep the endCursor and poll with it to keep "
            + "a copy in sync; cursors survive restarts and work on every replica. first defaults to 20, at most 100.")
    public ChangeConnection changes(String after, Integer first) {
        return feed.after(after, first);
    }

    @Description("The record as it is now; null once it is deleted.")
    public List<Node> record(@Source List<RecordChange> changes) {
        return nodes.load(changes.stream().map(RecordChange::globalId).toList());
    }
}
