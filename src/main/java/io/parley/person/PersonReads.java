package io.parley.person;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.NodeType;
import io.parley.read.JsonReads;
import io.parley.read.JsonShape;
import io.parley.read.JsonShape.Related;
import io.parley.sql.Sql;

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
                .column("name", "name")
                .column("aliases", "aliases")
                .column("birthDate", "birth_date")
                .column("countryCode", "country_code")
                .column("summary", "summary")
                .column("wikidataId", "wikidata_id")
                .many("positions", "Position", (person, x, l) -> new Related(Sql.sql("person_position " + x),
                        Sql.of(x + ".person_id = ", person.id()), Sql.sql(x + ".ordinal")))
                .many("citations", "Citation", (person, x, l) -> new Related(Sql.sql("citation " + x),
                        Sql.of(x + ".person_id = ", person.id()), Sql.sql(x + ".ordinal"))));
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
