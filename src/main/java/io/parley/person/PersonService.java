package io.parley.person;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import io.parley.db.ListQuery;
import io.parley.db.Listing;
import io.parley.db.Filters;
import io.parley.db.Ordering;
import io.parley.sql.Sql;
import io.parley.db.RecordService;
import io.parley.common.Inputs;
import io.parley.common.NodeType;
import io.parley.names.ForgivingQuery;
import io.parley.names.PersonNames;
import io.parley.source.Citations;
import io.quarkus.security.identity.SecurityIdentity;

@ApplicationScoped
public class PersonService extends RecordService<Person, PersonInput> {

    /** A BCP 47 tag as aliases carry it: language, then script and region where they matter. */
    static final String LANGUAGE_TAG = "[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?";

    static final Ordering BY_NAME = new Ordering("name", "p.name", Ordering.Kind.TEXT, false);

    private final Citations citations;

    public PersonService(Citations citations, SecurityIdentity identity) {
        super(NodeType.PERSON, Person::new, identity);
        this.citations = citations;
    }

    public Listing listing(PersonFilter filter) {
        PersonFilter f = filter == null ? new PersonFilter() : filter;
        return new ListQuery("person", "p")
                .where(Inputs.optional("filter.name", f.name, Inputs.NAME_MAX), name -> nameMatches("p", name))
                .where(Inputs.countryCode("filter.countryCode", f.countryCode), country -> Filters.equal("p.country_code", country))
                .ordered(BY_NAME);
    }

    /** The key of the person a person's key ({@code key}, SQL) answers with now: the one it was merged into, or itself. */
    public static Sql currentKey(Sql key) {
        return Sql.of("person_key(", key, ")");
    }

    /** The keys of the people {@code keys} name now (see {@link #currentKey}), as SQL values separated by commas. */
    public static Sql currentKeys(Collection<Long> keys) {
        return Sql.join(keys.stream().map(key -> currentKey(Sql.value(key))).toList(), ", ");
    }

    /** Merged people (person_merge, V11) answer with the person they were merged into. */
    @Override
    protected Map<Long, Long> mergedInto(Collection<Long> keys) {
        Map<Long, Long> result = new HashMap<>();
        // Not flushing first: a write looks its references up while its record is half changed,
        // and an early flush would write it twice (two versions for one change).
        List<?> rows = Sql.of("select merged_id, kept_id from person_merge where merged_id in (", Sql.values(keys), ")")
                .nativeQuery(getEntityManager()).setFlushMode(FlushModeType.COMMIT).getResultList();
        for (Object row : rows) {
            Object[] pair = (Object[]) row;
            result.put(((Number) pair[0]).longValue(), ((Number) pair[1]).longValue());
        }
        return result;
    }

    /**
     * The person row {@code alias} bears {@code name}: it is part of their name or an alias
     * (case and accents aside), or their name or an alias matches it as search does (typos, name
     * variants, the last word completed: {@link ForgivingQuery}).
     */
    public static Sql nameMatches(String alias, String name) {
        Sql pattern = Sql.of("fold(", Sql.value(Filters.containing(name)), ")");
        return Sql.of("(fold(" + alias + ".name) like ", pattern,
                " or exists (select 1 from unnest(" + alias + ".aliases) a where fold(a) like ", pattern, ") or ",
                ForgivingQuery.of(name).matchesName(alias + ".search", alias + ".name || ' ' || join_words(" + alias + ".aliases)"), ")");
    }

    /**
     * The person row {@code alias} may bear one of the {@code written} names: a word of its name
     * or aliases is one of their surnames, as search forgives it (typos, transliterations within
     * a typo, name variants: {@link ForgivingQuery#anyWordInNames}). A wide net, index-backed,
     * that fetches the few people {@link PersonNames} then judges, instead of every person.
     */
    public static Sql mayBear(String alias, Collection<String> written) {
        return ForgivingQuery.anyWordInNames(written.stream().map(PersonNames::surname).toList(), alias + ".search");
    }

    /**
     * The words {@link #mayBear(String, Sql, Sql)} asks for: the surnames of the {@code written}
     * names, with their given-name variants.
     */
    public static ForgivingQuery.NameWords surnameWords(Collection<String> written) {
        return ForgivingQuery.NameWords.of(written.stream().map(PersonNames::surname).toList());
    }

    /**
     * As {@link #mayBear(String, Collection)}, with the surname words ({@link #surnameWords}) as
     * SQL text expressions, so that one statement can ask it for many written names, each row
     * bringing its own.
     */
    public static Sql mayBear(String alias, Sql surnameKeys, Sql variants) {
        return ForgivingQuery.anyWordInNames(surnameKeys, variants, alias + ".search");
    }

    /**
     * The person's aliases from {@code aliases} (languages unknown, or kept from the alias of that
     * name the person already had) and {@code aliasesWithLanguage}, each name once, in that order.
     */
    private static void aliases(Person person, PersonInput input) {
        List<String> plain = Inputs.strings("input.aliases", input.aliases, Inputs.NAME_MAX);
        List<AliasInput> tagged = Inputs.each("input.aliasesWithLanguage", input.aliasesWithLanguage, (field, alias) -> {
            AliasInput checked = new AliasInput();
            checked.name = Inputs.required(field + ".name", alias.name, Inputs.NAME_MAX);
            checked.language = Inputs.matching(field + ".language", alias.language, LANGUAGE_TAG,
                    "a BCP 47 language tag such as ru, ar, he or ru-Latn");
            return checked;
        });
        Map<String, String> known = new HashMap<>();
        for (int i = 0; i < person.aliases.size() && i < person.aliasLanguages.size(); i++) {
            known.put(person.aliases.get(i), person.aliasLanguages.get(i));
        }
        Map<String, String> languages = new LinkedHashMap<>();
        for (String name : plain == null ? List.<String>of() : plain) {
            languages.put(name, known.get(name));
        }
        for (AliasInput alias : tagged == null ? List.<AliasInput>of() : tagged) {
            if (languages.containsKey(alias.name) && alias.language == null) {
                continue;
            }
            languages.put(alias.name, alias.language);
        }
        Inputs.size("input.aliases", languages.keySet());
        person.aliases = new ArrayList<>(languages.keySet());
        person.aliasLanguages = new ArrayList<>(languages.values());
    }

    @Override
    protected void noteReferences(Person person) {
        citations.known(person.citations);
    }

    @Override
    protected Person apply(Person person, PersonInput input) {
        person.name = Inputs.required("input.name", input.name, Inputs.NAME_MAX);
        aliases(person, input);
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
        person.positions = kept(person.positions, positions == null ? new ArrayList<>() : positions);
        person.citations = kept(person.citations, citations.from("input.citations", input.citations));
        return person;
    }
}
