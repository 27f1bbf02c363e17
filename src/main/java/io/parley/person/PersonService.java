package io.parley.person;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.parley.db.ListQuery;
import io.parley.db.Listing;
import io.parley.db.Lookup;
import io.parley.db.Ordering;
import io.parley.db.Sql;
import io.parley.db.RecordService;
import io.parley.graphql.Inputs;
import io.parley.graphql.NodeType;
import io.parley.source.Citation;
import io.parley.source.Citations;
import io.quarkus.security.identity.SecurityIdentity;

@ApplicationScoped
public class PersonService extends RecordService<Person, PersonInput> {

    static final Ordering<Person> BY_NAME = new Ordering<>("name", "p.name", Ordering.Kind.TEXT, false, p -> p.name);

    private final EntityManager em;
    private final Lookup lookup;
    private final Citations citations;

    public PersonService(EntityManager em, Lookup lookup, Citations citations, SecurityIdentity identity) {
        super(NodeType.PERSON, Person::new, identity);
        this.em = em;
        this.lookup = lookup;
        this.citations = citations;
    }

    public Listing<Person> listing(PersonFilter filter) {
        PersonFilter f = filter == null ? new PersonFilter() : filter;
        String name = Sql.containing(Inputs.optional("filter.name", f.name, Inputs.NAME_MAX));
        return new ListQuery<>(em, Person.class, "person", "p")
                .where(Person.nameMatches("p", "name"), "name", name)
                .where("p.country_code = :country", "country", Inputs.countryCode("filter.countryCode", f.countryCode))
                .ordered(BY_NAME);
    }

    public Map<Long, List<Position>> positions(Collection<Long> personKeys) {
        return lookup.children(Person.class, "positions", Position.class, personKeys);
    }

    public Map<Long, List<Citation>> citations(Collection<Long> personKeys) {
        return lookup.children(Person.class, "citations", Citation.class, personKeys, Citation.SOURCE);
    }

    @Transactional
    public Person create(PersonInput input) {
        return created(input);
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
