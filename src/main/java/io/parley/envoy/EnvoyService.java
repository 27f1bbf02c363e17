package io.parley.envoy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.parley.db.ListQuery;
import io.parley.db.Listing;
import io.parley.db.Filters;
import io.parley.db.Lookup;
import io.parley.db.Ordering;
import io.parley.db.Sql;
import io.parley.db.Store;
import io.parley.graphql.ApiException;
import io.parley.graphql.DatePrecision;
import io.parley.graphql.GlobalId;
import io.parley.graphql.Inputs;
import io.parley.graphql.NodeLoader;
import io.parley.graphql.NodeType;
import io.parley.person.Person;
import io.parley.person.PersonService;
import io.parley.source.Citation;
import io.parley.source.Citations;

@ApplicationScoped
public class EnvoyService implements NodeLoader<Envoy> {

    static final Ordering BY_KEY = new Ordering("id", "e.id", Ordering.Kind.NUMBER, false);

    private final EntityManager em;
    private final Store store;
    private final Lookup lookup;
    private final Citations citations;

    public EnvoyService(EntityManager em, Store store, Lookup lookup, Citations citations) {
        this.em = em;
        this.store = store;
        this.lookup = lookup;
        this.citations = citations;
    }

    @Override
    public NodeType nodeType() {
        return NodeType.ENVOY;
    }

    @Override
    public Map<Long, Envoy> byKeys(Collection<Long> keys) {
        return lookup.byKeys(Envoy.class, keys);
    }

    public Listing listing(EnvoyFilter filter) {
        EnvoyFilter f = filter == null ? new EnvoyFilter() : filter;
        return new ListQuery("envoy", "e")
                .where(Sql.containing(Inputs.optional("filter.name", f.name, Inputs.NAME_MAX)), pattern -> io.parley.sql.Sql.of(
                        "exists (select 1 from person p where p.id = e.person_id and ", PersonService.nameMatches("p", pattern), ")"))
                .where(Inputs.countryCode("filter.represents", f.represents), country -> Filters.equal("e.represents", country))
                .where(f.active, active -> io.parley.sql.Sql.of(active("e"), " = ", io.parley.sql.Sql.value(active)))
                .ordered(BY_KEY);
    }

    /** Whether the appointment in row {@code alias} is in force today. */
    static io.parley.sql.Sql active(String alias) {
        return io.parley.sql.Sql.sql("((" + alias + ".start_date is null or " + alias + ".start_date <= current_date) and ("
                + alias + ".end_date is null or " + alias + ".end_date >= current_date))");
    }



    @Transactional
    public Envoy appoint(EnvoyInput input) {
        return store.create(apply(new Envoy(), input));
    }

    @Transactional
    public Envoy update(String id, EnvoyInput input, Integer expectedVersion) {
        return store.save(apply(store.forUpdate(Envoy.class, NodeType.ENVOY, id, expectedVersion), input));
    }

    @Transactional
    public Envoy endMandate(String id, LocalDate endDate) {
        Envoy envoy = store.forUpdate(Envoy.class, NodeType.ENVOY, id, null);
        Inputs.notBefore("endDate", endDate, envoy.startDate, "the mandate's startDate " + envoy.startDate);
        envoy.endDate = endDate;
        return store.save(envoy);
    }

    @Transactional
    public String delete(String id, Integer expectedVersion) {
        return store.delete(Envoy.class, NodeType.ENVOY, id, expectedVersion);
    }

    private Envoy apply(Envoy envoy, EnvoyInput input) {
        envoy.personKey = GlobalId.keyOf(input.personId, NodeType.PERSON, "input.personId");
        store.requireExisting(Person.class, NodeType.PERSON, "input.personId", envoy.personKey);
        envoy.title = Inputs.required("input.title", input.title, Inputs.TITLE_MAX);
        envoy.represents = Inputs.countryCode("input.represents", input.represents);
        if (envoy.represents == null) {
            throw ApiException.badInput("input.represents", "must not be blank");
        }
        envoy.appointedByKey = input.appointedById == null ? null
                : GlobalId.keyOf(input.appointedById, NodeType.PERSON, "input.appointedById");
        if (envoy.personKey.equals(envoy.appointedByKey)) {
            throw ApiException.badInput("input.appointedById", "an envoy cannot appoint themselves");
        }
        store.requireExisting(Person.class, NodeType.PERSON, "input.appointedById", envoy.appointedByKey);
        envoy.mandate = Inputs.optional("input.mandate", input.mandate, Inputs.TITLE_MAX);
        envoy.announcedOnPrecision = DatePrecision.forDate(input.announcedOn, input.announcedOnPrecision);
        envoy.announcedOn = envoy.announcedOnPrecision == null ? null
                : envoy.announcedOnPrecision.align(input.announcedOn);
        envoy.startDate = input.startDate;
        envoy.endDate = input.endDate;
        Inputs.notBefore("input.endDate", input.endDate, input.startDate, "startDate");
        envoy.citations = citations.from("input.citations", input.citations);
        return envoy;
    }
}
