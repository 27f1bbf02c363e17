package io.parley.outcome;

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
import io.parley.db.Filters;
import io.parley.sql.Sql;
import io.parley.db.Store;
import io.parley.db.VersionedEntity;
import io.parley.events.ChangeEvents;
import io.parley.graphql.ApiException;
import io.parley.graphql.DatePrecision;
import io.parley.graphql.GlobalId;
import io.parley.graphql.Inputs;
import io.parley.graphql.NodeLoader;
import io.parley.graphql.NodeType;
import io.parley.paging.PageRequest;
import io.parley.person.Person;
import io.parley.source.Citation;
import io.parley.source.Citations;
import io.parley.talk.Talk;
import io.parley.track.Track;

@ApplicationScoped
public class OutcomeService implements NodeLoader<Outcome> {

    static final Ordering BY_KEY = new Ordering("id", "o.id", Ordering.Kind.NUMBER, false);

    private final EntityManager em;
    private final Store store;
    private final Lookup lookup;
    private final Citations citations;
    private final ChangeEvents events;

    public OutcomeService(EntityManager em, Store store, Lookup lookup, Citations citations, ChangeEvents events) {
        this.em = em;
        this.store = store;
        this.lookup = lookup;
        this.citations = citations;
        this.events = events;
    }

    @Override
    public NodeType nodeType() {
        return NodeType.OUTCOME;
    }

    @Override
    public Map<Long, Outcome> byKeys(Collection<Long> keys) {
        return lookup.byKeys(Outcome.class, keys);
    }

    public Listing listing(OutcomeFilter filter) {
        return filtered(filter).ordered(BY_KEY);
    }

    /** A track's ({@code trackKey}, SQL) outcomes, in the order recorded. */
    public Listing ofTrack(Sql trackKey) {
        return filtered(null).where(Sql.of("o.track_id = ", trackKey)).ordered(BY_KEY);
    }

    private ListQuery filtered(OutcomeFilter filter) {
        OutcomeFilter f = filter == null ? new OutcomeFilter() : filter;
        return new ListQuery("outcome", "o")
                .where(io.parley.db.Sql.names(f.kinds), kinds -> Filters.in("o.kind", kinds))
                .where(io.parley.db.Sql.names(f.statuses), statuses -> Filters.in("o.status", statuses))
                .where(io.parley.db.Sql.anyOf(Inputs.keys("filter.trackIds", f.trackIds, NodeType.TRACK)),
                        tracks -> Filters.in("o.track_id", tracks))
                .where(f.from, from -> Filters.atLeast("o.date", from))
                .where(f.to, to -> Filters.endsBy("o.date", "o.date_end", to));
    }








    @Transactional
    public Outcome record(OutcomeInput input) {
        return announced(store.create(apply(new Outcome(), input)));
    }

    @Transactional
    public Outcome update(String id, OutcomeInput input, Integer expectedVersion) {
        return announced(store.save(apply(store.forUpdate(Outcome.class, NodeType.OUTCOME, id, expectedVersion),
                input)));
    }

    private Outcome announced(Outcome outcome) {
        events.publish(NodeType.OUTCOME, outcome.key(), outcome.trackKey);
        return outcome;
    }

    @Transactional
    public String delete(String id) {
        return store.delete(Outcome.class, NodeType.OUTCOME, id);
    }

    private Outcome apply(Outcome outcome, OutcomeInput input) {
        if (input.kind == null) {
            throw ApiException.badInput("input.kind", "is required");
        }
        outcome.kind = input.kind;
        outcome.status = input.status == null ? OutcomeStatus.AGREED : input.status;
        outcome.title = Inputs.required("input.title", input.title, Inputs.TITLE_MAX);
        outcome.description = Inputs.optional("input.description", input.description, Inputs.TEXT_MAX);
        outcome.datePrecision = DatePrecision.forDate(input.date, input.datePrecision);
        outcome.date = outcome.datePrecision == null ? null : outcome.datePrecision.align(input.date);
        outcome.trackKey = input.trackId == null ? null : GlobalId.keyOf(input.trackId, NodeType.TRACK, "input.trackId");
        store.requireExisting(Track.class, NodeType.TRACK, "input.trackId", outcome.trackKey);
        outcome.talkKeys = references("input.talkIds", input.talkIds, NodeType.TALK, Talk.class);
        outcome.beneficiaryKeys = references("input.beneficiaryIds", input.beneficiaryIds, NodeType.PERSON,
                Person.class);
        outcome.creditedKeys = references("input.creditedToIds", input.creditedToIds, NodeType.PERSON, Person.class);
        List<Figure> figures = Inputs.each("input.figures", input.figures, (field, figure) -> {
            if (figure.value == null || figure.value < 0) {
                throw ApiException.badInput(field + ".value", "must be zero or more");
            }
            return new Figure(Inputs.required(field + ".label", figure.label, Inputs.TITLE_MAX), figure.value,
                    Boolean.TRUE.equals(figure.approximate));
        });
        outcome.figures = figures == null ? new ArrayList<>() : figures;
        outcome.citations = citations.from("input.citations", input.citations);
        return outcome;
    }

    private List<Long> references(String field, List<String> ids, NodeType type,
            Class<? extends VersionedEntity> entity) {
        List<Long> keys = Inputs.keys(field, ids, type);
        store.requireExisting(entity, type, field, keys);
        return keys == null ? new ArrayList<>() : keys;
    }
}
