package io.parley.source;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.common.GraphQLBoundary;
import io.parley.common.Roles;

@GraphQLApi
@GraphQLBoundary
public class SourceGraphQL {

    private final SourceService sources;

    public SourceGraphQL(SourceService sources) {
        this.sources = sources;
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Source addSource(@NonNull SourceInput input) {
        return sources.create(input);
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
