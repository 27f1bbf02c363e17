package io.parley.draft;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A drafted report: a bundle the importer takes as it is, and a proposal per record for a reviewer. */
@Type("BundleDraft")
@Description("A draft of a report's records. bundle is a report bundle (the JSON Schema at /import/schema.json) that "
        + "importBundle or POST /import write unchanged: stored records it matches carry what the report adds. Nothing is "
        + "written by drafting.")
public record BundleDraft(
        @Description("The draft as bundle JSON text.") @NonNull String bundle,
        @NonNull List<@NonNull DraftProposal> proposals,
        @Description("Milliseconds drafting took, reading the report and matching it against what Parley holds.") int tookMs) {
}
