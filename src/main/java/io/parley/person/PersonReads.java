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
                .columns("name", "aliases", "birthDate", "countryCode", "summary", "wikidataId")
                .owned("positions", "Position", "person_position", "person_id")
                .many("aliasesWithLanguage", "Alias", (person, x, l) -> new Related(
                        Sql.of("unnest(", person.column("aliases"), ", ", person.column("alias_languages"),
                                ") with ordinality " + x + "(name, language, ordinal)"),
                        Sql.sql("true"), Sql.sql(x + ".ordinal")))
                .owned("citations", "Citation", "citation", "person_id")
                .redirected(PersonService::currentKey));
        registry.shape(JsonShape.of("Alias", null).columns("name", "language"));
        registry.shape(JsonShape.of("Position", "person_position")
                .columns("title", "organization", "startDate", "endDate"));
        registry.root("person", (compiler, field) -> compiler.byId(NodeType.PERSON, field));
        registry.root("people", (compiler, field) -> compiler.connection(
                people.listing(compiler.argument(field, "filter", PersonFilter.class)), field));
    }
}
