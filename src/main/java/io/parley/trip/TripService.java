package io.parley.trip;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.db.ListQuery;
import io.parley.db.Listing;
import io.parley.db.Ordering;
import io.parley.db.Filters;
import io.parley.sql.Sql;
import io.parley.db.RecordService;
import io.parley.envoy.EnvoyService;
import io.parley.common.ApiException;
import io.parley.common.Inputs;
import io.parley.common.NodeType;
import io.parley.source.Citations;
import io.parley.common.Location;
import io.parley.talk.TalkService;
import io.quarkus.security.identity.SecurityIdentity;

@ApplicationScoped
public class TripService extends RecordService<Trip, TripInput> {

    static final Ordering BY_KEY = new Ordering("id", "r.id", Ordering.Kind.NUMBER, false);

    private final Citations citations;
    private final EnvoyService envoys;
    private final TalkService talks;

    public TripService(Citations citations, EnvoyService envoys, TalkService talks,
            SecurityIdentity identity) {
        super(NodeType.TRIP, Trip::new, identity);
        this.citations = citations;
        this.envoys = envoys;
        this.talks = talks;
    }

    public Listing listing(TripFilter filter) {
        return filtered(filter).ordered(BY_KEY);
    }

    /** The trips made under an appointment ({@code envoyKey}, SQL), in the order recorded. */
    public Listing ofEnvoy(Sql envoyKey) {
        return filtered(null).where(Sql.of("r.envoy_id = ", envoyKey)).ordered(BY_KEY);
    }

    private ListQuery filtered(TripFilter filter) {
        TripFilter f = filter == null ? new TripFilter() : filter;
        return new ListQuery("trip", "r")
                .where(Filters.anyOf(Inputs.keys("filter.envoyIds", f.envoyIds, NodeType.ENVOY)),
                        envoys -> Filters.in("r.envoy_id", envoys))
                .where(Inputs.countryCode("filter.countryCode", f.countryCode),
                        country -> Filters.equal("r.destination_country_code", country))
                .where(f.from, from -> Filters.atLeast("coalesce(r.departed_on, r.arrived_on)", from))
                .where(f.to, to -> Sql.of("coalesce(r.arrived_on, r.departed_on) <= ", Sql.value(to)));
    }

    @Override
    protected void noteReferences(Trip trip) {
        envoys.known(trip.envoyKey);
        talks.known(trip.talkKeys);
        citations.known(trip.citations);
    }

    @Override
    protected Trip apply(Trip trip, TripInput input) {
        trip.envoyKey = envoys.reference("input.envoyId", input.envoyId);
        if (input.destination == null) {
            throw ApiException.badInput("input.destination", "is required");
        }
        trip.destination = Location.from("input.destination", input.destination);
        Inputs.notBefore("input.departedOn", input.departedOn, input.arrivedOn, "arrivedOn");
        trip.arrivedOn = input.arrivedOn;
        trip.departedOn = input.departedOn;
        trip.purpose = Inputs.optional("input.purpose", input.purpose, Inputs.TEXT_MAX);
        trip.summary = Inputs.optional("input.summary", input.summary, Inputs.TEXT_MAX);
        trip.talkKeys = kept(trip.talkKeys, talks.references("input.talkIds", input.talkIds));
        trip.citations = kept(trip.citations, citations.from("input.citations", input.citations));
        return trip;
    }
}
