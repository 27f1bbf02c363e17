package io.parley.talk;

import io.parley.common.Location;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityGraph;
import jakarta.transaction.Transactional;

import io.parley.db.ListQuery;
import io.parley.db.Listing;
import io.parley.db.Ordering;
import io.parley.db.Filters;
import io.parley.sql.Sql;
import io.parley.db.RecordService;
import io.parley.envoy.Envoy;
import io.parley.envoy.EnvoyService;
import io.parley.events.ChangeEvents;
import io.parley.common.ApiException;
import io.parley.common.DatePrecision;
import io.parley.common.GlobalId;
import io.parley.common.Inputs;
import io.parley.common.NodeType;
import io.parley.common.OrderDirection;
import io.parley.person.PersonService;
import io.parley.source.Citations;
import io.parley.track.TrackService;
import io.quarkus.security.identity.SecurityIdentity;

@ApplicationScoped
public class TalkService extends RecordService<Talk, TalkInput> {

    /** Every ordering a client can ask for; most recent first by default. */
    private static final Map<TalkOrderField, Ordering> ASCENDING = new EnumMap<>(TalkOrderField.class);
    private static final Map<TalkOrderField, Ordering> DESCENDING = new EnumMap<>(TalkOrderField.class);

    static {
        for (boolean descending : new boolean[] { false, true }) {
            String suffix = descending ? "_DESC" : "_ASC";
            Map<TalkOrderField, Ordering> target = descending ? DESCENDING : ASCENDING;
            target.put(TalkOrderField.DATE, new Ordering("DATE" + suffix, "t.date", Ordering.Kind.DATE, descending));
            target.put(TalkOrderField.TITLE, new Ordering("TITLE" + suffix, "t.title", Ordering.Kind.TEXT, descending));
            target.put(TalkOrderField.UPDATED_AT, new Ordering("UPDATED_AT" + suffix, "t.updated_at",
                    Ordering.Kind.INSTANT, descending));
        }
    }

    private static final Ordering MOST_RECENT = DESCENDING.get(TalkOrderField.DATE);

    private final Citations citations;
    private final ChangeEvents events;
    private final TrackService tracks;
    private final PersonService people;
    private final EnvoyService envoys;

    public TalkService(Citations citations, ChangeEvents events, TrackService tracks,
            PersonService people, EnvoyService envoys, SecurityIdentity identity) {
        super(NodeType.TALK, Talk::new, identity);
        this.citations = citations;
        this.events = events;
        this.tracks = tracks;
        this.people = people;
        this.envoys = envoys;
    }

    public Listing listing(TalkFilter filter, TalkOrder order) {
        Ordering ordering = order == null ? MOST_RECENT
                : (order.direction == OrderDirection.ASC ? ASCENDING : DESCENDING).get(order.field);
        return filtered(filter).ordered(ordering);
    }

    /** The talks a person ({@code personKey}, SQL) took part in, most recent first. */
    public Listing ofParticipant(Sql personKey) {
        return filtered(null).where(Sql.of("exists (select 1 from talk_participant tp where tp.talk_id = t.id and tp.person_id = ",
                personKey, ")")).ordered(MOST_RECENT);
    }

    /** Talks in which someone acted under an envoy appointment ({@code envoyKey}, SQL), most recent first. */
    public Listing ofEnvoy(Sql envoyKey) {
        return filtered(null).where(Sql.of("exists (select 1 from talk_participant tp where tp.talk_id = t.id and tp.envoy_id = ",
                envoyKey, ")")).ordered(MOST_RECENT);
    }

    /** A track's ({@code trackKey}, SQL) talks, most recent first. */
    public Listing ofTrack(Sql trackKey) {
        return filtered(null).where(Sql.of("t.track_id = ", trackKey)).ordered(MOST_RECENT);
    }

    /** Talks per month as {@code (month, count)} rows, oldest first; talks dated only to the year belong to no month. */
    public Sql activity(TalkFilter filter) {
        return filtered(filter).where(Sql.sql("t.date_precision <> 'YEAR'")).countsSql(Sql.sql("to_char(t.date, 'YYYY-MM')"));
    }

    private ListQuery filtered(TalkFilter filter) {
        TalkFilter f = filter == null ? new TalkFilter() : filter;
        return new ListQuery("talk", "t")
                .where(Filters.anyOf(Inputs.keys("filter.participantIds", f.participantIds, NodeType.PERSON)),
                        // merged people's IDs name the people they were merged into
                        people -> Sql.of("(select count(distinct tp.person_id) from talk_participant tp where tp.talk_id = t.id"
                                + " and tp.person_id in (", PersonService.currentKeys(people), ")) = (select count(distinct k)"
                                + " from unnest(array[", PersonService.currentKeys(people), "]) k)"))
                .where(Filters.anyOf(Inputs.keys("filter.envoyIds", f.envoyIds, NodeType.ENVOY)),
                        envoys -> Sql.of("exists (select 1 from talk_participant tp where tp.talk_id = t.id and ",
                                Filters.in("tp.envoy_id", envoys), ")"))
                .where(Filters.anyOf(Inputs.keys("filter.trackIds", f.trackIds, NodeType.TRACK)),
                        tracks -> Filters.in("t.track_id", tracks))
                .where(f.from, from -> Filters.atLeast("t.date", from))
                .where(f.to, to -> Filters.endsBy("t.date", "t.date_end", to))
                .where(Filters.names(f.statuses), statuses -> Filters.in("t.status", statuses))
                .where(Filters.names(f.formats), formats -> Filters.in("t.format", formats))
                .where(Inputs.countryCode("filter.countryCode", f.countryCode),
                        country -> Filters.equal("t.location_country_code", country))
                .where(Inputs.optional("filter.text", f.text, Inputs.NAME_MAX),
                        text -> Filters.textMatches("t", text));
    }

