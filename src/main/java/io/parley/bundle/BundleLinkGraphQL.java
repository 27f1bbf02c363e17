package io.parley.bundle;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.common.GraphQLBoundary;
import io.parley.common.Roles;

/**
 * {@code linkBundleRecord}: a reviewer's step between drafting and importing. Like
 * {@code draftBundle} it is a mutation although it writes nothing: its argument is a whole
 * bundle, and its answer must never be cached.
 */
@GraphQLApi
@GraphQLBoundary
public class BundleLinkGraphQL {

    private final BundleLinks links;

    public BundleLinkGraphQL(BundleLinks links) {
        this.links = links;
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    @Description("Links a record of a bundle (a draft's, or any) to the stored record it is, e.g. a proposed new person "
            + "Parley holds under another name: the stored record, with everything it refers to, takes the record's place "
            + "with the record's citations (and, for a person, its name as another spelling), and every reference to the "
            + "record names the stored ID. Importing the bundle then updates the stored record instead of creating one. "
            + "Writes nothing. An unknown ref, or an ID of another type, is BAD_USER_INPUT; an ID nothing has, NOT_FOUND.")
    public BundleLink linkBundleRecord(
            @NonNull @Description("The bundle as JSON text.") String bundle,
            @NonNull @Description("The ref of the record to link.") String ref,
            @NonNull @Id @Description("The stored record it is.") String id) {
        BundleLinks.Linked linked = links.link(bundle, ref, id);
        return new BundleLink(linked.bundle().toString(), linked.ref(), linked.notes());
    }
}
