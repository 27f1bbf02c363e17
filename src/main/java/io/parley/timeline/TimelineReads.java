package io.parley.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.GlobalId;
import io.parley.common.Inputs;
import io.parley.common.NodeType;
import io.parley.paging.PageRequest;
import io.parley.person.PersonService;
import io.parley.read.JsonReads;
import io.parley.read.JsonShape;
import io.parley.sql.Sql;

/** The read definition of the timeline: talks, trips, outcomes and statements in date order, in one statement. */
@ApplicationScoped
public class TimelineReads implements JsonReads {

    /** Per kind: the row source, its period start, precision and end, and how it relates to a person or track. */
    private record Kind(NodeType type, String from, String start, String precision, String end,
            Function<Sql, Sql> byPerson, Function<Sql, Sql> byTrack) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(NodeType.TALK, "talk x", "x.date", "x.date_precision", "x.date_end",
                    person -> Sql.of("exists (select 1 from talk_participant p where p.talk_id = x.id and p.person_id = ",
                            person, ")"),
                    track -> Sql.of("x.track_id = ", track)),
            new Kind(NodeType.TRIP, "trip x", "coalesce(x.arrived_on, x.departed_on)", "'DAY'",
                    "coalesce(x.departed_on, x.arrived_on)",
                    person -> Sql.of("exists (select 1 from envoy e where e.id = x.envoy_id and e.person_id = ", person, ")"),
                    track -> Sql.of("exists (select 1 from trip_talk tt join talk t on t.id = tt.talk_id"
                            + " where tt.trip_id = x.id and t.track_id = ", track, ")")),
            new Kind(NodeType.OUTCOME, "outcome x", "x.date", "x.date_precision", "x.date_end",
                    // One set of the person's outcomes: three exists() joined by "or" tested every
                    // outcome (25 ms on 25,000 outcomes, up to 150 ms once JIT starts) against 1 ms.
                    person -> Sql.of("x.id in (select b.outcome_id from outcome_beneficiary b where b.person_id = ", person,
                            " union all select c.outcome_id from outcome_credit c where c.person_id = ", person,
                            " union all select ot.outcome_id from outcome_talk ot join talk_participant p"
                                    + " on p.talk_id = ot.talk_id where p.person_id = ", person, ")"),
                    track -> Sql.of("x.track_id = ", track)),
            new Kind(NodeType.STATEMENT, "statement x", "x.said_on", "x.said_on_precision",
                    "period_end(x.said_on, x.said_on_precision)",
                    person -> Sql.of("x.speaker_id = ", person), track -> Sql.of("x.track_id = ", track)));

    @Override
    public void describe(Registry registry) {
        registry.shape(JsonShape.of("TimelineEntry", null)
                .column("date", "start")
                .column("datePrecision", "precision")
                .oneOf("item", "type", "key"));
        registry.root("timeline", (compiler, field) -> {
            String personId = compiler.argument(field, "personId", String.class);
            String trackId = compiler.argument(field, "trackId", String.class);
            LocalDate from = compiler.argument(field, "from", LocalDate.class);
            LocalDate to = compiler.argument(field, "to", LocalDate.class);
            PageRequest page = PageRequest.of(compiler.argument(field, "first", Integer.class), null, false);
            Inputs.notBefore("to", to, from, "from");
            // A merged person's ID names the person it was merged into.
            Sql person = personId == null ? null
                    : PersonService.currentKey(Sql.value(GlobalId.keyOf(personId, NodeType.PERSON, "personId")));
            Sql track = trackId == null ? null : Sql.value(GlobalId.keyOf(trackId, NodeType.TRACK, "trackId"));
            return compiler.list("TimelineEntry", x -> entries(person, track, from, to, page.first()),
                    x -> Sql.sql(x + ".start, " + x + ".finish, " + x + ".type, " + x + ".key"), field);
        });
    }

    /**
     * The first entries in date order, as (type, key, start, precision, finish) rows. Each item is
     * placed by its period: an item known only to the month sorts after the dated items of that
     * month's first day, and from/to keep only what is known to fall in the range. Trips without a
     * known date and undated outcomes have no place on a timeline.
     */
    private static Sql entries(Sql person, Sql track, LocalDate from, LocalDate to, int first) {
        List<Sql> parts = new ArrayList<>();
        for (Kind kind : KINDS) {
            List<Sql> conditions = new ArrayList<>(List.of(Sql.sql(kind.start() + " is not null")));
            if (person != null) {
                conditions.add(kind.byPerson().apply(person));
            }
            if (track != null) {
                conditions.add(kind.byTrack().apply(track));
            }
            if (from != null) {
                conditions.add(Sql.of(kind.start() + " >= ", Sql.value(from)));
            }
            if (to != null) {
                conditions.add(Sql.of(kind.end() + " <= ", Sql.value(to)));
            }
            parts.add(Sql.of("select ", Sql.value(kind.type().label()), " as type, x.id as key, " + kind.start()
                    + " as start, " + kind.precision() + " as precision, " + kind.end() + " as finish from " + kind.from()
                    + " where ", Sql.join(conditions, " and ")));
        }
        return Sql.of("select * from (", Sql.join(parts, " union all "), ") entries order by start, finish, type, key limit ",
                Sql.pageSize(first));
    }
}