    @Override
    @Transactional
    public Talk create(TalkInput input) {
        return announced(super.create(input));
    }

    @Override
    @Transactional
    public Talk update(String id, TalkInput input, Integer expectedVersion) {
        return announced(super.update(id, input, expectedVersion));
    }

    private Talk announced(Talk talk) {
        events.publish(NodeType.TALK, talk.key(), talk.trackKey);
        return talk;
    }

    /**
     * The talk with its participants and citations in one select (Hibernate joins a fetch graph's
     * collections): an edit compares both ({@code kept}), which loaded one by one took two more
     * statements of a title edit's 14.
     */
    @Override
    protected Talk loadWhole(long key) {
        EntityGraph<Talk> whole = getEntityManager().createEntityGraph(Talk.class);
        whole.addAttributeNodes("participants", "citations");
        return getEntityManager().find(whole, key);
    }

    @Override
    protected void noteReferences(Talk talk) {
        tracks.known(talk.trackKey);
        people.known(talk.participants.stream().map(Participant::personKey).toList());
        citations.known(talk.citations);
    }

    @Override
    protected Talk apply(Talk talk, TalkInput input) {
        talk.title = Inputs.required("input.title", input.title, Inputs.TITLE_MAX);
        talk.trackKey = tracks.optionalReference("input.trackId", input.trackId);
        if (input.date == null) {
            throw ApiException.badInput("input.date", "is required");
        }
        talk.datePrecision = DatePrecision.forDate(input.date, input.datePrecision);
        talk.date = talk.datePrecision.align(input.date);
        Inputs.notBefore("input.endsAt", input.endsAt, input.startsAt, "startsAt");
        talk.setStartsAt(input.startsAt);
        talk.setEndsAt(input.endsAt);
        talk.location = Location.from("input.location", input.location);
        talk.format = input.format == null ? TalkFormat.IN_PERSON : input.format;
        talk.closedDoor = Boolean.TRUE.equals(input.closedDoor);
        talk.status = input.status != null ? input.status
                : talk.date.isAfter(LocalDate.now()) ? TalkStatus.PLANNED : TalkStatus.HELD;
        talk.summary = Inputs.optional("input.summary", input.summary, Inputs.TEXT_MAX);
        talk.participants = kept(talk.participants, participants(input.participants));
        talk.citations = kept(talk.citations, citations.from("input.citations", input.citations));
        return talk;
    }

    /**
     * Participants, each a different existing person (a merged person's ID names the person it was
     * merged into), acting under an appointment of their own if any.
     */
    private List<Participant> participants(List<TalkInput.ParticipantInput> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw ApiException.badInput("input.participants", "a talk needs at least one participant");
        }
        Set<Long> seen = new HashSet<>();
        List<Participant> named = Inputs.each("input.participants", inputs, (field, input) -> {
            long person = GlobalId.keyOf(input.personId, NodeType.PERSON, field + ".personId");
            if (!seen.add(person)) {
                throw ApiException.badInput(field + ".personId", "is listed twice");
            }
            if (input.role == null) {
                throw ApiException.badInput(field + ".role", "is required");
            }
            Long envoy = input.envoyId == null ? null : GlobalId.keyOf(input.envoyId, NodeType.ENVOY, field + ".envoyId");
            return new Participant(person, input.role, envoy);
        });
        List<Long> current = people.current(named.stream().map(Participant::personKey).toList());
        people.distinct(current, index -> "input.participants[" + index + "].personId");
        List<Participant> result = new ArrayList<>(named.size());
        for (int i = 0; i < named.size(); i++) {
            result.add(new Participant(current.get(i), named.get(i).role, named.get(i).envoyKey()));
        }
        people.requireExisting("input.participants", current);
        Map<Long, Envoy> appointments = envoys.byKeys(
                result.stream().map(Participant::envoyKey).filter(k -> k != null).toList());
        for (int i = 0; i < result.size(); i++) {
            Participant participant = result.get(i);
            if (participant.envoyKey() == null) {
                continue;
            }
            Envoy envoy = appointments.get(participant.envoyKey());
            String field = "input.participants[" + i + "].envoyId";
            if (envoy == null) {
                throw ApiException.badInput(field, "no Envoy has ID " + GlobalId.encode(NodeType.ENVOY,
                        participant.envoyKey()));
            }
            if (!envoy.personKey().equals(participant.personKey())) {
                throw ApiException.badInput(field, "is another person's envoy appointment");
            }
        }
        return new ArrayList<>(result);
    }
}
