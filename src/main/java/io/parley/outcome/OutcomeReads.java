package io.parley.outcome;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.graphql.JsonReads;
import io.parley.graphql.JsonShape;
import io.parley.graphql.NodeType;

/** Outcomes and their figures, as compiled reads read them. */
@ApplicationScoped
public class OutcomeReads implements JsonReads {

    private final OutcomeService outcomes;

    public OutcomeReads(OutcomeService outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void describe(Registry registry) {
        registry.shape(JsonShape.node(NodeType.OUTCOME, "outcome")
                .column("kind", "kind")
                .column("status", "status")
                .column("title", "title")
                .column("description", "description")
                .column("date", "date")
                .column("datePrecision", "date_precision")
                .one("track", "Track", "track_id")
                .many("talks", "Talk",
                        "outcome_talk {l} join talk {x} on {x}.id = {l}.talk_id", "{l}.outcome_id = {row}.id",
                        "{l}.ordinal")
                .many("figures", "Figure", "outcome_figure {x}", "{x}.outcome_id = {row}.id", "{x}.ordinal")
                .many("beneficiaries", "Person", "outcome_beneficiary {l} join person {x} on {x}.id = {l}.person_id",
                        "{l}.outcome_id = {row}.id", "{l}.ordinal")
                .many("creditedTo", "Person", "outcome_credit {l} join person {x} on {x}.id = {l}.person_id",
                        "{l}.outcome_id = {row}.id", "{l}.ordinal")
                .many("citations", "Citation", "citation {x}", "{x}.outcome_id = {row}.id", "{x}.ordinal"));
        registry.shape(JsonShape.of("Figure", "outcome_figure")
                .column("label", "label")
                .column("value", "value")
                .column("approximate", "approximate"));
        registry.root("outcome", (compiler, field) -> compiler.byId(NodeType.OUTCOME, field));
        registry.root("outcomes", (compiler, field) -> compiler.connection(
                outcomes.listing(compiler.argument(field, "filter", OutcomeFilter.class)), field));
    }
}
