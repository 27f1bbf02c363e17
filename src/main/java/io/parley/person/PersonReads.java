package io.parley.person;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.NodeType;
import io.parley.read.JsonReads;
import io.parley.read.JsonShape;

/** The read definitions of people and their positions. */
@ApplicationScoped
public class PersonReads implements JsonReads {

    private final PersonService people;

    public PersonReads(PersonService people) {
        this.people = people;
    }

    @Override
    public void describe(Registry registry) {
        registry.shape(JsonShape.node(NodeType.PERSON, "person")
                .columns("name", "aliases", "birthDate", "countryCode", "summary", "wikidataId")
                .owned("positions", "Position", "person_position", "person_id")
                .owned("citations", "Citation", "citation", "person_id"));
        registry.shape(JsonShape.of("Position", "person_position")
                .columns("title", "organization", "startDate", "endDate"));
        registry.root("person", (compiler, field) -> compiler.byId(NodeType.PERSON, field));
        registry.root("people", (compiler, field) -> compiler.connection(
                people.listing(compiler.argument(field, "filter", PersonFilter.class)), field));
    }
}
