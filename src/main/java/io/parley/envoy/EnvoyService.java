package io.parley.envoy;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.parley.db.ListQuery;
import io.parley.db.Listing;
import io.parley.db.Filters;
import io.parley.db.Ordering;
import io.parley.sql.Sql;
import io.parley.db.RecordService;
import io.parley.common.ApiException;
import io.parley.common.DatePrecision;
import io.parley.common.Inputs;
import io.parley.common.NodeType;
import io.parley.person.PersonService;
import io.parley.source.Citations;
import io.quarkus.security.identity.SecurityIdentity;

@ApplicationScoped
public class EnvoyService extends RecordService<Envoy, EnvoyInput> {

    static final Ordering BY_KEY = new Ordering("id", "e.id", Ordering.Kind.NUMBER, false);

    private final Citations citations;
    private final PersonService people;

    public EnvoyService(Citations citations, PersonService people,
            SecurityIdentity identity) {
        super(NodeType.ENVOY, Envoy::new, identity);
        this.citations = citations;
        this.people = people;
    }

    public Listing listing(EnvoyFilter filter) {
        EnvoyFilter f = filter == null ? new EnvoyFilter() : filter;
        return new ListQuery("envoy", "e")
                .where(Inputs.optional("filter.name", f.name, Inputs.NAME_MAX), name -> Sql.of(
                        "exists (select 1 from person p where p.id = e.person_id and ", PersonService.nameMatches("p", name), ")"))
                .where(Inputs.countryCode("filter.represents", f.represents), country -> Filters.equal("e.represents", country))
                .where(f.active, active -> Sql.of(active("e"), " = ", Sql.value(active)))
                .ordered(BY_KEY);
    }

    /** Whether the appointment in row {@code alias} is in force today. */
    static io.parley.sql.Sql active(String alias) {
        return Sql.sql("((" + alias + ".start_date is null or " + alias + ".start_date <= current_date) and ("
                + alias + ".end_date is null or " + alias + ".end_date >= current_date))");
    }

    @Transactional
    public Envoy endMandate(String id, LocalDate endDate) {
        Envoy envoy = forUpdate(id, null);
        Inputs.notBefore("endDate", endDate, envoy.startDate, "the mandate's startDate " + envoy.startDate);
        envoy.endDate = endDate;
        return saved(envoy);
    }

    @Override
    protected void noteReferences(Envoy envoy) {
        people.known(envoy.personKey);
        people.known(envoy.appointedByKey);
        citations.known(envoy.citations);
    }

    @Override
    protected Envoy apply(Envoy envoy, EnvoyInput input) {
        envoy.personKey = people.reference("input.personId", input.personId);
        envoy.title = Inputs.required("input.title", input.title, Inputs.TITLE_MAX);
        envoy.represents = Inputs.countryCode("input.represents", input.represents);
        if (envoy.represents == null) {
            throw ApiException.badInput("input.represents", "must not be blank");
        }
        envoy.appointedByKey = people.optionalReference("input.appointedById", input.appointedById);
        if (envoy.personKey.equals(envoy.appointedByKey)) {
            throw ApiException.badInput("input.appointedById", "an envoy cannot appoint themselves");
        }
        envoy.mandate = Inputs.optional("input.mandate", input.mandate, Inputs.TITLE_MAX);
        envoy.announcedOnPrecision = DatePrecision.forDate(input.announcedOn, input.announcedOnPrecision);
        envoy.announcedOn = envoy.announcedOnPrecision == null ? null
                : envoy.announcedOnPrecision.align(input.announcedOn);
        envoy.startDate = input.startDate;
        envoy.endDate = input.endDate;
        Inputs.notBefore("input.endDate", input.endDate, input.startDate, "startDate");
        envoy.citations = kept(envoy.citations, citations.from("input.citations", input.citations));
        return envoy;
    }
}
