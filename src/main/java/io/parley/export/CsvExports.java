package io.parley.export;

import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.NodeType;
import io.parley.db.Listing;
import io.parley.export.Columns.Aggregate;
import io.parley.sql.Sql;
import io.parley.envoy.EnvoyFilter;
import io.parley.envoy.EnvoyService;
import io.parley.common.OrderDirection;
import io.parley.outcome.OutcomeFilter;
import io.parley.outcome.OutcomeKind;
import io.parley.outcome.OutcomeService;
import io.parley.outcome.OutcomeStatus;
import io.parley.person.PersonFilter;
import io.parley.person.PersonService;
import io.parley.source.SourceService;
import io.parley.statement.StatementFilter;
import io.parley.statement.StatementService;
import io.parley.statement.Tone;
import io.parley.talk.TalkFilter;
import io.parley.talk.TalkFormat;
import io.parley.talk.TalkOrder;
import io.parley.talk.TalkOrderField;
import io.parley.talk.TalkService;
import io.parley.talk.TalkStatus;
import io.parley.track.TrackService;
import io.parley.trip.TripFilter;
import io.parley.trip.TripService;

/**
 * One CSV export per record type, each the GraphQL list of that type (same filters, same
 * order, read through the feature's own listing SQL) with the columns docs/exports.md lists.
 */
@ApplicationScoped
public class CsvExports {

    /** An export's list for a query string, and its columns. */
    record CsvExport(Function<QueryParameters, Listing> listing, Columns columns) {
        /** The statement reading every row of the list the query string asks for. */
        Sql rows(QueryParameters query) {
            return columns.statement(listing.apply(query).rows(columns.key()));
        }
    }


    private final Map<String, CsvExport> exports;

    public CsvExports(TalkService talks, PersonService people, OutcomeService outcomes, StatementService statements,
            TripService trips, EnvoyService envoys, TrackService tracks, SourceService sources) {
        Columns talk = new Columns("talk", "t").identity(NodeType.TALK)
                .text("title", "t.title")
                .value("date", "t.date").value("date_precision", "t.date_precision")
                .instant("starts_at", "t.starts_at").instant("ends_at", "t.ends_at")
                .value("status", "t.status").value("format", "t.format").value("closed_door", "t.closed_door")
                .aggregates("talk_participant tp join person p on p.id = tp.person_id", "tp.talk_id",
                        Aggregate.text("participants", "string_agg(p.name || ' (' || tp.role || ')', '; ' order by tp.ordinal)"),
                        Aggregate.ids("participant_ids", NodeType.PERSON, "tp.person_id", "tp.ordinal"),
                        Aggregate.text("participant_wikidata_ids",
                                "string_agg(coalesce(p.wikidata_id, ''), '; ' order by tp.ordinal)"))
                .text("location_name", "t.location_name").text("location_city", "t.location_city")
                .value("location_country_code", "t.location_country_code")
                .value("location_latitude", "t.location_latitude").value("location_longitude", "t.location_longitude")
                .id("track_id", NodeType.TRACK, "t.track_id")
                .joined("track tr on tr.id = t.track_id").text("track", "tr.name")
                .text("summary", "t.summary")
                .citations("talk_id").updatedAt();
        Columns person = new Columns("person", "p").identity(NodeType.PERSON)
                .text("name", "p.name").text("aliases", "array_to_string(p.aliases, '; ')")
                .value("birth_date", "p.birth_date").value("country_code", "p.country_code")
                .value("wikidata_id", "p.wikidata_id")
                .text("positions", "(select string_agg(pp.title || coalesce(' (' || pp.organization || ')', ''), '; '"
                        + " order by pp.ordinal) from person_position pp where pp.person_id = p.id)")
                .text("summary", "p.summary")
                .citations("person_id").updatedAt();
        Columns outcome = new Columns("outcome", "o").identity(NodeType.OUTCOME)
                .value("kind", "o.kind").value("status", "o.status").text("title", "o.title")
                .value("date", "o.date").value("date_precision", "o.date_precision")
                .text("figures", "(select string_agg(f.value || ' ' || f.label || case when f.approximate"
                        + " then ' (approximate)' else '' end, '; ' order by f.ordinal) from outcome_figure f"
                        + " where f.outcome_id = o.id)")
                .text("credited_to", "(select string_agg(p.name, '; ' order by x.ordinal) from outcome_credit x"
                        + " join person p on p.id = x.person_id where x.outcome_id = o.id)")
                .text("beneficiaries", "(select string_agg(p.name, '; ' order by x.ordinal) from outcome_beneficiary x"
                        + " join person p on p.id = x.person_id where x.outcome_id = o.id)")
                .aggregates("outcome_talk x", "x.outcome_id", Aggregate.ids("talk_ids", NodeType.TALK, "x.talk_id", "x.ordinal"))
                .id("track_id", NodeType.TRACK, "o.track_id")
                .text("track", "(select tr.name from track tr where tr.id = o.track_id)")
                .text("description", "o.description")
                .citations("outcome_id").updatedAt();
        Columns statement = new Columns("statement", "s").identity(NodeType.STATEMENT)
                .id("speaker_id", NodeType.PERSON, "s.speaker_id")
                .text("speaker", "(select p.name from person p where p.id = s.speaker_id)")
                .text("quote", "s.quote").value("verbatim", "s.verbatim")
                .value("said_on", "s.said_on").value("said_on_precision", "s.said_on_precision")
                .value("tone", "s.tone").id("talk_id", NodeType.TALK, "s.talk_id").id("track_id", NodeType.TRACK, "s.track_id")
                .citations("statement_id").updatedAt();
        Columns trip = new Columns("trip", "r").identity(NodeType.TRIP)
                .id("envoy_id", NodeType.ENVOY, "r.envoy_id")
                .text("envoy", "(select p.name || ', ' || e.title from envoy e join person p on p.id = e.person_id"
                        + " where e.id = r.envoy_id)")
                .text("destination_name", "r.destination_name").text("destination_city", "r.destination_city")
                .value("destination_country_code", "r.destination_country_code")
                .value("destination_latitude", "r.destination_latitude")
                .value("destination_longitude", "r.destination_longitude")
                .value("arrived_on", "r.arrived_on").value("departed_on", "r.departed_on")
                .text("purpose", "r.purpose").text("summary", "r.summary")
                .aggregates("trip_talk x", "x.trip_id", Aggregate.ids("talk_ids", NodeType.TALK, "x.talk_id", "x.ordinal"))
                .citations("trip_id").updatedAt();
        Columns envoy = new Columns("envoy", "e").identity(NodeType.ENVOY)
                .id("person_id", NodeType.PERSON, "e.person_id")
                .text("person", "(select p.name from person p where p.id = e.person_id)")
                .text("title", "e.title").value("represents", "e.represents")
                .id("appointed_by_id", NodeType.PERSON, "e.appointed_by_id")
                .text("appointed_by", "(select p.name from person p where p.id = e.appointed_by_id)")
                .text("mandate", "e.mandate")
                .value("announced_on", "e.announced_on").value("announced_on_precision", "e.announced_on_precision")
                .value("start_date", "e.start_date").value("end_date", "e.end_date")
                .citations("envoy_id").updatedAt();
        Columns track = new Columns("track", "t").identity(NodeType.TRACK)
                .text("name", "t.name").value("status", "t.status")
                .text("parties", "array_to_string(t.parties, '; ')").text("summary", "t.summary")
                .citations("track_id").updatedAt();
        Columns source = new Columns("source", "s").identity(NodeType.SOURCE)
                .text("publisher", "s.publisher").text("title", "s.title").text("url", "s.url")
                .value("published_on", "s.published_on").value("language", "s.language").updatedAt();

        exports = Map.of(
                "talks", new CsvExport(q -> talks.listing(talkFilter(q), talkOrder(q)), talk),
                "people", new CsvExport(q -> people.listing(personFilter(q)), person),
                "outcomes", new CsvExport(q -> outcomes.listing(outcomeFilter(q)), outcome),
                "statements", new CsvExport(q -> statements.listing(statementFilter(q)),
                        statement),
                "trips", new CsvExport(q -> trips.listing(tripFilter(q)), trip),
                "envoys", new CsvExport(q -> envoys.listing(envoyFilter(q)), envoy),
                "tracks", new CsvExport(q -> tracks.listing(), track),
                "sources", new CsvExport(q -> sources.listing(), source));
    }

