package io.parley.person;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.graphql.JsonReads;
import io.parley.graphql.JsonShape;
import io.parley.graphql.NodeType;

/** People and their positions, as compiled reads read them. */
@ApplicationScoped
public class PersonReads implements JsonReads {

    private final PersonService people;

    public PersonReads(PersonService people) {
        this.people = people;
    }

    @Override
    public void describe(Registry registry) {
        registry.shape(JsonShape.node(NodeType.PERSON, "person")
                .column("name", "name")
                .column("aliases", "aliases")
                .column("birthDate", "birth_date")
                .column("countryCode", "country_code")
                .column("summary", "summary")
                .column("wikidataId", "wikidata_id")
                .many("positions", "Position", "person_position {x}", "{x}.person_id = {row}.id", "{x}.ordinal")
                .many("envoyAppointments", "Envoy", "envoy {x}", "{x}.person_id = {row}.id", "{x}.id")
                .many("citations", "Citation", "citation {x}", "{x}.person_id = {row}.id", "{x}.ordinal"));
        registry.shape(JsonShape.of("Position", "person_position")
                .column("title", "title")
                .column("organization", "organization")
                .column("startDate", "start_date")
                .column("endDate", "end_date"));
        registry.root("person", (compiler, field) -> compiler.byId(NodeType.PERSON, field));
        registry.root("people", (compiler, field) -> compiler.connection(
                people.listing(compiler.argument(field, "filter", PersonFilter.class)), field));
    }
}
