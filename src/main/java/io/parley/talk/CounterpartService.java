package io.parley.talk;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.parley.person.Person;
import io.parley.person.PersonService;

/** Who met whom: computed in SQL for many people at once, then two batch loads. */
@ApplicationScoped
public class CounterpartService {

    private static final String SQL = """
            select me.person_id, other.person_id,
                   count(*) filter (where t.status = 'HELD'),
                   count(*) filter (where t.status in ('EXPECTED', 'PLANNED')),
                   min(t.date) filter (where t.status = 'HELD'),
                   max(t.date) filter (where t.status = 'HELD'),
                   array_agg(t.id order by t.date, t.id)
            from talk_participant me
            join talk_participant other on other.talk_id = me.talk_id and other.person_id <> me.person_id
            join talk t on t.id = me.talk_id
            where me.person_id in (:people) and t.status <> 'CANCELLED'
            group by me.person_id, other.person_id
            order by me.person_id, 3 desc, 4 desc, 5 nulls last, other.person_id""";

    private final EntityManager em;
    private final PersonService people;
    private final TalkService talks;

    public CounterpartService(EntityManager em, PersonService people, TalkService talks) {
        this.em = em;
        this.people = people;
        this.talks = talks;
    }

    /** Each person's counterparts, most meetings held first, then most expected. */
    public Map<Long, List<Counterpart>> of(Collection<Long> personKeys) {
        Map<Long, List<Counterpart>> result = new LinkedHashMap<>();
        if (personKeys.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SQL, Object[].class).setParameter("people", personKeys)
                .getResultList();
        Set<Long> otherKeys = new HashSet<>();
        Set<Long> talkKeys = new HashSet<>();
        for (Object[] row : rows) {
            otherKeys.add(((Number) row[1]).longValue());
            talkKeys.addAll(keys(row[6]));
        }
        Map<Long, Person> others = people.byKeys(otherKeys);
        Map<Long, Talk> talksByKey = talks.byKeys(talkKeys);
        for (Object[] row : rows) {
            List<Talk> shared = keys(row[6]).stream().map(talksByKey::get).filter(Objects::nonNull).toList();
            result.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add(new Counterpart(
                    others.get(((Number) row[1]).longValue()), ((Number) row[2]).intValue(),
                    ((Number) row[3]).intValue(), localDate(row[4]), localDate(row[5]), shared));
        }
        return result;
    }

    private static List<Long> keys(Object array) {
        Object[] values = array instanceof Object[] objects ? objects
                : Arrays.stream((long[]) array).boxed().toArray();
        return Arrays.stream(values).map(value -> ((Number) value).longValue()).toList();
    }

    private static java.time.LocalDate localDate(Object value) {
        return value == null ? null : value instanceof Date date ? date.toLocalDate() : (java.time.LocalDate) value;
    }
}
