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
                .column("kind", "kind")
                .column("status", "status")
                .column("title", "title")
                .column("description", "description")
                .column("date", "date")
                .column("datePrecision", "date_precision")
                .one("track", "Track", "track_id")
                .many("talks", "Talk", (row, x, l) -> new Related(Sql.sql("outcome_talk " + l + " join talk " + x + " on " + x + ".id = " + l + ".talk_id"),
                        Sql.of(l + ".outcome_id = ", row.id()), Sql.sql(l + ".ordinal")))
                .many("figures", "Figure", (row, x, l) -> new Related(Sql.sql("outcome_figure " + x),
                        Sql.of(x + ".outcome_id = ", row.id()), Sql.sql(x + ".ordinal")))
                .many("beneficiaries", "Person", (row, x, l) -> new Related(Sql.sql("outcome_beneficiary " + l + " join person " + x + " on " + x + ".id = " + l + ".person_id"),
                        Sql.of(l + ".outcome_id = ", row.id()), Sql.sql(l + ".ordinal")))
                .many("creditedTo", "Person", (row, x, l) -> new Related(Sql.sql("outcome_credit " + l + " join person " + x + " on " + x + ".id = " + l + ".person_id"),
                        Sql.of(l + ".outcome_id = ", row.id()), Sql.sql(l + ".ordinal")))
                .many("citations", "Citation", (row, x, l) -> new Related(Sql.sql("citation " + x),
                        Sql.of(x + ".outcome_id = ", row.id()), Sql.sql(x + ".ordinal"))));
        registry.shape(JsonShape.of("Figure", "outcome_figure")
                .column("label", "label")
                .column("value", "value")
                .column("approximate", "approximate"));
        registry.shape(JsonShape.of("Talk", null)
                .many("outcomes", "Outcome", (talk, x, l) -> new Related(Sql.sql("outcome_talk " + l + " join outcome " + x
                        + " on " + x + ".id = " + l + ".outcome_id"), Sql.of(l + ".talk_id = ", talk.id()), Sql.sql(x + ".id"))));
        registry.shape(JsonShape.of("Track", null)
                .field("outcomes", (compiler, track, field) -> Sql.of("(",
                        compiler.connection(outcomes.ofTrack(track.id()), field), ")")));
        registry.root("outcome", (compiler, field) -> compiler.byId(NodeType.OUTCOME, field));
        registry.root("outcomes", (compiler, field) -> compiler.connection(
                outcomes.listing(compiler.argument(field, "filter", OutcomeFilter.class)), field));
    }
}
