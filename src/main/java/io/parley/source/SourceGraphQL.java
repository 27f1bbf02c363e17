package io.parley.source;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.parley.db.VersionedEntity;
import io.parley.graphql.Batch;
import io.parley.graphql.GraphQLBoundary;
import io.parley.graphql.Node;
import io.parley.graphql.Roles;
import io.parley.graphql.PageRequest;

@GraphQLApi
@GraphQLBoundary
// Records pushed to subscribers are resolved outside any HTTP request.
@ActivateRequestContext
public class SourceGraphQL {

    private final SourceService sources;

    public SourceGraphQL(SourceService sources) {
        this.sources = sources;
    }

    @Query
    public Source source(@NonNull @Id String id) {
        return sources.byId(id);
    }

    @Query
    @NonNull
    public SourceConnection sources(Integer first, String after) {
        return SourceConnection.of(sources.listing().page(PageRequest.of(first, after)));
    }

    @Description("Every record that cites this source (people, tracks, envoy appointments, talks, trips, outcomes, "
            + "statements), each once, grouped by type; its citations give the excerpts.")
    @NonNull
    public List<@NonNull List<@NonNull Node>> citedBy(
            // Spelled out: the annotation shares its simple name with this package's Source.
            @org.eclipse.microprofile.graphql.Source List<Source> list) {
        return Batch.many(list, VersionedEntity::key, sources::citedBy);
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Source addSource(@NonNull SourceInput input) {
        return sources.add(input);
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Source updateSource(@NonNull @Id String id, @NonNull SourceInput input, Integer expectedVersion) {
        return sources.update(id, input, expectedVersion);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN })
    @NonNull
    @Id
    @Description("Deletes a source no citation refers to; CONFLICT otherwise.")
    public String deleteSource(@NonNull @Id String id, Integer expectedVersion) {
        return sources.delete(id, expectedVersion);
    }
}
