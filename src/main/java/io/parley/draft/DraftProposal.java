package io.parley.draft;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One record the draft proposes, where the report states it, and how sure drafting is. */
@Type("DraftProposal")
@Description("A record the draft proposes: its ref in the bundle, the passages it was read from and how sure drafting is.")
public record DraftProposal(
        @Description("The record's ref in the draft bundle.") @NonNull String ref,
        @Description("The bundle collection it is in: people, envoyAppointments, talks, trips, outcomes, statements.") @NonNull String collection,
        @Description("A one-line description for a reviewer.") @NonNull String label,
        @NonNull DraftAction action,
        @Id @Description("The stored record it is, when action is MATCH.") String matchedId,
        @NonNull List<@NonNull DraftPassage> passages,
        @Description("From 0 to 1: how sure drafting is of the record (its cue words, how often the report states it).") double confidence,
        @Description("For a match, what this report adds to the stored record; for a new record, what drafting assumed.") @NonNull List<@NonNull String> notes) {
}
