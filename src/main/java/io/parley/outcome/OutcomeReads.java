package io.parley.outcome;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.read.JsonReads;
import io.parley.read.JsonShape;
import io.parley.read.JsonShape.Related;
import io.parley.sql.Sql;
import io.parley.common.NodeType;

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
                .columns("kind", "status", "title", "description", "date", "datePrecision")
                .one("track", "Track", "track_id")
                .linked("talks", "Talk", "talk", "outcome_talk", "outcome_id", "talk_id")
                .owned("figures", "Figure", "outcome_figure", "outcome_id")
                .linked("beneficiaries", "Person", "person", "outcome_beneficiary", "outcome_id", "person_id")
                .linked("creditedTo", "Person", "person", "outcome_credit", "outcome_id", "person_id")
                .owned("citations", "Citation", "citation", "outcome_id"));
        registry.shape(JsonShape.of("Figure", "outcome_figure")
                .columns("label", "value", "approximate"));
        registry.shape(JsonShape.of("Talk", null)
                .many("outcomes", "Outcome", (talk, x, l) -> new Related(Sql.sql("outcome_talk " + l + " join outcome " + x
                        + " on " + x + ".id = " + l + ".outcome_id"), Sql.of(l + ".talk_id = ", talk.id()), Sql.sql(x + ".id"))));
        registry.shape(JsonShape.of("Track", null)
                .connection("outcomes", track -> outcomes.ofTrack(track.id())));
        registry.root("outcome", (compiler, field) -> compiler.byId(NodeType.OUTCOME, field));
        registry.root("outcomes", (compiler, field) -> compiler.connection(
                outcomes.listing(compiler.argument(field, "filter", OutcomeFilter.class)), field));
    }
}
