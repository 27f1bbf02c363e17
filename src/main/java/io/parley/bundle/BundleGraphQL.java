package io.parley.bundle;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.common.GraphQLBoundary;
import io.parley.common.Roles;

@GraphQLApi
@GraphQLBoundary
public class BundleGraphQL {

    private final BundleImporter importer;

    public BundleGraphQL(BundleImporter importer) {
        this.importer = importer;
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    @Description("Imports a report bundle all or nothing: records are matched to stored ones (people by Wikidata QID, "
            + "name, alias or a near-miss of a stored name, as each record's matchedBy says; a name as close to several "
            + "people is refused) or created. A bad bundle is BAD_USER_INPUT with every problem at its JSON path in "
            + "extensions.problems, and nothing is written. Bodies are limited as for any GraphQL request; POST larger "
            + "bundles to /import.")
    public ImportResult importBundle(
            @NonNull @Description("The bundle as JSON text, following the JSON Schema served at /import/schema.json.") String bundle,
            @DefaultValue("false") @Description("Only check the bundle: run the whole import, then roll it back. The answer "
                    + "is the same refusal, or what importing would create, match and update; nothing is written.") boolean dryRun) {
        return importer.importJson(bundle, dryRun);
    }
}
