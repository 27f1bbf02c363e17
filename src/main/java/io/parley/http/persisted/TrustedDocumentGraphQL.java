package io.parley.http.persisted;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.common.GraphQLBoundary;
import io.parley.common.Roles;

/** Admins register trusted documents through the API, besides the start-up manifest. */
@GraphQLApi
@GraphQLBoundary
public class TrustedDocumentGraphQL {

    private final PersistedDocuments documents;

    public TrustedDocumentGraphQL(PersistedDocuments documents) {
        this.documents = documents;
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @NonNull
    @Description("Registers a document that parses and validates as trusted: when only trusted documents may run "
            + "(PARLEY_TRUSTED_DOCUMENTS), anonymous and reader callers may then run it")
    public TrustedDocument registerTrustedDocument(@NonNull String document) {
        return new TrustedDocument(documents.registerTrusted(document), document);
    }
}