    /** The export of a record type by its plural name (talks, people, ...), or null. */
    CsvExport named(String name) {
        return exports.get(name);
    }

    static TalkFilter talkFilter(QueryParameters q) {
        TalkFilter f = new TalkFilter();
        f.participantIds = q.list("participantIds");
        f.envoyIds = q.list("envoyIds");
        f.trackIds = q.list("trackIds");
        f.from = q.date("from");
        f.to = q.date("to");
        f.statuses = q.enums("statuses", TalkStatus.class);
        f.formats = q.enums("formats", TalkFormat.class);
        f.countryCode = q.text("countryCode");
        f.text = q.text("text");
        return f;
    }

    /** orderBy=DATE and direction=ASC, as TalkOrder's two fields; the GraphQL default when absent. */
    private static TalkOrder talkOrder(QueryParameters q) {
        TalkOrderField field = q.oneOf("orderBy", TalkOrderField.class);
        OrderDirection direction = q.oneOf("direction", OrderDirection.class);
        if (field == null && direction == null) {
            return null;
        }
        TalkOrder order = new TalkOrder();
        order.field = field == null ? TalkOrderField.DATE : field;
        order.direction = direction == null ? OrderDirection.DESC : direction;
        return order;
    }

    private static PersonFilter personFilter(QueryParameters q) {
        PersonFilter f = new PersonFilter();
        f.name = q.text("name");
        f.countryCode = q.text("countryCode");
        return f;
    }

    static OutcomeFilter outcomeFilter(QueryParameters q) {
        OutcomeFilter f = new OutcomeFilter();
        f.kinds = q.enums("kinds", OutcomeKind.class);
        f.statuses = q.enums("statuses", OutcomeStatus.class);
        f.trackIds = q.list("trackIds");
        f.from = q.date("from");
        f.to = q.date("to");
        return f;
    }

    private static StatementFilter statementFilter(QueryParameters q) {
        StatementFilter f = new StatementFilter();
        f.speakerIds = q.list("speakerIds");
        f.tones = q.enums("tones", Tone.class);
        f.trackIds = q.list("trackIds");
        f.talkIds = q.list("talkIds");
        f.from = q.date("from");
        f.to = q.date("to");
        f.text = q.text("text");
        return f;
    }

    private static TripFilter tripFilter(QueryParameters q) {
        TripFilter f = new TripFilter();
        f.envoyIds = q.list("envoyIds");
        f.countryCode = q.text("countryCode");
        f.from = q.date("from");
        f.to = q.date("to");
        return f;
    }

    private static EnvoyFilter envoyFilter(QueryParameters q) {
        EnvoyFilter f = new EnvoyFilter();
        f.name = q.text("name");
        f.represents = q.text("represents");
        f.active = q.bool("active");
        return f;
    }
}
