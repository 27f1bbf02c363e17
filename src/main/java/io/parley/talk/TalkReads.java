package io.parley.talk;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.read.JsonReads;
import io.parley.read.JsonShape;
import io.parley.read.JsonShape.Related;
import io.parley.sql.Sql;
import io.parley.common.GlobalId;
import io.parley.common.NodeType;
import io.parley.person.PersonService;

/** The read definitions of talks, their participants and places, of the talks of people, appointments and tracks, of counterparts and of talk activity. */
@ApplicationScoped
public class TalkReads implements JsonReads {

    private final TalkService talks;

    public TalkReads(TalkService talks) {
        this.talks = talks;
    }

    @Override
    public void describe(Registry registry) {
        registry.shape(JsonShape.node(NodeType.TALK, "talk")
                .columns("title", "date", "datePrecision", "format", "closedDoor", "status", "summary")
                .one("track", "Track", "track_id")
                .dateTime("startsAt", "starts_at")
                .dateTime("endsAt", "ends_at")
                .embedded("location", "Location", "location_", row -> Sql.of(row.column("location_name"), " is not null"))
                .owned("participants", "Participant", "talk_participant", "talk_id")
                .owned("citations", "Citation", "citation", "talk_id"));
        registry.shape(JsonShape.of("Participant", "talk_participant")
                .one("person", "Person", "person_id")
                .columns("role")
                .one("asEnvoy", "Envoy", "envoy_id"));
        registry.shape(JsonShape.embeddedIn("Location")
                .columns("name", "city", "countryCode", "geonamesId")
                .decimal("latitude", "latitude")
                .decimal("longitude", "longitude"));
        registry.shape(JsonShape.of("Counterpart", null)
                .one("person", "Person", "person_id")
                .columns("meetingsHeld", "meetingsExpected", "firstMet", "lastMet")
                .many("talks", "Talk", (counterpart, x, l) -> new Related(Sql.sql("talk " + x),
                        Sql.of(x + ".id = any(", counterpart.column("talk_ids"), ")"),
                        Sql.of("array_position(", counterpart.column("talk_ids"), ", " + x + ".id)"))));
        registry.shape(JsonShape.of("MonthCount", null)
                .column("month", "grp")
                .column("count", "n"));
        registry.shape(JsonShape.of("Person", null)
                .connection("talks", person -> talks.ofParticipant(person.id()))
                .field("counterparts", (compiler, person, field) -> Sql.of("(",
                        compiler.list("Counterpart", x -> counterparts(person.id()), TalkReads::counterpartOrder, field), ")")));
        registry.shape(JsonShape.of("Envoy", null)
                .connection("talks", envoy -> talks.ofEnvoy(envoy.id())));
        registry.shape(JsonShape.of("Track", null)
                .connection("talks", track -> talks.ofTrack(track.id())));
        registry.root("talk", (compiler, field) -> compiler.byId(NodeType.TALK, field));
        registry.root("talks", (compiler, field) -> compiler.connection(talks.listing(
                compiler.argument(field, "filter", TalkFilter.class),
                compiler.argument(field, "orderBy", TalkOrder.class)), field));
        registry.root("talkActivity", (compiler, field) -> compiler.list("MonthCount",
                x -> talks.activity(compiler.argument(field, "filter", TalkFilter.class)), x -> Sql.sql(x + ".grp"), field));
        registry.root("counterparts", (compiler, field) -> compiler.list("Counterpart",
                x -> counterparts(PersonService.currentKey(Sql.value(GlobalId.keyOf(compiler.argument(field, "personId",
                        String.class), NodeType.PERSON, "personId")))), TalkReads::counterpartOrder, field));
    }

    /**
     * Everyone the person ({@code personKey}, SQL) met in talks that were not cancelled: meetings
     * held and expected (planned or expected talks), first and last held meeting, and the talks.
     */
    private static Sql counterparts(Sql personKey) {
        return Sql.of("""
                select other.person_id,
                       count(*) filter (where t.status = 'HELD') as meetings_held,
                       count(*) filter (where t.status in ('EXPECTED', 'PLANNED')) as meetings_expected,
                       min(t.date) filter (where t.status = 'HELD') as first_met,
                       max(t.date) filter (where t.status = 'HELD') as last_met,
                       array_agg(t.id order by t.date, t.id) as talk_ids
                from talk_participant me
                join talk_participant other on other.talk_id = me.talk_id and other.person_id <> me.person_id
                join talk t on t.id = me.talk_id
                where t.status <> 'CANCELLED' and me.person_id = """, personKey, " group by other.person_id");
    }

    /** Most meetings held first, then most expected, then the earliest met. */
    private static Sql counterpartOrder(String x) {
        return Sql.sql(x + ".meetings_held desc, " + x + ".meetings_expected desc, " + x + ".first_met nulls last, " + x
                + ".person_id");
    }
}
