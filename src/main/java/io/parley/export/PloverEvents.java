package io.parley.export;

import java.util.EnumSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.sql.Sql;
import io.parley.db.Listing;
import io.parley.outcome.Outcome;
import io.parley.outcome.OutcomeFilter;
import io.parley.outcome.OutcomeKind;
import io.parley.outcome.OutcomeService;
import io.parley.talk.TalkFilter;
import io.parley.talk.TalkService;
import io.parley.talk.TalkStatus;

/**
 * Talks and outcomes as event data in the shape of PLOVER (the Open Event Data Alliance's
 * event ontology, version 0.7) with POLECAT's field names, one JSON object per event, each
 * built by PostgreSQL in the statement that reads it. docs/exports.md documents every field
 * and the mapping.
 *
 * Talks are CONSULT events: the mode is "phone" for calls and video calls, "third-party" for
 * shuttle diplomacy and mediated meetings, "visit" for an in-person meeting with a host and a
 * visitor (visitors are the actors, hosts the recipients, as PLOVER codes visits); otherwise
 * every participant is an actor and there is no recipient. Planned and expected talks carry the
 * context "future"; cancelled ones never happened and are left out. Outcomes map by kind and
 * status (see {@link #OUTCOME_TYPE}); OTHER and undated outcomes have no event type or date
 * PLOVER could hold and are left out.
 */
@ApplicationScoped
public class PloverEvents {

    /**
     * PLOVER's category for an outcome: what was only proposed or promised is AGREE ("offer,
     * promise ... willingness to cooperate"); a conveyed message is a consultation (CONSULT); a
     * signed agreement is SUPPORT ("sign, or finalize an agreement"); a ceasefire or release that
     * happened is RETREAT ("release of prisoners and hostages ... observing a ceasefire"); one
     * agreed but not (or no longer) carried out is CONCEDE ("declarations (but not implementations)
     * of ceasefires", promised concessions).
     */
    static final String OUTCOME_TYPE = "case when o.kind = 'MESSAGE_CONVEYED' then 'CONSULT'"
            + " when o.kind = 'COMMITMENT' or o.status = 'PROPOSED' then 'AGREE'"
            + " when o.kind = 'AGREEMENT' then 'SUPPORT'"
            + " when o.status = 'IMPLEMENTED' then 'RETREAT'"
            + " else 'CONCEDE' end";

    /** The JSON of person {@code p} as an actor, in {@code role} (an SQL expression). */
    private static String actor(String role) {
        return "json_build_object('actor_text', p.name, 'identifier_id', p.wikidata_id,"
                + " 'code', country_alpha3(p.country_code), 'country_code', p.country_code,"
                + " 'parley_id', graphql_id('Person', p.id), 'role', " + role + ")";
    }

    private final TalkService talks;
    private final OutcomeService outcomes;

    public PloverEvents(TalkService talks, OutcomeService outcomes) {
        this.talks = talks;
        this.outcomes = outcomes;
    }

    /** The two statements of an export: talk events, then outcome events; both select one JSON text column. */
    List<Sql> rows(QueryParameters q) {
        TalkFilter talkFilter = new TalkFilter();
        OutcomeFilter outcomeFilter = new OutcomeFilter();
        talkFilter.from = outcomeFilter.from = q.date("from");
        talkFilter.to = outcomeFilter.to = q.date("to");
        talkFilter.trackIds = outcomeFilter.trackIds = q.list("trackIds");
        talkFilter.statuses = List.of(TalkStatus.HELD, TalkStatus.PLANNED, TalkStatus.EXPECTED);
        outcomeFilter.kinds = List.copyOf(EnumSet.complementOf(EnumSet.of(OutcomeKind.OTHER)));
        Listing dated = outcomes.listing(outcomeFilter);
        dated.query().where(Sql.sql("o.date is not null"));
        return List.of(talks.listing(talkFilter, null).rows(TALK_EVENT), dated.rows(OUTCOME_EVENT));
    }

    private static String actors(String role, String condition) {
        return "coalesce(json_agg(" + actor(role) + " order by x.ordinal) filter (where " + condition + "), '[]')";
    }

    private static String countries(String condition) {
        return "coalesce(array_to_json(array_agg(distinct country_alpha3(p.country_code))"
                + " filter (where p.country_code is not null and " + condition + ")), '[]')";
    }

    private static String citeInfo(String ownerColumn, String alias) {
        return "(select coalesce(json_agg(json_build_object('source_id', graphql_id('Source', s.id),"
                + " 'publication', s.publisher, 'title', s.title, 'url', s.url, 'language', s.language,"
                + " 'published_on', s.published_on, 'passage', c.excerpt) order by c.ordinal), '[]')"
                + " from citation c join source s on s.id = c.source_id where c." + ownerColumn + " = " + alias + ".id)";
    }

