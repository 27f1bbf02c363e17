package io.parley.draft;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.DatePrecision;
import io.parley.common.GlobalId;
import io.parley.common.NodeType;
import io.parley.person.PersonService;
import io.parley.sql.Sql;

/**
 * What Parley holds, read from the database for one draft: one statement per kind of record,
 * each row built as JSON by PostgreSQL. People only as candidates for the names the report
 * writes: those whose name or an alias holds one of their surnames, as search forgives it
 * ({@link PersonService#mayBear}, the importer's net too); {@link io.parley.names.PersonNames}
 * then judges who each is. Talks, outcomes, statements and appointments only for the people the
 * report names.
 */
final class StoredHoldings implements Holdings {

    private final EntityManager em;
    private final ObjectMapper json;

    StoredHoldings(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Override
    public List<KnownPerson> people(Collection<String> written) {
        if (written.isEmpty()) {
            return List.of();
        }
        return rows(Sql.of("select json_build_object('id', graphql_id('Person', p.id), 'name', p.name, 'aliases', p.aliases,",
                " 'wikidataId', p.wikidata_id, 'countryCode', p.country_code)::text from person p where ",
                PersonService.mayBear("p", written), " order by p.id"),
                row -> new KnownPerson(row.get("id").asText(), row.get("name").asText(), strings(row.get("aliases")),
                        text(row, "wikidataId"), text(row, "countryCode")));
    }

    @Override
    public List<KnownEnvoy> envoysOf(Collection<String> personIds) {
        return rows(Sql.of("select json_build_object('id', graphql_id('Envoy', id), 'personId', graphql_id('Person', person_id),",
                " 'title', title, 'represents', represents)::text from envoy where person_id in (", keys(personIds), ") order by id"),
                row -> new KnownEnvoy(row.get("id").asText(), row.get("personId").asText(), row.get("title").asText(),
                        row.get("represents").asText()));
    }

    @Override
    public List<KnownTalk> talksWith(Collection<String> personIds) {
        return rows(Sql.of("select json_build_object('id', graphql_id('Talk', t.id), 'title', t.title, 'date', t.date,",
                " 'precision', t.date_precision, 'status', t.status, 'geonamesId', t.location_geonames_id,",
                " 'countryCode', t.location_country_code, 'participants', (select json_agg(graphql_id('Person', tp.person_id))",
                " from talk_participant tp where tp.talk_id = t.id))::text from talk t where t.id in",
                " (select talk_id from talk_participant where person_id in (", keys(personIds), ")) order by t.id"),
                row -> new KnownTalk(row.get("id").asText(), row.get("title").asText(), LocalDate.parse(row.get("date").asText()),
                        DatePrecision.valueOf(row.get("precision").asText()), row.get("status").asText(),
                        strings(row.get("participants")), row.hasNonNull("geonamesId") ? row.get("geonamesId").asInt() : null,
                        text(row, "countryCode")));
    }

    @Override
    public List<KnownOutcome> outcomesOf(Collection<String> personIds) {
        Sql people = keys(personIds);
        return rows(Sql.of("select json_build_object('id', graphql_id('Outcome', o.id), 'kind', o.kind, 'title', o.title,",
                " 'date', o.date, 'precision', o.date_precision,",
                " 'people', (select json_agg(graphql_id('Person', p)) from (select person_id p from outcome_beneficiary where outcome_id = o.id",
                " union select person_id from outcome_credit where outcome_id = o.id",
                " union select tp.person_id from outcome_talk ot join talk_participant tp on tp.talk_id = ot.talk_id where ot.outcome_id = o.id) x),",
                " 'figures', (select json_agg(value) from outcome_figure where outcome_id = o.id),",
                " 'excerpts', (select json_agg(c.excerpt) from citation c where c.outcome_id = o.id and c.excerpt is not null))::text",
                " from outcome o where o.id in (",
                "select outcome_id from outcome_beneficiary where person_id in (", people, ")",
                " union select outcome_id from outcome_credit where person_id in (", people, ")",
                " union select ot.outcome_id from outcome_talk ot join talk_participant tp on tp.talk_id = ot.talk_id",
                " where tp.person_id in (", people, ")) order by o.id"),
                row -> new KnownOutcome(row.get("id").asText(), row.get("kind").asText(), row.get("title").asText(),
                        row.hasNonNull("date") ? LocalDate.parse(row.get("date").asText()) : null,
                        row.hasNonNull("precision") ? DatePrecision.valueOf(row.get("precision").asText()) : null,
                        strings(row.get("people")), longs(row.get("figures")), strings(row.get("excerpts"))));
    }

    @Override
    public List<KnownStatement> statementsOf(Collection<String> personIds) {
        return rows(Sql.of("select json_build_object('id', graphql_id('Statement', s.id), 'speakerId', graphql_id('Person', s.speaker_id),",
                " 'quote', s.quote, 'excerpts', (select json_agg(c.excerpt) from citation c where c.statement_id = s.id",
                " and c.excerpt is not null))::text from statement s where s.speaker_id in (", keys(personIds), ") order by s.id"),
                row -> new KnownStatement(row.get("id").asText(), row.get("speakerId").asText(), row.get("quote").asText(),
                        strings(row.get("excerpts"))));
    }

    @Override
    public List<KnownTrip> tripsOf(Collection<String> personIds) {
        return rows(Sql.of("select json_build_object('id', graphql_id('Trip', t.id), 'personId', graphql_id('Person', e.person_id),",
                " 'geonamesId', t.destination_geonames_id, 'countryCode', t.destination_country_code, 'arrivedOn', t.arrived_on)::text",
                " from trip t join envoy e on e.id = t.envoy_id where e.person_id in (", keys(personIds), ") order by t.id"),
                row -> new KnownTrip(row.get("id").asText(), row.get("personId").asText(),
                        row.hasNonNull("geonamesId") ? row.get("geonamesId").asInt() : null, text(row, "countryCode"),
                        row.hasNonNull("arrivedOn") ? LocalDate.parse(row.get("arrivedOn").asText()) : null));
    }

    @Override
    public Set<String> takenTitles(String collection, Collection<String> titles) {
        if (titles.isEmpty()) {
            return Set.of();
        }
        String table = collection.equals("talks") ? "talk" : "outcome";
        Set<String> taken = new HashSet<>();
        for (Object title : Sql.of("select title from " + table + " where title like any (array[",
                Sql.values(titles.stream().map(t -> t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%").toList()),
                "]::text[])").nativeQuery(em).getResultList()) {
            taken.add((String) title);
        }
        return taken;
    }

    private Sql keys(Collection<String> personIds) {
        return Sql.values(personIds.stream().map(id -> GlobalId.keyOf(id, NodeType.PERSON, "id")).toList());
    }

    private <T> List<T> rows(Sql query, Function<JsonNode, T> row) {
        List<T> rows = new ArrayList<>();
        for (Object text : query.nativeQuery(em).getResultList()) {
            try {
                rows.add(row.apply(json.readTree((String) text)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("PostgreSQL wrote invalid JSON", e);
            }
        }
        return rows;
    }

    private static String text(JsonNode row, String field) {
        return row.hasNonNull(field) ? row.get(field).asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asLong()));
        }
        return values;
    }
}
