package io.parley.person;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.db.ListQuery;
import io.parley.db.Listing;
import io.parley.db.Filters;
import io.parley.db.Ordering;
import io.parley.sql.Sql;
import io.parley.db.RecordService;
import io.parley.common.Inputs;
import io.parley.common.NodeType;
import io.parley.source.Citations;
import io.quarkus.security.identity.SecurityIdentity;

@ApplicationScoped
public class PersonService extends RecordService<Person, PersonInput> {

    static final Ordering BY_NAME = new Ordering("name", "p.name", Ordering.Kind.TEXT, false);

    private final Citations citations;

    public PersonService(Citations citations, SecurityIdentity identity) {
        super(NodeType.PERSON, Person::new, identity);
        this.citations = citations;
    }

    public Listing listing(PersonFilter filter) {
        PersonFilter f = filter == null ? new PersonFilter() : filter;
        return new ListQuery("person", "p")
                .where(Filters.containing(Inputs.optional("filter.name", f.name, Inputs.NAME_MAX)),
                        pattern -> nameMatches("p", pattern))
                .where(Inputs.countryCode("filter.countryCode", f.countryCode), country -> Filters.equal("p.country_code", country))
                .ordered(BY_NAME);
    }

    /** The person row {@code alias} has a name or alias matching the ILIKE {@code pattern}. */
    public static io.parley.sql.Sql nameMatches(String alias, String pattern) {
        return Sql.of("(" + alias + ".name ilike ", Sql.value(pattern),
                " or exists (select 1 from unnest(" + alias + ".aliases) a where a ilike ", Sql.value(pattern), "))");
    }

    @Override
    protected Person apply(Person person, PersonInput input) {
        person.name = Inputs.required("input.name", input.name, Inputs.NAME_MAX);
        List<String> aliases = Inputs.strings("input.aliases", input.aliases, Inputs.NAME_MAX);
        person.aliases = aliases == null ? new ArrayList<>() : aliases;
        person.birthDate = input.birthDate;
        person.countryCode = Inputs.countryCode("input.countryCode", input.countryCode);
        person.summary = Inputs.optional("input.summary", input.summary, Inputs.TEXT_MAX);
        person.wikidataId = Inputs.matching("input.wikidataId", input.wikidataId, "Q[1-9][0-9]{0,11}",
                "a Wikidata item id such as Q7614318");
        List<Position> positions = Inputs.each("input.positions", input.positions, (field, position) -> {
            Inputs.notBefore(field + ".endDate", position.endDate, position.startDate, "startDate");
            return new Position(Inputs.required(field + ".title", position.title, Inputs.TITLE_MAX),
                    Inputs.optional(field + ".organization", position.organization, Inputs.TITLE_MAX),
                    position.startDate, position.endDate);
        });
        // New collection instances make Hibernate rewrite the rows instead of diffing by index.
        person.positions = positions == null ? new ArrayList<>() : positions;
        person.citations = citations.from("input.citations", input.citations);
        return person;
    }
}
