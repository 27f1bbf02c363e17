package io.parley.draft;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.common.GraphQLBoundary;
import io.parley.common.Roles;

/**
 * {@code draftBundle}: a mutation although it writes nothing, because its argument is a whole
 * report (too long for a GET's 4 KB request line) and its answer must never be cached or
 * persisted like a read's; it is an editor's tool, as importing is.
 */
@GraphQLApi
@GraphQLBoundary
public class DraftGraphQL {

    private final DraftService drafts;

    public DraftGraphQL(DraftService drafts) {
        this.drafts = drafts;
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    @Description("Reads a news report (English) and proposes every fact it states as a report bundle for importBundle: "
            + "people (matched to stored ones by name or another spelling of it), envoy appointments, talks, trips, "
            + "outcomes and statements, each citing the passage it came from, with its exact characters and a confidence. "
            + "Records Parley already holds are proposed as matches with what the report adds, never as duplicates. "
            + "Writes nothing. Bad input is BAD_USER_INPUT at its field; a text over 100,000 characters is LIMIT_EXCEEDED.")
    public BundleDraft draftBundle(@NonNull @Name("report") ReportInput report) {
        return drafts.draft(report, "report");
    }
}
