package io.parley.timeline;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.parley.graphql.DatePrecision;
import io.parley.graphql.GlobalId;
import io.parley.graphql.Inputs;
import io.parley.graphql.Node;
import io.parley.graphql.NodeType;
import io.parley.graphql.Nodes;
import io.parley.graphql.PageRequest;
import io.parley.graphql.TimelineItem;

/**
 * Talks, trips, outcomes and statements in date order, in one statement. Each item is placed
 * by its period (date and precision): an item known only to the month sorts after the dated
 * items of that month's first day, and from/to keep only what is known to fall in the range.
 * Trips without a known date and undated outcomes have no place on a timeline.
 */
@ApplicationScoped
public class TimelineService {

    /** Per kind: the row source, its period start, precision and end, and how it relates to a person or track. */
    private record Kind(NodeType type, String from, String start, String precision, String end, String byPerson,
            String byTrack) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(NodeType.TALK, "talk x", "x.date", "x.date_precision", "x.date_end",
                    "exists (select 1 from talk_participant p where p.talk_id = x.id and p.person_id = :person)",
                    "x.track_id = :track"),
            new Kind(NodeType.TRIP, "trip x", "coalesce(x.arrived_on, x.departed_on)", "'DAY'",
                    "coalesce(x.departed_on, x.arrived_on)",
                    "exists (select 1 from envoy e where e.id = x.envoy_id and e.person_id = :person)",
                    "exists (select 1 from trip_talk tt join talk t on t.id = tt.talk_id"
                            + " where tt.trip_id = x.id and t.track_id = :track)"),
            new Kind(NodeType.OUTCOME, "outcome x", "x.date", "x.date_precision", "x.date_end",
                    "(exists (select 1 from outcome_beneficiary b where b.outcome_id = x.id and b.person_id = :person)"
                            + " or exists (select 1 from outcome_credit c where c.outcome_id = x.id and c.person_id = :person)"
                            + " or exists (select 1 from outcome_talk ot join talk_participant p on p.talk_id = ot.talk_id"
                            + " where ot.outcome_id = x.id and p.person_id = :person))",
                    "x.track_id = :track"),
            new Kind(NodeType.STATEMENT, "statement x", "x.said_on", "x.said_on_precision",
                    "period_end(x.said_on, x.said_on_precision)", "x.speaker_id = :person", "x.track_id = :track"));

    private final EntityManager em;
    private final Nodes nodes;

    public TimelineService(EntityManager em, Nodes nodes) {
        this.em = em;
        this.nodes = nodes;
    }

    public List<TimelineEntry> timeline(String personId, String trackId, LocalDate from, LocalDate to, Integer first) {
        PageRequest page = PageRequest.of(first, null);
        Inputs.notBefore("to", to, from, "from");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (personId != null) {
            parameters.put("person", GlobalId.keyOf(personId, NodeType.PERSON, "personId"));
        }
        if (trackId != null) {
            parameters.put("track", GlobalId.keyOf(trackId, NodeType.TRACK, "trackId"));
        }
        if (from != null) {
            parameters.put("from", from);
        }
        if (to != null) {
            parameters.put("to", to);
        }
        List<String> parts = new ArrayList<>();
        for (Kind kind : KINDS) {
            List<String> conditions = new ArrayList<>(List.of(kind.start() + " is not null"));
            if (personId != null) {
                conditions.add(kind.byPerson());
            }
            if (trackId != null) {
                conditions.add(kind.byTrack());
            }
            if (from != null) {
                conditions.add(kind.start() + " >= :from");
            }
            if (to != null) {
                conditions.add(kind.end() + " <= :to");
            }
            parts.add("select '" + kind.type().name() + "' as kind, x.id, " + kind.start() + " as start, "
                    + kind.precision() + " as precision, " + kind.end() + " as finish from " + kind.from()
                    + " where " + String.join(" and ", conditions));
        }
        Query query = em.createNativeQuery("select kind, id, start, precision from (" + String.join(" union all ", parts)
                + ") entries order by start, finish, kind, id limit :first", Object[].class);
        parameters.forEach(query::setParameter);
        query.setParameter("first", page.first());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();

        List<Node> items = nodes.load(rows.stream()
                .map(row -> new GlobalId(NodeType.valueOf((String) row[0]), ((Number) row[1]).longValue())).toList());
        List<TimelineEntry> entries = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (items.get(i) instanceof TimelineItem item) {
                Object start = rows.get(i)[2];
                LocalDate date = start instanceof Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) start;
                entries.add(new TimelineEntry(date, DatePrecision.valueOf((String) rows.get(i)[3]), item));
            }
        }
        return entries;
    }
}
