package io.parley.draft;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The passage of the report a proposed record cites: its exact characters. */
@Type("DraftPassage")
@Description("A passage of the report: characters [start, end) of its text (UTF-16 code units, as JavaScript counts them).")
public record DraftPassage(
        @Description("The passage's ref in the draft bundle.") @NonNull String ref,
        int start,
        int end,
        @NonNull String text) {
}