    private static final String HOST = "(k.visit and x.role = 'HOST')";

    static final String TALK_EVENT = "(select cast(json_build_object("
            + "'event_id', graphql_id('Talk', t.id), 'event_date', t.date, 'event_enddate', t.date_end,"
            + " 'date_precision', t.date_precision, 'event_type', 'CONSULT',"
            + " 'event_mode', case when t.format in ('PHONE', 'VIDEO') then json_build_array('phone')"
            + "   when t.format = 'SHUTTLE' or k.mediated then json_build_array('third-party')"
            + "   when k.visit then json_build_array('visit') else json_build_array() end,"
            + " 'event_context', case when t.status in ('PLANNED', 'EXPECTED') then json_build_array('future')"
            + "   else json_build_array() end,"
            + " 'quad_code', 1,"
            + " 'actor', a.actors, 'actor_country', a.actor_countries,"
            + " 'recipient', a.recipients, 'recipient_country', a.recipient_countries,"
            + " 'event_loc', case when t.location_name is null then null else json_build_object('name', t.location_name,"
            + "   'city', t.location_city, 'country_code', t.location_country_code,"
            + "   'cc3', country_alpha3(t.location_country_code), 'latitude', t.location_latitude,"
            + "   'longitude', t.location_longitude) end,"
            + " 'cite_info', " + citeInfo("talk_id", "t") + ","
            + " 'record_type', 'Talk', 'title', t.title, 'status', t.status, 'format', t.format,"
            + " 'track_id', graphql_id('Track', t.track_id)) as text)"
            + " from (select coalesce(t.format = 'IN_PERSON' and bool_or(role = 'HOST') and bool_or(role = 'VISITOR')"
            + "   and not bool_or(role = 'MEDIATOR'), false) as visit, coalesce(bool_or(role = 'MEDIATOR'), false) as mediated"
            + "   from talk_participant where talk_id = t.id) k"
            + " cross join lateral (select " + actors("x.role", "not " + HOST) + " as actors, "
            + actors("x.role", HOST) + " as recipients, " + countries("not " + HOST) + " as actor_countries, "
            + countries(HOST) + " as recipient_countries"
            + "   from talk_participant x join person p on p.id = x.person_id where x.talk_id = t.id) a)";

    static final String OUTCOME_EVENT = "(select cast(json_build_object("
            + "'event_id', graphql_id('Outcome', o.id), 'event_date', o.date, 'event_enddate', o.date_end,"
            + " 'date_precision', o.date_precision, 'event_type', m.type,"
            + " 'event_mode', case when m.type <> 'RETREAT' then json_build_array()"
            + "   when o.kind = 'CEASEFIRE' then json_build_array('ceasefire') else json_build_array('release') end,"
            + " 'event_context', json_build_array(),"
            + " 'quad_code', case when m.type = 'RETREAT' then 2 else 1 end,"
            + " 'actor', (select " + actors("'CREDITED'", "true") + " from outcome_credit x"
            + "   join person p on p.id = x.person_id where x.outcome_id = o.id),"
            + " 'actor_country', (select " + countries("true") + " from outcome_credit x"
            + "   join person p on p.id = x.person_id where x.outcome_id = o.id),"
            + " 'recipient', (select " + actors("'BENEFICIARY'", "true") + " from outcome_beneficiary x"
            + "   join person p on p.id = x.person_id where x.outcome_id = o.id),"
            + " 'recipient_country', (select " + countries("true") + " from outcome_beneficiary x"
            + "   join person p on p.id = x.person_id where x.outcome_id = o.id),"
            + " 'event_loc', null,"
            + " 'cite_info', " + citeInfo("outcome_id", "o") + ","
            + " 'record_type', 'Outcome', 'title', o.title, 'kind', o.kind, 'status', o.status,"
            + " 'figures', (select coalesce(json_agg(json_build_object('label', f.label, 'value', f.value,"
            + "   'approximate', f.approximate) order by f.ordinal), '[]') from outcome_figure f where f.outcome_id = o.id),"
            + " 'talk_ids', (select coalesce(json_agg(graphql_id('Talk', x.talk_id) order by x.ordinal), '[]')"
            + "   from outcome_talk x where x.outcome_id = o.id),"
            + " 'track_id', graphql_id('Track', o.track_id)) as text)"
            + " from (select " + OUTCOME_TYPE + " as type) m)";
}
